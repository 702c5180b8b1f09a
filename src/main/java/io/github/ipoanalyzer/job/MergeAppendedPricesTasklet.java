package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputKind;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.store.FileTail;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Once the appended price rows are settled, each appended price file's new rows are merged into
 * the block of the same month's rows appended before ({@link
 * io.github.ipoanalyzer.store.PriceStore#mergeAppended}), so that a year of nightly runs leaves a
 * listing a dozen blocks, not hundreds. Files are merged a batch per transaction; a file merged
 * already has nothing left to merge, so a restart goes on from the last committed batch.
 */
final class MergeAppendedPricesTasklet implements Tasklet {

    static final int FILES_PER_TRANSACTION = 500;

    private final InputKind<DailyPrice> kind;
    private final MarketDataStore store;
    private final InputFileLedger ledger;
    /** At most this many rows in a merged block: the size of a block a load's chunk writes. */
    private final int maxRows;
    /** The appended files of step execution {@link #pendingOf} still to merge, with where their appends start. */
    private Deque<Map.Entry<String, FileTail>> pending;
    private Long pendingOf;

    MergeAppendedPricesTasklet(InputKind<DailyPrice> kind, MarketDataStore store, InputFileLedger ledger, int maxRows) {
        this.kind = kind;
        this.store = store;
        this.ledger = ledger;
        this.maxRows = maxRows;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        if (!Long.valueOf(step.getId()).equals(pendingOf)) {
            InputLayout layout = new InputLayout(RunParameters.from(step.getJobParameters()).inputDir());
            Map<String, FileTail> tails = ledger.tails();
            Map<String, FileTail> appended = new TreeMap<>();
            InputFilesReader.toRead(kind, layout, ledger, step).stream().map(layout::relative)
                    .filter(tails::containsKey).forEach(file -> appended.put(file, tails.get(file)));
            pending = new ArrayDeque<>(appended.entrySet());
            pendingOf = step.getId();
        }
        LocalDate asOf = RunParameters.from(step.getJobParameters()).asOf();
        for (int i = 0; i < FILES_PER_TRANSACTION && !pending.isEmpty(); i++) {
            Map.Entry<String, FileTail> file = pending.poll();
            store.prices().mergeAppended(file.getKey(), file.getValue().linesBefore(), asOf, maxRows);
        }
        return pending.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }
}
