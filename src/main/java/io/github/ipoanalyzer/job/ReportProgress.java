package io.github.ipoanalyzer.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line at a steady pace while this process computes the report's listings, over all
 * the partitions it runs at once: a whole market takes minutes. It listens to the report step and
 * to its partitions, so that a worker process, which runs only partitions, counts each run it
 * serves from zero too.
 */
final class ReportProgress implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("io.github.ipoanalyzer.progress");

    private final long intervalNanos;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong last = new AtomicLong(System.nanoTime());
    /** The job execution counted; guarded by this. */
    private long run = -1;
    private volatile long start = System.nanoTime();

    ReportProgress(long intervalMillis) {
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /**
     * A run's listings are counted from zero, from its first step here (the report step, or a worker's
     * first partition). One step at a time: a partition of the run starting beside the first counts
     * its listings only after that reset.
     */
    @Override
    public synchronized void beforeStep(StepExecution stepExecution) {
        long execution = stepExecution.getJobExecutionId();
        if (run != execution) {
            done.set(0);
            start = System.nanoTime();
            last.set(start);
            run = execution;
        }
    }

    /** One more listing of {@code total} computed here. */
    void listingDone(int total) {
        int n = done.incrementAndGet();
        long now = System.nanoTime();
        long previous = last.get();
        if (now - previous >= intervalNanos && n < total && last.compareAndSet(previous, now)) {
            log.info(String.format(Locale.ROOT, "  %-18s %,10d of %,d listings, %3.0f%% (%,.0f listings/s)",
                    "reportListings", n, total, 100.0 * n / total, n / Math.max(1e-9, (now - start) / 1e9)));
        }
    }
}
