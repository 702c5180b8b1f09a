package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.report.ReportPublisher;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.function.BooleanSupplier;

/**
 * One partition of the report: computes its range of listings into the partition's file (see
 * {@link ListingRangePartitioner}). Runs on a local thread, or in a worker process that got the
 * partition from the broker; either way its result is the same file. A stop request ends it
 * STOPPED; its range is computed again when the run is resumed.
 */
final class ReportListingsTasklet implements Tasklet {

    private final ReportPublisher publisher;
    private final BooleanSupplier stopRequested;
    private final ReportProgress progress;
    private final String version;

    ReportListingsTasklet(ReportPublisher publisher, BooleanSupplier stopRequested, ReportProgress progress,
                          String version) {
        this.publisher = publisher;
        this.stopRequested = stopRequested;
        this.progress = progress;
        this.version = version;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
        StepExecution step = context.getStepContext().getStepExecution();
        ExecutionContext range = step.getExecutionContext();
        RunParameters run = RunParameters.from(step.getJobParameters());
        int from = range.getInt(ListingRangePartitioner.FROM);
        int to = range.getInt(ListingRangePartitioner.TO);
        int total = range.getInt(ListingRangePartitioner.TOTAL);
        try {
            publisher.writePart(PublishReportTasklet.reportRun(step, run, version), step.getJobExecutionId(), run.outputDir(),
                    range.getInt(ListingRangePartitioner.PARTITION), from, to, stopRequested,
                    () -> progress.listingDone(total));
        } catch (ReportPublisher.PublishStoppedException e) {
            throw new JobInterruptedException(e.getMessage());
        }
        contribution.incrementWriteCount(to - from);
        return RepeatStatus.FINISHED;
    }
}
