package io.github.ipoanalyzer.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which files a run reloads, keeps or reads from their tail, and why: the ledger's decision on
 * files recorded by an earlier run, against an in-memory database.
 */
class ReloadPlanTest {

    private static final List<String> TABLES = List.of("REVENUE", PriceStore.TABLE, "LISTING");

    @TempDir
    Path input;
    InputFileLedger ledger;
    JdbcTemplate jdbc;

    @BeforeEach
    void recordThreeFiles() throws Exception {
        SimpleDriverDataSource db = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:mem:plan" + System.nanoTime(), "SA", "");
        new MarketDataStore(db, TABLES).createTablesIfMissing();
        jdbc = new JdbcTemplate(db);
        ledger = new InputFileLedger(db, TABLES, List.of("listings.csv", "calendars.csv"));
        write("listings.csv", "ticker\nA\n");
        write("prices/a.csv", "ticker,date,close\nA,2026-01-02,1\n");
        write("revenue.csv", "ticker,period\nA,FY2025\n");
        ledger.record(states(), paths(), "v1", 1);
        // Each file has rows in the tables, as a load would have left them.
        jdbc.update("INSERT INTO REJECTED_ROW (SOURCE_FILE, SOURCE_LINE, RULE_NAME, REASON) VALUES ('prices/a.csv', 2, 'x', 'y')");
        jdbc.update("INSERT INTO REJECTED_ROW (SOURCE_FILE, SOURCE_LINE, RULE_NAME, REASON) VALUES ('revenue.csv', 2, 'x', 'y')");
    }

    @Test
    void unchangedFilesAreKept() {
        InputFileLedger.Reconciliation plan = ledger.reconcile(states(), "v1", false);
        assertEquals(List.of(false, Set.of(), Set.of(), List.of()),
                List.of(plan.fullReload(), plan.dropped(), plan.appended(), plan.toPurge()));
    }

    @Test
    void aFileWithRowsAppendedIsReadFromWhereItEnded() throws Exception {
        long recordedSize = Files.size(input.resolve("prices/a.csv"));
        Files.writeString(input.resolve("prices/a.csv"), "A,2026-01-05,2\n", StandardOpenOption.APPEND);
        InputFileLedger.Reconciliation plan = ledger.reconcile(states(), "v1", false);
        assertEquals(Set.of("prices/a.csv"), plan.appended());
        assertEquals(Set.of(), plan.dropped());
        assertEquals(Map.of("prices/a.csv", new FileTail(recordedSize, 2)), ledger.tails(), "after its 2 lines");
    }

    @Test
    void aFileChangedBeforeItsEndIsParsedAgainWhole() throws Exception {
        write("prices/a.csv", "ticker,date,close\nA,2026-01-02,9\nA,2026-01-05,2\n");
        InputFileLedger.Reconciliation plan = ledger.reconcile(states(), "v1", false);
        assertEquals(Set.of("prices/a.csv"), plan.dropped());
        assertEquals(List.of("prices/a.csv"), plan.toPurge(), "its rows leave the tables first");
        assertTrue(ledger.tails().isEmpty());
    }

    @Test
    void aRemovedFileLosesItsRows() throws Exception {
        Files.delete(input.resolve("revenue.csv"));
        InputFileLedger.Reconciliation plan = ledger.reconcile(states(), "v1", false);
        assertEquals(Set.of("revenue.csv"), plan.dropped());
        assertEquals(List.of("revenue.csv"), plan.toPurge());
    }

    @Test
    void whatAFailedRunLeftOfFilesNotRecordedLeavesTheTables() throws Exception {
        // A run that failed before recording: a rejected row of one file, only a notice of another.
        jdbc.update("INSERT INTO REJECTED_ROW (SOURCE_FILE, SOURCE_LINE, RULE_NAME, REASON) VALUES ('prices/b.csv', 2, 'x', 'y')");
        jdbc.update("INSERT INTO INPUT_NOTICE (SOURCE_FILE, MESSAGE) VALUES ('prices/c.csv', 'no rows')");
        Files.writeString(input.resolve("prices/a.csv"), "A,2026-01-05,2\n", StandardOpenOption.APPEND);
        InputFileLedger.Reconciliation plan = ledger.reconcile(states(), "v1", false);
        assertEquals(Set.of("prices/a.csv"), plan.appended(), "an appended file's rows stay");
        assertEquals(List.of("prices/b.csv", "prices/c.csv"), plan.toPurge());
        ledger.record(states(), paths(), "v1", 2);
        assertEquals(List.of("prices/a.csv", "prices/b.csv", "prices/c.csv", "revenue.csv"),
                ledger.reconcile(states(), "v1", true).toPurge(), "--force: every file's rows");
    }

    @Test
    void changedListingsAnotherVersionOrForceReloadEverything() throws Exception {
        assertTrue(ledger.reconcile(states(), "v2", false).fullReload(), "another version's rules may differ");
        ledger.record(states(), paths(), "v1", 2);
        assertTrue(ledger.reconcile(states(), "v1", true).fullReload(), "--force");
        ledger.record(states(), paths(), "v1", 3);
        write("listings.csv", "ticker\nA\nB\n");
        InputFileLedger.Reconciliation plan = ledger.reconcile(states(), "v1", false);
        assertTrue(plan.fullReload(), "every other row's validity depends on the listings");
        assertEquals(List.of("prices/a.csv", "revenue.csv"), plan.toPurge());
        ledger.record(states(), paths(), "v1", 4);
        write("calendars.csv", "exchange,date\nSSE,2026-01-01\n");
        assertTrue(ledger.reconcile(states(), "v1", false).fullReload(), "a price's date is checked against the calendars");
    }

    private void write(String name, String text) throws Exception {
        Files.createDirectories(input.resolve(name).getParent());
        Files.writeString(input.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Map<String, InputFingerprint.FileState> states() {
        Map<String, Long> recorded = ledger.recordedSizes();
        Map<String, InputFingerprint.FileState> states = new LinkedHashMap<>();
        paths().forEach((name, path) -> {
            if (Files.exists(path)) {
                states.put(name, InputFingerprint.state(path, recorded.getOrDefault(name, -1L)));
            }
        });
        return states;
    }

    private Map<String, Path> paths() {
        Map<String, Path> paths = new LinkedHashMap<>();
        for (String name : List.of("listings.csv", "calendars.csv", "prices/a.csv", "revenue.csv")) {
            paths.put(name, input.resolve(name));
        }
        return paths;
    }
}
