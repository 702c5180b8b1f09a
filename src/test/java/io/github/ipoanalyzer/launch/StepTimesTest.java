package io.github.ipoanalyzer.launch;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The summary's "time per step": steps and partitioned steps of 0.1 s or more, in the order they started. */
class StepTimesTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 6, 18, 30);

    @Test
    void stepsAndPartitionedStepsUnderATenthOfASecondAreLeftOutAndOnePartitionIsSaidSo() {
        JobExecution execution = new JobExecution(1, new JobInstance(1, "ipoReportJob"), new JobParameters());
        List<StepExecution> steps = new ArrayList<>();
        steps.add(step(execution, 1, "reconcileInputs", 0, 50));
        steps.add(step(execution, 2, "loadPrices", 100, 1_400));
        steps.add(step(execution, 3, "loadPriceFiles:prices-00000", 110, 1_300)); // one partition of 1.19 s
        steps.add(step(execution, 4, "reportListings", 1_500, 4_000));
        steps.add(step(execution, 5, "reportListingRange:listings-00000", 1_510, 2_000));
        steps.add(step(execution, 6, "reportListingRange:listings-00001", 1_520, 2_330)); // the longer: 0.81 s
        steps.add(step(execution, 7, "publishReport", 4_100, 4_190)); // 0.09 s
        steps.add(step(execution, 8, "recordInputFiles:nothing-00000", 4_200, 4_230)); // one partition under 0.1 s
        execution.addStepExecutions(steps);

        assertEquals("loadPrices 1.3 s, reportListings 2.5 s, loadPriceFiles 1 partition, 1.2 s, reportListingRange 2 "
                + "partitions, the longest 0.8 s", RunSummary.stepTimes(execution));
    }

    private static StepExecution step(JobExecution execution, long id, String name, long startMillis, long endMillis) {
        StepExecution step = new StepExecution(id, name, execution);
        step.setStartTime(START.plusNanos(startMillis * 1_000_000));
        step.setEndTime(START.plusNanos(endMillis * 1_000_000));
        return step;
    }
}
