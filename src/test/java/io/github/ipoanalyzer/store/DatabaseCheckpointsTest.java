package io.github.ipoanalyzer.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded database's checkpoints are the job's: none of its own, one when asked and due. */
class DatabaseCheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseInFilesCheckpointsOnlyWhenAskedAndItsLogIsOverTheSizeGiven() throws Exception {
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:hsqldb:file:" + dir.resolve("ipo")
                + ";hsqldb.log_size=1;hsqldb.write_delay=false", "SA", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            DatabaseCheckpoints checkpoints = new DatabaseCheckpoints(db);
            checkpoints.takeOver();
            assertEquals("0", jdbc.queryForObject("SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES "
                    + "WHERE PROPERTY_NAME = 'hsqldb.log_size'", String.class));
            jdbc.execute("CREATE CACHED TABLE T (ID INT PRIMARY KEY, V VARCHAR(1000))");
            String text = "x".repeat(1000);
            for (int i = 0; i < 3000; i++) {
                jdbc.update("INSERT INTO T VALUES (?, ?)", i, text);
            }
            // Past the 1 MB the database was created with, and no checkpoint of its own emptied the log.
            Path log = dir.resolve("ipo.log");
            long size = Files.size(log);
            assertTrue(size > 3_000_000, "log of " + size + " bytes");
            assertEquals(-1, checkpoints.checkpointIfLogOver(size), "not over");
            assertEquals(size, Files.size(log));
            assertEquals(size, checkpoints.checkpointIfLogOver(size - 1));
            assertTrue(!Files.exists(log) || Files.size(log) < 1000, "the log written into the data files");
            assertEquals(3000, jdbc.queryForObject("SELECT COUNT(*) FROM T", Integer.class));
        } finally {
            new JdbcTemplate(db).execute("SHUTDOWN");
            db.destroy();
        }
    }

    @Test
    void onlyADatabaseThisProcessKeepsInFilesIsCheckpointedByTheJob() {
        assertTrue(DatabaseCheckpoints.inFiles("jdbc:hsqldb:file:data/ipo;shutdown=true"));
        assertTrue(DatabaseCheckpoints.inFiles("jdbc:hsqldb:FILE:data/ipo"));
        assertTrue(DatabaseCheckpoints.inFiles("jdbc:hsqldb:/srv/ipo/data/ipo"));
        assertTrue(!DatabaseCheckpoints.inFiles("jdbc:hsqldb:mem:ipo"));
        assertTrue(!DatabaseCheckpoints.inFiles("jdbc:hsqldb:res:/ipo"));
        assertTrue(!DatabaseCheckpoints.inFiles("jdbc:hsqldb:hsql://localhost/ipo"));
        assertTrue(!DatabaseCheckpoints.inFiles("jdbc:postgresql://127.0.0.1:5432/ipo"));
    }

    @Test
    void aDatabaseInMemoryHasNoLogToCheckpoint() {
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:hsqldb:mem:checkpoints" + System.nanoTime(),
                "SA", "", true);
        DatabaseCheckpoints checkpoints = new DatabaseCheckpoints(db);
        checkpoints.takeOver();
        assertEquals(-1, checkpoints.checkpointIfLogOver(-1));
        db.destroy();
    }
}
