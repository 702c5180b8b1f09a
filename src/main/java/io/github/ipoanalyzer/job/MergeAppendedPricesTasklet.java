package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.store.MarketDataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Once the appended price rows are settled, each appended price file's new rows are merged into
 * the earlier block of the same month ({@link io.github.ipoanalyzer.store.PriceStore#mergeAppended}),
 * so that a year of nightly runs leaves a listing a dozen blocks, not hundreds. One transaction:
 * a step that failed committed nothing and runs again whole.
 */
final class MergeAppendedPricesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MergeAppendedPricesTasklet.class);

    private final MarketDataStore store;
    /** At most this many rows in a merged block: the size of a block a load's chunk writes. */
    private final int maxRows;

    MergeAppendedPricesTasklet(MarketDataStore store, int maxRows) {
        this.store = store;
        this.maxRows = maxRows;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters run = RunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        int merged = store.prices().mergeAppended(run.asOf(), maxRows);
        log.info("{} blocks of appended prices merged into the blocks of their month", merged);
        return RepeatStatus.FINISHED;
    }
}
