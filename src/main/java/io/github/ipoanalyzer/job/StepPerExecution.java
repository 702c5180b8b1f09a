package io.github.ipoanalyzer.job;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

import java.util.function.Function;

/**
 * A partition's step, built afresh for each partition execution: a chunk-oriented step's reader,
 * processor and listeners hold one execution's state, and the partitions of one step run at once
 * on several threads.
 */
final class StepPerExecution implements Step {

    private final String name;
    private final Function<StepExecution, Step> build;

    StepPerExecution(String name, Function<StepExecution, Step> build) {
        this.name = name;
        this.build = build;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        build.apply(stepExecution).execute(stepExecution);
    }
}
