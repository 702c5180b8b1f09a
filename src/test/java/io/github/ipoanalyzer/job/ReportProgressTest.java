package io.github.ipoanalyzer.job;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's progress lines count each run's listings from zero, in one process or in a worker serving runs. */
class ReportProgressTest {

    private final Logger progressLog = (Logger) LoggerFactory.getLogger("io.github.ipoanalyzer.progress");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        progressLog.addAppender(lines);
    }

    @AfterEach
    void release() {
        progressLog.detachAppender(lines);
    }

    @Test
    void aWorkerCountsEachRunItServesFromZeroOverItsPartitions() {
        ReportProgress progress = new ReportProgress(0);
        progress.beforeStep(partition(1, 11));
        progress.listingDone(4);
        progress.listingDone(4);
        progress.beforeStep(partition(1, 12)); // the same run's next partition: the count goes on
        progress.listingDone(4);
        progress.beforeStep(partition(2, 21)); // a later run (a rerun): counted from zero
        progress.listingDone(4);
        assertEquals(List.of("1 of 4", "2 of 4", "3 of 4", "1 of 4"), counts());
    }

    @Test
    void theReportStepAndItsLocalPartitionsShareOneCount() {
        ReportProgress progress = new ReportProgress(0);
        progress.beforeStep(partition(7, 70)); // the report step
        progress.beforeStep(partition(7, 71));
        progress.listingDone(3);
        progress.beforeStep(partition(7, 72));
        progress.listingDone(3);
        progress.listingDone(3); // the last listing: the run's summary says the rest
        assertEquals(List.of("1 of 3", "2 of 3"), counts());
    }

    private List<String> counts() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .map(line -> line.replaceAll("^\\s*reportListings\\s+(\\d+ of \\d+) listings.*$", "$1")).toList();
    }

    private static StepExecution partition(long run, long id) {
        JobExecution execution = new JobExecution(run, new JobInstance(1, "ipoReport"), new JobParameters());
        return new StepExecution(id, "reportListingRange", execution);
    }
}
