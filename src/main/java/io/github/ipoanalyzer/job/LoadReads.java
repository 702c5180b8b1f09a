package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputKind;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.market.ExchangeHoliday;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.store.FileTail;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;
import org.springframework.batch.core.step.StepExecution;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a load step reads before it starts, read once per step of a job execution in this
 * process and shared by the step's partitions (the price load's groups on local threads, or the
 * groups one remote worker runs): the files to read, where an appended file's reading resumes,
 * the listings and the exchanges' holidays. None of it changes while the step runs: the files are
 * recorded, and the resume points cleared, only after every load (recordInputFiles), and the
 * listings and holidays are loaded by earlier steps. What is held is not changed, and keeps
 * the order it was read in.
 */
final class LoadReads {

    private final MarketDataStore store;
    private final InputFileLedger ledger;
    /** The step (job execution and step name without the partition's) whose reads are held. */
    private String heldFor = "";
    private final Map<String, Object> held = new HashMap<>();

    LoadReads(MarketDataStore store, InputFileLedger ledger) {
        this.store = store;
        this.ledger = ledger;
    }

    /** The files of {@code kind} the step reads, before its share is taken ({@link InputFilesReader#toRead}). */
    List<Path> toRead(InputKind<?> kind, InputLayout layout, StepExecution step) {
        return held(step, "files " + kind.name() + " " + layout.root(), () -> InputFilesReader.toRead(kind, layout, ledger, step));
    }

    /** Where the reading of each file that only had rows appended resumes. */
    Map<String, FileTail> tails(StepExecution step) {
        return held(step, "tails", () -> Collections.unmodifiableMap(ledger.tails()));
    }

    Map<String, Listing> listingsByTicker(StepExecution step) {
        // The map as read, not a copy: a lookup by ticker symbol iterates it, and a copy's order would vary by run.
        return held(step, "listings", () -> Collections.unmodifiableMap(store.listingsByTicker()));
    }

    List<ExchangeHoliday> holidays(StepExecution step) {
        return held(step, "holidays", () -> store.rows(MarketTables.EXCHANGE_HOLIDAY));
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T held(StepExecution step, String what, Supplier<T> read) {
        String name = step.getStepName();
        String of = step.getJobExecutionId() + " " + (name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
        if (!of.equals(heldFor)) {
            held.clear(); // another step's reads: let them go
            heldFor = of;
        }
        return (T) held.computeIfAbsent(what, w -> read.get());
    }
}
