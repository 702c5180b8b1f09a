package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.launch.RunLock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static io.github.ipoanalyzer.job.JobRun.reportFolders;
import static io.github.ipoanalyzer.job.JobRun.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator sees on reruns, new and removed price files, bad files and concurrent launches. */
class RerunAndBadInputTest extends OnAShippedInputCopy {

    @Test
    void reruns() throws Exception {
        assertEquals(0, launch().exitCode());
        assertEquals(List.of("2026-11-28_run-000001"), reportFolders(output));

        // Same inputs, same options: nothing to do, no new folder.
        JobRun again = launch();
        assertEquals(0, again.exitCode());
        assertTrue(again.out().contains("Nothing to do: run 1 already reported these inputs"), again.out());
        assertEquals(List.of("2026-11-28_run-000001"), reportFolders(output));

        // A new price file is picked up.
        Files.writeString(input.resolve("prices/688795.SH-2026.csv"),
                "ticker,date,open,high,low,close,volume,turnover,note\n688795.SH,2026-01-05,,,,700.00,,,\n");
        assertEquals(0, launch().exitCode());
        assertEquals(List.of("2026-11-28_run-000001", "2026-11-28_run-000002"), reportFolders(output));
        List<Map<String, String>> values = csv(output.resolve("latest/series/market-value"));
        assertEquals("329019751900.00", values.stream().filter(r -> r.get("date").equals("2026-01-05"))
                .findFirst().orElseThrow().get("market_cap_trading_currency")); // 700.00 × 470,028,217

        // A removed file's rows disappear from the analysis.
        Files.delete(input.resolve("prices/9903.HK.csv"));
        assertEquals(0, launch().exitCode());
        Map<String, String> iluvatar = row(csv(output.resolve("latest/first-day.csv")), "ticker", "9903.HK");
        assertEquals("", iluvatar.get("first_close"));
        assertTrue(csv(output.resolve("latest/series/market-value")).stream()
                .noneMatch(r -> r.get("ticker").equals("9903.HK") && r.get("reference_price_kind").equals("close")));

        // --force recomputes the same inputs into a new folder.
        JobRun forced = launch("--force");
        assertEquals(0, forced.exitCode());
        assertEquals(List.of("2026-11-28_run-000001", "2026-11-28_run-000002", "2026-11-28_run-000003", "2026-11-28_run-000004"),
                reportFolders(output));
        assertEquals(Files.readString(output.resolve("2026-11-28_run-000003/first-day.csv")),
                Files.readString(output.resolve("2026-11-28_run-000004/first-day.csv")), "same inputs, same bytes");
    }

