package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.CsvRecord;
import io.github.ipoanalyzer.ingest.InputKind;
import io.github.ipoanalyzer.ingest.ListingLookup;
import io.github.ipoanalyzer.ingest.RejectedRowException;
import io.github.ipoanalyzer.ingest.RowGuard;
import io.github.ipoanalyzer.ingest.RowRule;
import io.github.ipoanalyzer.ingest.RowValues;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.RowStore;
import io.github.ipoanalyzer.store.Sourced;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The one adapter from an input kind's plain row rule and duplicate rule to a load step: it is
 * the step's processor, and is registered as its step and chunk listener where the step is
 * built. Before the step it reads what is already committed (the listings and calendars for
 * reference checks, the kind's rows for duplicate checks), so that a restarted step judges the remaining rows
 * exactly as an uninterrupted one would.
 */
final class RowRuleProcessor<T> implements ItemProcessor<CsvRecord, Sourced<T>>, StepExecutionListener,
        ChunkListener<CsvRecord, Sourced<T>> {

    private final MarketDataStore store;
    private final LoadReads reads;
    private final String table;
    private final RowStore<T> destination;
    private final RowRule<T> rule;
    private final RowGuard<T> duplicates;
    private ListingLookup listings = ListingLookup.NONE;
    private final String kindName;
    private final Set<String> givenUp = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private String file;
    private long rejectedFromStart;
    private boolean anyKept;

    /**
     * A file whose first this many rows are all rejected is no file of this kind (a garbage or
     * wrong file): the rest of it is not read, where reading on would reject millions of rows.
     */
    static final int MAX_REJECTED_FROM_START = 1000;

    /**
     * Judges whether a file's first rows are all rejected only where the reading of its files
     * starts ({@code fromStart}): not a partition that reads a later range of a file.
     */
    private final boolean fromStart;

    RowRuleProcessor(InputKind<T> kind, MarketDataStore store, LoadReads reads, boolean fromStart) {
        this.fromStart = fromStart;
        this.store = store;
        this.reads = reads;
        this.table = kind.table();
        this.destination = kind.destination().apply(store);
        this.rule = kind.rule();
        this.kindName = kind.name();
        this.duplicates = kind.guard().apply(store);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        listings = new ListingLookup(reads.listingsByTicker(stepExecution), new TradingDays(reads.holidays(stepExecution)));
        duplicates.seed();
        givenUp.clear();
        file = null;
    }

    @Override
    public void afterChunk(Chunk<Sourced<T>> chunk) {
        duplicates.committed();
    }

    @Override
    public Sourced<T> process(CsvRecord record) {
        if (!record.file().equals(file)) {
            file = record.file();
            rejectedFromStart = 0;
            anyKept = false;
        }
        try {
            java.util.Optional<String> unreadable = record.unreadable();
            if (unreadable.isPresent()) {
                throw new RejectedRowException("", null, "unreadable", unreadable.get());
            }
            RowValues values = new RowValues(record);
            T row;
            try {
                row = rule.apply(values, listings);
            } finally {
                values.invisibleCharacters().ifPresent(notice -> store.recordNotice(record.file(), notice));
            }
            Sourced<T> kept = duplicates.admit(new Sourced<>(row, record.file(), record.line()));
            anyKept = true;
            return kept;
        } catch (RejectedRowException e) {
            if (RejectedRowException.REPEAT.equals(e.rule()) || MarketDataStore.SET_ASIDE_RULE.equals(e.rule())) {
                anyKept = true; // a repeat or a row set aside is no sign of a wrong file
            } else if (fromStart && !anyKept && ++rejectedFromStart == MAX_REJECTED_FROM_START) {
                givenUp.add(file);
                throw new RejectedRowException(e.column(), e.rawValue(), "not-" + kindName, "the first "
                        + MAX_REJECTED_FROM_START + " rows of " + file + " are all rejected (this one: " + e.reason()
                        + "): not a " + kindName + " file? The rest of it is not read; correct it or move it out of the "
                        + "input folder");
            }
            throw e;
        }
    }

    /** Whether the reading of {@code file} ended early because its first rows were all rejected. */
    boolean givenUp(String file) {
        return givenUp.contains(file);
    }

    /**
     * The step's writer: the chunk's rows, less those a later fuller row of their key replaced;
     * replaced rows committed earlier are removed from the table, and every replaced row is
     * recorded as a repeat of the row that replaced it (or with the reject it was withdrawn for), in the chunk's transaction.
     */
    void write(List<? extends Sourced<T>> rows) {
        List<RowGuard.Replacement<T>> replaced = duplicates.takeReplacements();
        if (replaced.isEmpty()) {
            destination.write(rows);
            return;
        }
        Set<Sourced<T>> earlier = new HashSet<>();
        Map<String, Set<Long>> committed = new HashMap<>();
        replaced.forEach(r -> earlier.add(r.earlier()));
        Set<Sourced<T>> inChunk = new HashSet<>(rows);
        earlier.stream().filter(r -> !inChunk.contains(r))
                .forEach(r -> committed.computeIfAbsent(r.file(), f -> new HashSet<>()).add(r.line()));
        store.removeLoaded(table, committed);
        store.recordRejects(replaced.stream().map(r -> r.asReject().at(r.earlier().file(), r.earlier().line())).toList());
        destination.write(rows.stream().filter(r -> !earlier.contains(r)).toList());
    }
}
