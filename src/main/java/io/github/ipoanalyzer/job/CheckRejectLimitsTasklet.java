package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.report.ReportFolder;
import io.github.ipoanalyzer.report.ReportTables;
import io.github.ipoanalyzer.store.MarketDataStore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.Map;

/**
 * Stops the run when a file is mostly rejects (see {@link RejectLimit}). No report is published
 * then, so the rejects go where a person can open them: {@code failed-<as-of>_run-<n>/rejects.csv}.
 * The launcher then abandons the run and removes the over-limit files' rows from the database.
 */
final class CheckRejectLimitsTasklet implements Tasklet {

    private final MarketDataStore store;

    CheckRejectLimitsTasklet(MarketDataStore store) {
        this.store = store;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
        RunParameters run = RunParameters.from(context.getStepContext().getStepExecution().getJobParameters());
        Map<String, String> over = RejectLimit.filesOverLimit(store.countsByFile(), run.maxRejectFraction());
        if (!over.isEmpty()) {
            Path folder = new ReportFolder(run.outputDir()).publishFailed(
                    ReportFolder.name(run.asOf().toString(), run.runSequence()),
                    staging -> ReportTables.rejects(staging, store.rejects()).close());
            throw RejectLimit.failure(over, folder.resolve("rejects.csv"));
        }
        return RepeatStatus.FINISHED;
    }
}
