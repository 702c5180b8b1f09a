package io.github.ipoanalyzer.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the running step to stop at its next chunk (or tasklet call) boundary, by flagging the
 * live step execution as terminate-only; the step then ends STOPPED with everything it
 * committed, and so does the job. Unlike JobOperator.stop, it writes nothing to the job
 * repository from another thread: that call saves an execution context read from the database
 * while the step goes on committing chunks, and a stale one left a restart re-reading committed
 * rows. Registered on every step of the job, and on the partitions of the report step, several
 * of which run at once.
 */
public final class StopSignal implements StepExecutionListener {

    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private volatile boolean requested;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        running.add(stepExecution);
        if (requested) {
            stepExecution.setTerminateOnly();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        running.remove(stepExecution);
        return null;
    }

    public boolean isRequested() {
        return requested;
    }

    public void request() {
        requested = true;
        running.forEach(StepExecution::setTerminateOnly);
    }
}
