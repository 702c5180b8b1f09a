package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.report.ReportFolder;
import io.github.ipoanalyzer.report.ReportPublisher;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits the report's listings (in the order of its rows) into contiguous ranges of nearly equal
 * size, one per partition: the same ranges for the same listings and grid size, so that a
 * restart recomputes exactly the ranges that did not finish. The listings are counted when the
 * partitioned step starts (as of the run's day); the partitions that runs never finished left
 * are removed then.
 */
final class ListingRangePartitioner implements Partitioner, StepExecutionListener {

    static final String PARTITION = "partition.index";
    static final String FROM = "listing.from";
    static final String TO = "listing.to";
    static final String TOTAL = "listing.total";

    private final ReportPublisher publisher;
    private int listings;

    ListingRangePartitioner(ReportPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        RunParameters run = RunParameters.from(stepExecution.getJobParameters());
        listings = publisher.listingCount(run.asOf());
        try {
            new ReportFolder(run.outputDir()).discardPartsOtherThan(run.runSequence());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the report partitions an earlier run left", e);
        }
    }

    /** At most {@code gridSize} ranges, none empty (one empty range when there are no listings). */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int ranges = Math.max(1, Math.min(gridSize, listings));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < ranges; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, i);
            context.putInt(FROM, (int) ((long) listings * i / ranges));
            context.putInt(TO, (int) ((long) listings * (i + 1) / ranges));
            context.putInt(TOTAL, listings);
            partitions.put(String.format(Locale.ROOT, "listings-%05d", i), context);
        }
        return partitions;
    }
}
