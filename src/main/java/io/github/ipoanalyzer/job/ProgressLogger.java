package io.github.ipoanalyzer.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import java.util.Locale;

/**
 * Progress lines for a load step at a steady pace (at most one per interval), and one line at
 * its end. Batch 6's chunk-oriented step calls the {@link Chunk} callbacks, so the step
 * execution is kept from {@link #beforeStep}.
 */
public class ProgressLogger<I, O> implements ChunkListener<I, O>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("io.github.ipoanalyzer.progress");
    private final long intervalNanos;

    private StepExecution step;

    public ProgressLogger(long intervalMillis) {
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    private long startNanos;
    private long lastNanos;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        startNanos = System.nanoTime();
        lastNanos = startNanos;
    }

    @Override
    public void afterChunk(Chunk<O> chunk) {
        long now = System.nanoTime();
        if (step != null && now - lastNanos >= intervalNanos) {
            lastNanos = now;
            log.info(line(step, now));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        log.info(line(stepExecution, System.nanoTime()));
        return null;
    }

    private String line(StepExecution s, long now) {
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        return String.format(Locale.ROOT, "  %-18s %,10d rows read, %,d loaded, %,d rejected (%,.0f rows/s)",
                s.getStepName(), s.getReadCount(), s.getWriteCount(), s.getSkipCount(), s.getReadCount() / seconds);
    }
}
