package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.generate.MarketGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A run whose database log fills while partitions run on many threads still ends. The
 * database's own checkpoint, started by whichever commit found its log full, waited for every
 * open transaction while holding every other statement back, and a run could stop there for
 * good (see {@code DatabaseCheckpoints}). Here the database is created with a log of 1 MB, so
 * that it would checkpoint many times while six threads load prices and compute listings,
 * committing every listing, with the quick compiler the launch script starts (the timing under
 * which the hang showed: before the fix, the first such run here never ended). The job's own
 * checkpoints are asked for past 1 MB, so that they happen here too. A finished run takes about 10 s.
 */
class CheckpointDeadlockTest {

    @TempDir
    Path work;

    @Test
    void runsOnSixThreadsWithTheDatabaseLogFillingEndAndLeaveTheLogToTheJob() throws Exception {
        Path market = work.resolve("market");
        new MarketGenerator(120, 600, 5).writeTo(market);
        for (int attempt = 1; attempt <= 2; attempt++) {
            Path db = work.resolve("db-" + attempt);
            String[] args = {"--input", market.toString(), "--output", work.resolve("out-" + attempt).toString(), "--db",
                    db.toString(), "--as-of", "2030-01-01"};
            ChildJvm run = ChildJvm.start(args, work.resolve("run-" + attempt + ".log"),
                    "-Dspring.datasource.url=jdbc:hsqldb:file:" + db.resolve("ipo") + ";hsqldb.write_delay=false;"
                            + "hsqldb.tx=mvcc;shutdown=true;hsqldb.nio_data_file=false;hsqldb.log_size=1",
                    "-XX:TieredStopAtLevel=1", "-Dipo.checkpoint-log-bytes=1048576", "-Dipo.load-threads=6", "-Dipo.report-threads=6", "-Dipo.report-partitions=24",
                    "-Dipo.report-chunk-size=1");
            if (!run.process().waitFor(90, TimeUnit.SECONDS)) {
                ChildJvm.destroyWithDescendants(run.process());
                fail("run " + attempt + " did not end in 90 s:\n" + run.allOutput());
            }
            assertEquals(0, run.process().exitValue(), run.allOutput());
            // The job's own checkpoint: after the price load, its log past 1 MB.
            String log = Files.readString(db.resolve("ipo-analyzer.log"));
            assertTrue(log.contains("database checkpoint after loadPrices: "), log);
        }
        // The databases make no checkpoint of their own any more: the job makes them, between its steps.
        for (int attempt = 1; attempt <= 2; attempt++) {
            Path db = work.resolve("db-" + attempt);
            try (Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + db.resolve("ipo")
                    + ";shutdown=true;ifexists=true", "SA", "");
                 ResultSet size = c.createStatement().executeQuery("SELECT PROPERTY_VALUE FROM "
                         + "INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME = 'hsqldb.log_size'")) {
                size.next();
                assertEquals("0", size.getString(1));
            }
        }
    }
}
