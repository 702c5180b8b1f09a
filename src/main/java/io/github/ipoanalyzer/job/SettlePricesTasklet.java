package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.CsvRecord;
import io.github.ipoanalyzer.ingest.InputKind;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.ingest.PriceDuplicates;
import io.github.ipoanalyzer.ingest.PriceDuplicates.NotLoaded;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.store.FileTail;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketDataStore.RejectedRow;
import io.github.ipoanalyzer.store.Sourced;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The price load's duplicate rule, once its partitions have loaded every valid row: for each
 * ticker with a date that more than one stored row gives, that date's rows are merged in the
 * order a one-thread load reads them ({@link PriceDuplicates}), the blocks that change are
 * rewritten and the rows no longer loaded recorded. Tickers are settled in ticker order, as many
 * in one transaction as give about {@code ipo.chunk-size} records (a feed that repeats every day of
 * a whole market is millions of them, never held at once): a ticker's rewritten blocks and its
 * records are committed together, so a settled ticker has no repeated date left and a restart
 * settles the others from what is committed. A conflict names the value as the row's file has it
 * (a source's export: {@code vol 1000}, not {@code volume 100000}), read again from that line of
 * the file.
 */
final class SettlePricesTasklet implements Tasklet {

    private final InputKind<DailyPrice> kind;
    private final MarketDataStore store;
    private final InputFileLedger ledger;
    private final int recordsPerTransaction;
    /** What the readers of the lines to report read before reading: once for the step, not for each file. */
    private final LoadReads reads;
    /** The tickers of the step execution {@link #pendingOf} still to settle, with their repeated dates. */
    private TreeMap<String, BitSet> pending;
    private Long pendingOf;

    SettlePricesTasklet(InputKind<DailyPrice> kind, MarketDataStore store, InputFileLedger ledger,
                        int recordsPerTransaction) {
        this.kind = kind;
        this.store = store;
        this.ledger = ledger;
        this.recordsPerTransaction = recordsPerTransaction;
        this.reads = new LoadReads(store, ledger);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        InputLayout layout = new InputLayout(RunParameters.from(step.getJobParameters()).inputDir());
        Set<String> read = InputFilesReader.toRead(kind, layout, ledger, step).stream().map(layout::relative)
                .collect(Collectors.toSet());
        Map<String, FileTail> tails = ledger.tails();
        // An appended file's lines up to its tail were loaded, and settled, by an earlier run.
        Predicate<Sourced<DailyPrice>> readNow = r -> read.contains(r.file())
                && r.line() > (tails.containsKey(r.file()) ? tails.get(r.file()).linesBefore() : 0);
        Map<String, Long> listingDay = new HashMap<>();
        for (Listing l : store.listingsByTicker().values()) {
            listingDay.put(l.ticker(), l.listingDate().toEpochDay());
        }
        if (!Long.valueOf(step.getId()).equals(pendingOf)) {
            dropAfterGivingUp(readNow);
            pending = new TreeMap<>(store.prices().repeatedDates(t -> listingDay.getOrDefault(t, 0L)));
            pendingOf = step.getId();
        }
        List<NotLoaded> notLoaded = new ArrayList<>();
        while (!pending.isEmpty() && notLoaded.size() < recordsPerTransaction) {
            Map.Entry<String, BitSet> next = pending.pollFirstEntry();
            String ticker = next.getKey();
            long origin = listingDay.getOrDefault(ticker, 0L);
            Set<LocalDate> dates = next.getValue().stream().mapToObj(d -> LocalDate.ofEpochDay(origin + d))
                    .collect(Collectors.toSet());
            PriceDuplicates.Settlement settled = PriceDuplicates.settle(store.prices().blocks(ticker), readNow, dates);
            store.prices().rewrite(settled.rewritten());
            notLoaded.addAll(settled.records());
        }
        store.recordRejects(asRecorded(notLoaded, step));
        return pending.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    /**
     * A file whose first rows were all rejected ends at the reject that says so: the rows and
     * records after that line are dropped, whether the rest of its chunk read them (a file read
     * whole) or the partitions of its later ranges did ({@link PriceFilesPartitioner}), so that
     * the store is the same however the file was read.
     */
    private void dropAfterGivingUp(Predicate<Sourced<DailyPrice>> readNow) {
        store.firstLineOf("not-" + kind.name()).forEach((file, line) -> {
            if (readNow.test(new Sourced<>(null, file, line))) {
                store.prices().removeAfter(file, line);
                store.removeRecordsAfter(file, line);
            }
        });
    }

    /** The records, in order; a conflict's with the column and value of its line as read from its file. */
    private List<RejectedRow> asRecorded(List<NotLoaded> notLoaded, StepExecution step) throws Exception {
        Map<String, Map<Long, CsvRecord>> cells = new HashMap<>();
        notLoaded.stream().filter(NotLoaded::namesACell).forEach(n ->
                cells.computeIfAbsent(n.file(), f -> new HashMap<>()).put(n.line(), null));
        for (Map.Entry<String, Map<Long, CsvRecord>> file : cells.entrySet()) {
            readLines(file.getKey(), file.getValue(), step);
        }
        return notLoaded.stream().map(n -> n.namesACell() ? n.reason().at(cells.get(n.file()).get(n.line())) : n.recorded())
                .toList();
    }

    /** Fills {@code lines} with the records read at those lines of {@code file}, reading no further than the last. */
    private void readLines(String file, Map<Long, CsvRecord> lines, StepExecution step) throws Exception {
        InputLayout layout = new InputLayout(RunParameters.from(step.getJobParameters()).inputDir());
        InputFilesReader reader = new InputFilesReader(kind, store, reads, f -> false,
                files -> files.stream().filter(p -> layout.relative(p).equals(file)).toList());
        reader.beforeStep(step);
        reader.open(new ExecutionContext());
        try {
            long wanted = lines.size();
            CsvRecord record;
            while (wanted > 0 && (record = reader.read()) != null) {
                if (lines.containsKey(record.line()) && lines.put(record.line(), record) == null) {
                    wanted--;
                }
            }
        } finally {
            reader.close();
        }
        lines.forEach((line, record) -> {
            if (record == null) {
                throw new IllegalStateException("line " + line + " of " + file + " was loaded but is no longer in the file");
            }
        });
    }
}
