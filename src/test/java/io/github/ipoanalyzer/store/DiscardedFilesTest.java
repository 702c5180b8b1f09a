package io.github.ipoanalyzer.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files a run stopped on for too many rejects are discarded: their rows, loaded and rejected,
 * leave the tables, the ledger forgets them, and the embedded database's file does not keep their
 * space (a file of bad rows must not leave it larger for good).
 */
class DiscardedFilesTest {

    private static final List<String> TABLES = List.of("REVENUE", PriceStore.TABLE, "LISTING");

    @TempDir
    Path work;

    @Test
    void aDiscardedFileLeavesNoRowAndNoSpaceBehind() throws Exception {
        SimpleDriverDataSource db = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:file:" + work.resolve("ipo") + "", "SA", "");
        new MarketDataStore(db, TABLES).createTablesIfMissing();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        InputFileLedger ledger = new InputFileLedger(db, TABLES, List.of("listings.csv"));
        Files.writeString(work.resolve("bad.csv"), "ticker,date,close\n");
        Files.writeString(work.resolve("revenue.csv"), "ticker,period\n");
        ledger.record(Map.of("prices/bad.csv", InputFingerprint.state(work.resolve("bad.csv"), -1),
                        "revenue.csv", InputFingerprint.state(work.resolve("revenue.csv"), -1)),
                Map.of("prices/bad.csv", work.resolve("bad.csv"), "revenue.csv", work.resolve("revenue.csv")), "v1", 1);
        List<Object[]> rejects = new ArrayList<>();
        for (int line = 2; line < 40_002; line++) {
            rejects.add(new Object[]{"prices/bad.csv", line, "number-format", "close 'abc' is not a number " + line});
        }
        jdbc.batchUpdate("INSERT INTO REJECTED_ROW (SOURCE_FILE, SOURCE_LINE, RULE_NAME, REASON) VALUES (?, ?, ?, ?)",
                rejects);
        jdbc.update("INSERT INTO REJECTED_ROW (SOURCE_FILE, SOURCE_LINE, RULE_NAME, REASON) VALUES ('revenue.csv', 2, 'x', 'y')");
        jdbc.execute("CHECKPOINT");
        long before = Files.size(work.resolve("ipo.data"));

        ledger.discard(List.of("prices/bad.csv"), 5000);

        assertEquals(0, count(jdbc, "REJECTED_ROW WHERE SOURCE_FILE = 'prices/bad.csv'"));
        assertEquals(1, count(jdbc, "REJECTED_ROW WHERE SOURCE_FILE = 'revenue.csv'"), "another file's rows stay");
        assertEquals(List.of("revenue.csv"), List.copyOf(ledger.recordedPaths()), "the next run reads bad.csv again");
        long after = Files.size(work.resolve("ipo.data"));
        assertTrue(before > 2_000_000 && after < before / 10, "data file " + before + " bytes before, " + after + " after");
        jdbc.execute("SHUTDOWN");
    }

    private static long count(JdbcTemplate jdbc, String from) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Long.class);
    }
}
