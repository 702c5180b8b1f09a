package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.report.ReportFolder;
import io.github.ipoanalyzer.report.ReportPublisher;
import io.github.ipoanalyzer.report.SeriesCarry;
import io.github.ipoanalyzer.report.SeriesTakeOver;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Splits the report's listings (in the order of its rows) into contiguous ranges of nearly equal
 * size, one per partition: the same ranges for the same listings and grid size, so that a
 * restart recomputes exactly the ranges that did not finish. The listings are counted when the
 * partitioned step starts (as of the run's day); the partitions that runs never finished left
 * are removed then. Each partition carries the version and the {@link FigureSettings} of the
 * process that made it, which a remote worker computes with (a restart keeps a partition's
 * context, so it computes as its finished siblings did).
 */
final class ListingRangePartitioner implements Partitioner, StepExecutionListener {

    static final String PARTITION = "partition.index";
    static final String FROM = "listing.from";
    static final String TO = "listing.to";
    static final String TOTAL = "listing.total";

    static final String SERIES_PREVIOUS = "series.previous";
    static final String SERIES_FROM = "series.from";
    static final String SERIES_REASON = "series.reason";
    static final String SERIES_CHANGED = "series.changed";

    /** The manager's figure settings, as the run's job parameter of that name holds them. */
    static final String SETTINGS = RunParameters.FIGURE_SETTINGS;

    private static final Logger log = LoggerFactory.getLogger("io.github.ipoanalyzer.progress");

    private final ReportPublisher publisher;
    private final String version;
    private final FigureSettings settings;
    private int listings;
    private SeriesCarry carry;

    ListingRangePartitioner(ReportPublisher publisher, String version, FigureSettings settings) {
        this.publisher = publisher;
        this.version = version;
        this.settings = settings;
    }

    /**
     * Counts the listings and decides which months of the series are taken over from the report
     * before, once per run: a restart keeps what its first execution decided (the job's context),
     * as its finished partitions were computed so.
     */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        RunParameters run = RunParameters.from(stepExecution.getJobParameters());
        listings = publisher.listingCount(run.asOf());
        ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
        if (job.containsKey(SERIES_REASON)) {
            carry = carry(job);
        } else {
            carry = publisher.seriesCarry(PublishReportTasklet.reportRun(stepExecution, run, version),
                    stepExecution.getJobExecutionId(), run.outputDir(), run.reloadAll());
            put(carry, job);
        }
        log.info("  series/ (the market value and lot gains at every close): " + carry.reason());
        try {
            new ReportFolder(run.outputDir()).discardPartsOtherThan(run.runSequence());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the report partitions an earlier run left", e);
        }
    }

    /** Kept as strings, each key present only where the carry has a value; the reason always is. */
    static void put(SeriesCarry carry, ExecutionContext context) {
        carry.takeOver().ifPresent(t -> {
            context.putString(SERIES_PREVIOUS, t.previousFolder().toString());
            context.putString(SERIES_FROM, t.fromMonth().toString());
        });
        context.putString(SERIES_REASON, carry.reason());
        carry.changed().ifPresent(changed -> context.putString(SERIES_CHANGED, changed));
    }

    /** What {@link #beforeStep} decided, from the job's or a partition's context. */
    static SeriesCarry carry(ExecutionContext context) {
        Optional<SeriesTakeOver> takeOver = context.containsKey(SERIES_FROM)
                ? Optional.of(new SeriesTakeOver(Path.of(context.getString(SERIES_PREVIOUS)),
                        YearMonth.parse(context.getString(SERIES_FROM))))
                : Optional.empty();
        return new SeriesCarry(takeOver, context.getString(SERIES_REASON),
                Optional.ofNullable(context.containsKey(SERIES_CHANGED) ? context.getString(SERIES_CHANGED) : null));
    }

    /** The settings a partition computes with: those of the process that made it. */
    static FigureSettings settings(ExecutionContext partition) {
        return FigureSettings.parse(partition.getString(SETTINGS));
    }

    /**
     * Why a process of {@code version} cannot compute the partition as the manager that made it
     * would, if it cannot: another version (whose figures may differ), or settings it cannot read.
     */
    static Optional<String> cannotCompute(StepExecution partition, String version) {
        ExecutionContext context = partition.getExecutionContext();
        Optional<String> otherVersion = RemotePartitions.otherVersion(context, version);
        if (otherVersion.isPresent()) {
            return otherVersion;
        }
        try {
            settings(context);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the manager's settings cannot be read here (" + e.getMessage() + ")");
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
            put(carry, context);
            context.putString(RemotePartitions.VERSION, version);
            context.putString(SETTINGS, settings.text());
            partitions.put(String.format(Locale.ROOT, "listings-%05d", i), context);
        }
        return partitions;
    }
}
