package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.report.PublishRequest;
import io.github.ipoanalyzer.report.PublishStoppedException;
import io.github.ipoanalyzer.report.Published;
import io.github.ipoanalyzer.report.ReportPublisher;
import io.github.ipoanalyzer.report.ReportRun;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles the report from its partitions (see {@link ReportListingsTasklet}) and publishes the
 * report folder; records where it went and what the
 * as-of date left out. A stop request ends the step STOPPED before anything is published.
 */
final class PublishReportTasklet implements Tasklet {

    private final ReportPublisher publisher;
    private final StopSignal stopSignal;
    private final String version;

    PublishReportTasklet(ReportPublisher publisher, StopSignal stopSignal, String version) {
        this.publisher = publisher;
        this.stopSignal = stopSignal;
        this.version = version;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
        StepExecution step = context.getStepContext().getStepExecution();
        RunParameters run = RunParameters.from(step.getJobParameters());
        Published published;
        try {
            published = publisher.assemble(new PublishRequest(reportRun(step, run, version),
                    RunContext.inputHashes(step), run.outputDir(), run.keepReports()), step.getJobExecutionId(),
                    ListingRangePartitioner.carry(step.getJobExecution().getExecutionContext()), stopSignal::isRequested);
        } catch (PublishStoppedException e) {
            throw new JobInterruptedException(e.getMessage());
        }
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        job.putString(IpoReportJobConfiguration.REPORT_FOLDER_KEY, published.folder().toString());
        job.put(IpoReportJobConfiguration.LEFT_OUT_KEY, new ArrayList<>(published.leftOutAfterAsOf()));
        job.put(IpoReportJobConfiguration.CALENDAR_NOTES_KEY, new ArrayList<>(published.calendarNotes()));
        job.put(IpoReportJobConfiguration.PUBLISH_NOTES_KEY, new ArrayList<>(published.notes()));
        job.put(IpoReportJobConfiguration.GAPS_KEY, new ArrayList<>(published.gaps()));
        return RepeatStatus.FINISHED;
    }

    /** The run as its report's manifest names it. */
    static ReportRun reportRun(StepExecution step, RunParameters run, String version) {
        Map<String, Object> parameters = new TreeMap<>();
        step.getJobParameters().forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
        return new ReportRun(run.asOf(), run.runSequence(), run.identity(), parameters, version,
                step.getJobExecution().getStartTime().atZone(ZoneId.systemDefault()).toInstant(),
                FigureSettings.recorded(run.figureSettings()));
    }
}
