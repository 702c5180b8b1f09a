package io.github.ipoanalyzer.launch;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessResourceFailureException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a failed run says: the cause a person can act on, whichever failure the job repository lists first. */
class FailureMessageTest {

    /**
     * The database went away while partitions were computed: a partition failed with the driver's
     * error, and the partitioned step with a bare "Partition handler returned an unsuccessful
     * step". A job execution lists its failures in no fixed order (a hash set), so this is tried
     * on many executions.
     */
    @Test
    void aDatabaseLostWhilePartitionsRanIsSaidSoNotAsThePartitionedStepsSummary() {
        Path db = Path.of("data").toAbsolutePath();
        for (int i = 0; i < 40; i++) {
            JobExecution execution = new JobExecution(i, new JobInstance(i, "ipoReportJob"), new JobParameters());
            StepExecution manager = new StepExecution(2L * i, "reportListings", execution);
            manager.addFailureException(new JobExecutionException("Partition handler returned an unsuccessful step"));
            StepExecution partition = new StepExecution(2L * i + 1, "reportListingRange:listings-00001", execution);
            partition.addFailureException(new DataAccessResourceFailureException("Unable to commit",
                    new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));
            execution.addStepExecutions(List.of(manager, partition));
            execution.setStatus(BatchStatus.FAILED);

            Throwable failure = new ReportRunner.Outcome(ExitCode.FAILED, "", Optional.of(execution), List.of())
                    .failure().orElseThrow();
            assertEquals("the shared PostgreSQL database cannot be used (PSQLException: An I/O error occurred while "
                    + "sending to the backend.). Check that the server runs and that --spring.datasource.url and "
                    + "--spring.datasource.username are right; nothing was published, and the next run resumes.",
                    FailureMessage.of(failure, db, db, false));
        }
    }
}
