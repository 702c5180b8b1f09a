package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputKinds;
import io.github.ipoanalyzer.store.FileTail;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The partitions of one load step share what they read before they start; another step, or the
 * same step of another run, reads again.
 */
class LoadReadsTest {

    @TempDir
    Path work;

    @Test
    void thePartitionsOfOneStepShareTheirReadsAndAnotherStepReadsAgain() throws Exception {
        SimpleDriverDataSource db = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:mem:loadreads", "SA", "");
        MarketDataStore store = new MarketDataStore(db, InputKinds.tables());
        store.createTablesIfMissing();
        InputFileLedger ledger = new InputFileLedger(db, InputKinds.tables(), List.of());
        JdbcTemplate jdbc = new JdbcTemplate(db);
        LoadReads reads = new LoadReads(store, ledger);
        JobExecution run = run(1);

        jdbc.update("INSERT INTO INPUT_TAIL (PATH, FROM_BYTE, LINES_BEFORE) VALUES ('prices/a.csv', 100, 4)");
        assertEquals(Map.of("prices/a.csv", new FileTail(100, 4)),
                reads.tails(new StepExecution(2, "loadPriceFiles:prices-00000", run)));
        // Changed in the database (which no step does during a load): the step's other partitions still share
        // the first read, on any thread of this process.
        jdbc.update("INSERT INTO INPUT_TAIL (PATH, FROM_BYTE, LINES_BEFORE) VALUES ('prices/b.csv', 50, 2)");
        assertEquals(Map.of("prices/a.csv", new FileTail(100, 4)),
                reads.tails(new StepExecution(3, "loadPriceFiles:prices-00001", run)));
        // Another step of the run, and the same step of the next run, read what is there now.
        Map<String, FileTail> both = Map.of("prices/a.csv", new FileTail(100, 4), "prices/b.csv", new FileTail(50, 2));
        assertEquals(both, reads.tails(new StepExecution(4, "settlePrices", run)));
        assertEquals(both, reads.tails(new StepExecution(6, "loadPriceFiles:prices-00000", run(2))));
        // The files to read, the listings and the holidays are held the same way: one read for the step's partitions.
        java.nio.file.Files.createDirectories(work.resolve("input/prices"));
        java.nio.file.Files.writeString(work.resolve("input/prices/a.csv"), "ticker,date,close\n");
        io.github.ipoanalyzer.ingest.InputLayout layout = new io.github.ipoanalyzer.ingest.InputLayout(work.resolve("input"));
        StepExecution first = new StepExecution(7, "loadPriceFiles:prices-00000", run);
        StepExecution second = new StepExecution(8, "loadPriceFiles:prices-00001", run);
        List<Path> files = reads.toRead(InputKinds.PRICES, layout, first);
        assertEquals(List.of(work.resolve("input/prices/a.csv")), files);
        java.nio.file.Files.writeString(work.resolve("input/prices/b.csv"), "ticker,date,close\n");
        assertSame(files, reads.toRead(InputKinds.PRICES, layout, second));
        assertSame(reads.listingsByTicker(first), reads.listingsByTicker(second));
        assertSame(reads.holidays(first), reads.holidays(second));
        assertEquals(2, reads.toRead(InputKinds.PRICES, layout, new StepExecution(9, "settlePrices", run)).size());
        jdbc.update("DELETE FROM INPUT_TAIL");
        jdbc.execute("SHUTDOWN");
    }

    private JobExecution run(long id) {
        return new JobExecution(id, new JobInstance(id, "ipoReportJob"), new RunParameters(work.resolve("input"),
                work.resolve("out"), LocalDate.of(2026, 11, 28), "", new BigDecimal("0.05"), "", 1, 30, false)
                .toJobParameters());
    }
}