    /** Rows of {@code file} in any table of the database (loaded, rejected, noticed or recorded as parsed). */
    private long rowsFrom(String file) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:hsqldb:file:" + work.resolve("db/ipo")
                + ";shutdown=true", "SA", "")) {
            long rows = 0;
            List<String> tables = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM "
                    + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND COLUMN_NAME IN ('SOURCE_FILE', 'PATH')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
            assertTrue(tables.contains("INPUT_FILE.PATH") && tables.contains("REJECTED_ROW.SOURCE_FILE"), tables.toString());
            for (String table : tables) {
                String[] parts = table.split("\\.");
                try (java.sql.PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + parts[0]
                        + " WHERE " + parts[1] + " = ?")) {
                    count.setString(1, file);
                    try (java.sql.ResultSet rs = count.executeQuery()) {
                        rs.next();
                        rows += rs.getLong(1);
                    }
                }
            }
            return rows;
        }
    }

    /** Rows read, written and skipped by the last loadPrices step, as the job repository recorded them. */
    private List<Long> lastLoadPrices() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:hsqldb:file:" + work.resolve("db/ipo")
                + ";shutdown=true", "SA", "");
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT READ_COUNT, WRITE_COUNT, "
                     + "PROCESS_SKIP_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'loadPrices' "
                     + "ORDER BY STEP_EXECUTION_ID DESC LIMIT 1")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    @Test
    void appendedRowsAloneAreReadAndTheResultEqualsAFullRun() throws Exception {
        assertEquals(0, launch().exitCode());
        // The nightly case: rows appended to a price file (5 lines, ending with a line end).
        Files.writeString(input.resolve("prices/688795.SH.csv"), "688795.SH,2026-01-05,,,,700.00,,,\n"
                + "688795.SH,2025-12-17,,,,714.80,,,\n" // repeats line 4: a repeat, not loaded
                + "688795.SH,2025-12-22,,,,674,,,\n" // same date as line 5, another close: both rejected
                + "688795.SH,2026-01-06,,,,7l0.00,,,\n", StandardOpenOption.APPEND);
        JobRun second = launch("--max-reject-fraction", "1");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(List.of(4L, 3L, 1L), lastLoadPrices(), "only the 4 appended rows are read: read, loaded (the "
                + "repeat and the conflicting row are valid rows, settled by settlePrices: see the file's accounting "
                + "below), skipped (one reject)");
        assertEquals(Map.of("prices/688795.SH.csv", "2"), parsedIn("2"));
        List<Map<String, String>> rejects = csv(output.resolve("latest/rejects.csv"));
        assertEquals(List.of("5 conflict", "8 conflict", "9 number-format"),
                rejects.stream().map(r -> r.get("line") + " " + r.get("rule")).sorted().toList(),
                "line numbers count the lines before the appended rows");
        Map<String, String> counts = row(csv(output.resolve("latest/input-files.csv")), "file", "prices/688795.SH.csv");
        assertEquals(List.of("8", "4", "1", "3"), List.of(counts.get("rows_read"), counts.get("rows_loaded"),
                counts.get("rows_repeated"), counts.get("rows_rejected")), "the file's accounting covers all its rows, old and new");

        // A change before the end is no append: the whole file is parsed again.
        String changed = Files.readString(input.resolve("prices/688795.SH.csv")).replace("714.80", "714.81");
        Files.writeString(input.resolve("prices/688795.SH.csv"), changed);
        JobRun third = launch("--max-reject-fraction", "1");
        assertEquals(0, third.exitCode(), third.err());
        assertEquals(8L, lastLoadPrices().get(0));

        // Appending once more, then comparing with a run from scratch on the final folder.
        Files.writeString(input.resolve("prices/688795.SH.csv"), "688795.SH,2026-01-07,,,,720.00,,,\n",
                StandardOpenOption.APPEND);
        JobRun fourth = launch("--max-reject-fraction", "1");
        assertEquals(0, fourth.exitCode(), fourth.err());
        assertEquals(List.of(1L, 1L, 0L), lastLoadPrices());
        Path scratch = work.resolve("scratch");
        assertEquals(0, JobRun.launch("--input", input.toString(), "--output", scratch.resolve("output").toString(),
                "--db", scratch.resolve("db").toString(), "--as-of", "2026-11-28", "--max-reject-fraction", "1").exitCode());
        // Every report file, but the two that say which run parsed what and when.
        assertEquals(JobRun.figureFiles(scratch.resolve("output/latest"), "manifest.json", "input-files.csv"),
                JobRun.figureFiles(output.resolve("latest"), "manifest.json", "input-files.csv"));
    }

    @Test
    void onlyNewAndChangedFilesAreParsedAndTheResultEqualsAFullRun() throws Exception {
        assertEquals(0, launch().exitCode());
        // A new price file that repeats a row of an existing one (a repeat of it, not loaded).
        Files.writeString(input.resolve("prices/extra.csv"), "ticker,date,open,high,low,close,volume,turnover,note\n"
                + "688795.SH,2025-12-17,,,,714.80,,,\n688795.SH,2026-01-05,,,,700.00,,,\n");
        JobRun second = launch("--max-reject-fraction", "1");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(Map.of("prices/extra.csv", "2"), parsedIn("2"), "only the new file was parsed");
        assertTrue(second.out().contains("unchanged since run 1"), second.out());

        // Changing one file parses that file alone.
        Files.writeString(input.resolve("prices/9903.HK.csv"), "\n9903.HK,2026-0109,,,,150.00,,,\n".replace("0109", "01-09"),
                StandardOpenOption.APPEND);
        assertEquals(0, launch("--max-reject-fraction", "1").exitCode());
        assertEquals(Map.of("prices/9903.HK.csv", "3"), parsedIn("3"));

        // Removing the file that held the first copy of the repeated row parses extra.csv again: its row now loads.
        Files.delete(input.resolve("prices/688795.SH.csv"));
        assertEquals(0, launch("--max-reject-fraction", "1").exitCode());
        assertEquals(Map.of("prices/extra.csv", "4"), parsedIn("4"));
        assertEquals(List.of(), csv(output.resolve("latest/rejects.csv")));
        assertEquals("2", row(csv(output.resolve("latest/input-files.csv")), "file", "prices/extra.csv").get("rows_loaded"));

        // A changed listings.csv makes every file suspect: all are parsed again.
        Files.writeString(input.resolve("listings.csv"), "\n", StandardOpenOption.APPEND);
        assertEquals(0, launch("--max-reject-fraction", "1").exitCode());
        assertEquals(csv(output.resolve("latest/input-files.csv")).size(), parsedIn("5").size());

        // The incremental result is the result of a run from scratch on the same folder.
        Path fresh = work.resolve("fresh");
        assertEquals(0, JobRun.launch("--input", input.toString(), "--output", fresh.resolve("output").toString(),
                "--db", fresh.resolve("db").toString(), "--as-of", "2026-11-28", "--max-reject-fraction", "1").exitCode());
        for (String file : List.of("first-day.csv", "series/lot-gains", "series/market-value", "price-to-sales.csv",
                "cap-reconciliation.csv", "rejects.csv", "market-value.png")) {
            assertArrayEquals(JobRun.bytes(fresh.resolve("output/latest/" + file)),
                    JobRun.bytes(output.resolve("latest/" + file)), file);
        }
    }

    @Test
    void theManifestDescribesInputsAndOutputsAndOldFoldersAreRemovedBeyondKeep() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, launch("--force", "--keep", "2").exitCode());
        }
        assertEquals(List.of("2026-11-28_run-000002", "2026-11-28_run-000003"), reportFolders(output));
        assertEquals("2026-11-28_run-000003", Files.readSymbolicLink(output.resolve("latest")).toString());

        Path report = output.resolve("latest");
        var manifest = tools.jackson.databind.json.JsonMapper.builder().build().readTree(report.resolve("manifest.json").toFile());
        assertEquals("2026-11-28", manifest.get("asOf").asString());
        assertEquals(3, manifest.get("runId").asInt());
        var listings = manifest.get("inputs").get(0);
        assertEquals("listings.csv", listings.get("file").asString());
        assertEquals(sha256(input.resolve("listings.csv")), listings.get("sha256").asString());
        assertEquals(4, listings.get("rowsLoaded").asInt());
        int outputs = 0;
        for (var out : manifest.get("outputs")) {
            assertEquals(sha256(report.resolve(out.get("file").asString())), out.get("sha256").asString(), out.toString());
            outputs++;
        }
        assertEquals(41, outputs, "17 CSV, 4 of the series (2 series × 2 months), 10 PNG, index.html, report.xlsx, "
                + "and in ipo/ a page and a card for each of the 4 IPOs");
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    /** Files of the latest report parsed in the given run, with that run. */
    private Map<String, String> parsedIn(String run) throws Exception {
        return csv(output.resolve("latest/input-files.csv")).stream().filter(r -> r.get("parsed_in_run").equals(run))
                .collect(java.util.stream.Collectors.toMap(r -> r.get("file"), r -> r.get("parsed_in_run")));
    }

    @Test
    void badRowsAreRejectedWithFileLineAndReasonAndTheRestIsLoaded() throws Exception {
        Files.writeString(input.resolve("prices/688795.SH.csv"),
                "688795.SH,2025-12-23,,,,42.5%,,,\n"
                        + "000000.SH,2025-12-23,,,,10.00,,,\n"
                        + "688795.SH,2025-12-17,,,,714.80,,,\n", StandardOpenOption.APPEND);
        JobRun run = launch("--max-reject-fraction", "0.5");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("prices/688795.SH.csv"), run.out());

        List<Map<String, String>> rejects = csv(output.resolve("latest/rejects.csv"));
        assertEquals(1, rejects.size(), "the row of 000000.SH, not in listings.csv, is set aside, not rejected");
        assertEquals(Map.of("file", "prices/688795.SH.csv", "line", "6", "column", "close", "value", "42.5%",
                "rule", "number-format", "reason", "close '42.5%' has a percent sign: write a plain number"), rejects.get(0));
        assertTrue(run.out().contains("repeat: prices/688795.SH.csv line 8: repeats line 4 of prices/688795.SH.csv"),
                run.out());

        Map<String, String> accounting = row(csv(output.resolve("latest/input-files.csv")), "file", "prices/688795.SH.csv");
        assertEquals(List.of("7", "4", "1", "1", "1"), List.of(accounting.get("rows_read"), accounting.get("rows_loaded"),
                accounting.get("rows_repeated"), accounting.get("rows_rejected"), accounting.get("rows_set_aside")));
    }

    @Test
    void aFileOfMostlyBadRowsStopsTheRunAndPublishesNothingButItsRejects() throws Exception {
        Files.writeString(input.resolve("prices/688795.SH.csv"),
                "688795.SH,2025-12-23,,,,abc,,,\n688795.SH,2025-12-24,,,,-1,,,\n", StandardOpenOption.APPEND);
        JobRun run = launch();
        assertEquals(3, run.exitCode());
        Path rejects = output.resolve("failed-2026-11-28_run-000001/rejects.csv");
        assertTrue(run.err().contains("Bad input: Too many rejected rows: prices/688795.SH.csv: 2 of 6 rows rejected "
                + "(at most 1 allowed). Every rejected row, with its line and reason, is in " + rejects), run.err());
        assertEquals(List.of("failed-2026-11-28_run-000001"), reportFolders(output),
                "no report folder, no staging left behind: only the rejects to read");
        // The two appended lines are lines 6 and 7 of the file (a header and four shipped rows before them).
        assertEquals(List.of(List.of("6", "close", "abc", "number-format"), List.of("7", "close", "'-1", "positive")), // a leading - is quoted against formulas
                csv(rejects).stream().map(r -> List.of(r.get("line"), r.get("column"), r.get("value"), r.get("rule")))
                        .toList());

        // The failed run is not kept to be resumed: the file's rows, loaded and rejected, leave the
        // database at once (its rejects are in the failed folder), and the file is read again next time.
        assertTrue(run.err().contains("Run 1 is abandoned: too many rejected rows; the next run reads "
                + "prices/688795.SH.csv again."), run.err());
        assertTrue(run.err().contains("  prices/688795.SH.csv                              6          4          0"
                + "          2          0  now"), "the summary shows what the run read of it: " + run.err());
        assertEquals(0, rowsFrom("prices/688795.SH.csv"), "no row of the over-limit file stays in the database");
        assertTrue(rowsFrom("prices/6082.HK.csv") > 0, "the other files' rows stay");

        // Launched again over the same inputs: a new run reads the file again and stops on it again.
        JobRun again = launch();
        assertEquals(3, again.exitCode(), again.err());
        assertTrue(again.err().contains("2 of 6 rows rejected") && !again.err().contains("Resuming"), again.err());
        assertEquals(List.of("failed-2026-11-28_run-000002"), reportFolders(output), "only the newest failed run's rejects");

        // Once the file is fixed the next run publishes, and the failed run's rejects go with it.
        Files.writeString(input.resolve("prices/688795.SH.csv"), Files.readString(input.resolve("prices/688795.SH.csv"))
                .replace("688795.SH,2025-12-23,,,,abc,,,\n688795.SH,2025-12-24,,,,-1,,,\n", ""));
        JobRun fixed = launch();
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertEquals(List.of("2026-11-28_run-000003"), reportFolders(output));
        assertTrue(!run.err().contains("Exception") && !run.out().contains("\tat "), "no stack trace on the console");
    }

    @Test
    void aMissingInputFolderIsBadInput() {
        JobRun run = JobRun.launch("--input", work.resolve("nowhere").toString(), "--output", output.toString(),
                "--db", work.resolve("db").toString());
        assertEquals(3, run.exitCode());
        assertEquals("Bad input: the input folder " + work.resolve("nowhere") + " does not exist. Name it with --input "
                + "DIR, or start from the folder that holds input/.\n", run.err());
    }

    @Test
    void aSecondLaunchWhileOneRunsIsRefused() throws Exception {
        Files.createDirectories(work.resolve("db"));
        try (RunLock held = RunLock.tryAcquire(work.resolve("db/ipo-analyzer.lock"), "database db").orElseThrow()) {
            JobRun second = launch();
            assertEquals(4, second.exitCode());
            assertTrue(second.err().contains("Another ipo-analyzer run is in progress"), second.err());
        }
        assertEquals(List.of(), reportFolders(output));
        assertEquals(0, launch().exitCode(), "the lock is free again");
    }

    @Test
    void helpAndUsageErrors() {
        JobRun help = JobRun.launch("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--as-of=YYYY-MM-DD"), help.out());
        assertTrue(help.out().contains("4   another run is in progress"), help.out());
        JobRun wrong = JobRun.launch("--as-of", "28/11/2026");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("--as-of"), wrong.err());
        assertTrue(new String(wrong.err().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("--help"));
    }
}
