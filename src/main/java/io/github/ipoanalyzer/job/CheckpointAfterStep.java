package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.store.DatabaseCheckpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Listens to each of the job's own steps, never to a partition: once a step has completed (its
 * partitions too), the database is checkpointed if its log has grown past {@code logBytes}
 * ({@code ipo.checkpoint-log-bytes}). At that moment no other transaction of the run is open, so
 * the checkpoint waits for none (see {@link DatabaseCheckpoints}). A step that failed may have
 * left a partition running; the database closing at the end of the run checkpoints then.
 */
final class CheckpointAfterStep implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(CheckpointAfterStep.class);

    private final DatabaseCheckpoints checkpoints;
    private final long logBytes;

    CheckpointAfterStep(DatabaseCheckpoints checkpoints, long logBytes) {
        this.checkpoints = checkpoints;
        this.logBytes = logBytes;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        long written = checkpoints.checkpointIfLogOver(logBytes);
        if (written >= 0) {
            log.info("database checkpoint after {}: its log of {} MB written into its data files", step.getStepName(),
                    written / (1024 * 1024));
        }
        return null;
    }
}
