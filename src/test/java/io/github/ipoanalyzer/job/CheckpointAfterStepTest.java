package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.store.DatabaseCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a step, the database's log is written into its data files once it is past the size given, and not before. */
class CheckpointAfterStepTest {

    @TempDir
    Path dir;

    @Test
    void aStepThatLeftTheLogPastTheSizeGivenIsFollowedByACheckpoint() throws Exception {
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:hsqldb:file:" + dir.resolve("ipo")
                + ";hsqldb.write_delay=false", "SA", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            DatabaseCheckpoints checkpoints = new DatabaseCheckpoints(db);
            checkpoints.takeOver();
            jdbc.execute("CREATE CACHED TABLE T (ID INT PRIMARY KEY, V VARCHAR(1000))");
            for (int i = 0; i < 200; i++) {
                jdbc.update("INSERT INTO T VALUES (?, ?)", i, "y".repeat(1000));
            }
            Path log = dir.resolve("ipo.log");
            long size = Files.size(log);
            StepExecution step = new StepExecution(1L, "loadPrices",
                    new JobExecution(1L, new JobInstance(1L, "ipoReportJob"), new JobParameters()));
            step.setStatus(BatchStatus.FAILED);
            new CheckpointAfterStep(checkpoints, 100_000).afterStep(step);
            assertEquals(size, Files.size(log), "a failed step may have left a partition running");
            step.setStatus(BatchStatus.COMPLETED);
            assertNull(new CheckpointAfterStep(checkpoints, size).afterStep(step), "the step's status is its own");
            assertEquals(size, Files.size(log), "not past the size given");
            new CheckpointAfterStep(checkpoints, 100_000).afterStep(step);
            assertTrue(size > 100_000 && (!Files.exists(log) || Files.size(log) < 1000), "checkpointed: " + size);
        } finally {
            new JdbcTemplate(db).execute("SHUTDOWN");
            db.destroy();
        }
    }
}
