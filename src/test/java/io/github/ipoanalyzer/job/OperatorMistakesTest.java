package io.github.ipoanalyzer.job;

import com.opencsv.CSVReader;
import io.github.ipoanalyzer.generate.MarketGenerator;
import io.github.ipoanalyzer.store.InputFingerprint;
import io.github.ipoanalyzer.launch.RunLock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What operators do that used to publish wrong figures, jam later runs or print stack traces:
 * start afresh, rerun an old day, share an output folder, stop a run while it publishes, leave
 * crash leftovers, damage the database, run from a read-only folder or onto a full disk, drop a
 * pipe among the price files.
 */
class OperatorMistakesTest extends OnAShippedInputCopy {

    /** The job on the copy with its database in folder {@code db} of the test, no as-of date unless given. */
    private JobRun launchOn(String db, String... extra) {
        List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString(), "--db",
                work.resolve(db).toString()));
        args.addAll(List.of(extra));
        return JobRun.launch(args.toArray(String[]::new));
    }

    @Test
    void aFileNoInputKindReadsIsNamedWithWhereItProbablyBelongs() throws Exception {
        Files.writeString(input.resolve("688795.SH-late.csv"), "ticker,date,close\n688795.SH,2025-12-23,700.00\n");
        Files.writeString(input.resolve("notes.txt"), "to do\n");
        JobRun run = launchOn("db", "--as-of", "2026-11-28");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Not read: 688795.SH-late.csv is read by no input kind: its columns are those of "
                + "prices, move it into prices/."), run.out());
        assertTrue(run.out().contains("Not read: notes.txt is read by no input kind (its columns match no input kind; "
                + "see the README's input files)."), run.out());
    }

    @Test
    void startingAfreshNeverPrunesTheNewFolderAndLatestReachesIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, launchOn("db", "--as-of", "2026-11-28", "--force", "--keep", "3").exitCode());
        }
        deleteTree(work.resolve("db")); // as the README says: delete data/ to start afresh
        JobRun fresh = launchOn("db", "--as-of", "2026-11-29", "--keep", "3");
        assertEquals(0, fresh.exitCode(), fresh.err());
        // Numbers go on after the folders already there; the oldest folder goes, not the new one.
        assertEquals(List.of("2026-11-28_run-000002", "2026-11-28_run-000003", "2026-11-29_run-000004"), JobRun.reportFolders(output));
        assertEquals(output.resolve("2026-11-29_run-000004").toRealPath(), output.resolve("latest").toRealPath());
        assertEquals("2026-11-29", manifest(output.resolve("latest")).get("asOf"));
    }

    @Test
    void aRunAsOfAnEarlierDaySeesNothingDatedAfterIt() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 1, 5);
        JobRun run = launchOn("db", "--as-of", asOf.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path report = output.resolve("latest");

        // Independently, from the input files: which listings and rates exist on or before the day.
        List<Map<String, String>> listings = inputRows("listings.csv");
        List<String> listedByThen = listings.stream().filter(l -> !LocalDate.parse(l.get("listing_date")).isAfter(asOf))
                .map(l -> l.get("ticker")).toList();
        List<String> listedLater = listings.stream().filter(l -> LocalDate.parse(l.get("listing_date")).isAfter(asOf))
                .map(l -> l.get("ticker")).toList();
        long laterRates = inputRows("fx-rates.csv").stream().filter(r -> LocalDate.parse(r.get("date")).isAfter(asOf))
                .count();
        assertEquals(List.of("9903.HK"), listedLater, "the shipped data lists Iluvatar CoreX on 2026-01-08");
        assertTrue(laterRates > 0);

        assertEquals(listedByThen, JobRun.csv(report.resolve("first-day.csv")).stream().map(r -> r.get("ticker")).toList());
        // Nor is it named anywhere, a cohort of cohorts.csv that counts it included (but the input files' own list).
        try (Stream<Path> files = Files.walk(report.toRealPath())) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv") && !f.endsWith("input-files.csv")).toList()) {
                assertTrue(!Files.readString(csv).contains("9903.HK"), csv + " names a listing of after the as-of date:\n"
                        + Files.readString(csv));
            }
        }
        for (String file : List.of("first-day.csv", "series/lot-gains", "series/market-value", "price-to-sales.csv",
                "cap-reconciliation.csv", "events.csv", "abnormal-returns.csv", "buy-and-hold.csv")) {
            for (Map<String, String> row : JobRun.csv(report.resolve(file))) {
                assertTrue(!"9903.HK".equals(row.get("ticker")), file + " reports a listing of after the as-of date");
                // A lock-up expiry, a cornerstone lock-up end or a stabilization end is a schedule known from the
                // offer, not data of its date.
                boolean scheduled = Stream.of(row.get("kind"), row.get("event_kind")).anyMatch(k -> k != null
                        && List.of("lock-up expiry", "cornerstone lock-up end", "stabilization end").contains(k));
                for (String column : List.of("date", "price_date", "fx_rate_date", "first_close_date", "event_date")) {
                    String value = row.get(column);
                    if (value != null && !value.isEmpty() && !scheduled) {
                        assertTrue(!LocalDate.parse(value).isAfter(asOf), file + " " + column + " " + value);
                    }
                }
            }
        }
        String leftOutListing = "1 listing listed after the as-of date 2026-01-05 (9903.HK), with their prices, "
                + "revenue and caps";
        String leftOutRates = laterRates + " FX rates dated after the as-of date 2026-01-05";
        assertTrue(run.out().contains("left out (no look-ahead): " + leftOutListing), run.out());
        assertTrue(run.out().contains("left out (no look-ahead): " + leftOutRates), run.out());
        assertTrue(((List<?>) manifest(report).get("leftOutAfterAsOf")).containsAll(List.of(leftOutListing, leftOutRates)));
    }

    @Test
    void twoDatabasesShareAnOutputFolderOneAtATimeAndNeverMixIt() throws Exception {
        Files.createDirectories(output);
        try (RunLock held = RunLock.tryAcquire(output.resolve(".ipo-analyzer.lock"), "database elsewhere").orElseThrow()) {
            JobRun second = launchOn("db-b", "--as-of", "2026-11-28");
            assertEquals(4, second.exitCode(), second.err());
            assertTrue(second.err().contains("Another ipo-analyzer run is publishing into " + output)
                    && second.err().contains("pid " + ProcessHandle.current().pid() + ", database elsewhere"), second.err());
            assertEquals(List.of(), JobRun.reportFolders(output));
        }
        assertEquals(0, launchOn("db-a", "--as-of", "2026-11-28").exitCode());
        assertEquals(0, launchOn("db-b", "--as-of", "2026-11-28").exitCode());
        assertEquals(List.of("2026-11-28_run-000001", "2026-11-28_run-000002"), JobRun.reportFolders(output),
                "the second database numbers its run after the first's folder instead of replacing it");
        for (String folder : JobRun.reportFolders(output)) {
            assertManifestMatchesItsFiles(output.resolve(folder));
        }
    }

    @Test
    void sigtermWhilePublishingStopsWithExitCode5AndTheNextLaunchResumes() throws Exception {
        Path market = work.resolve("market");
        new MarketGenerator(1500, 20, 3).writeTo(market);
        String[] args = {"--input", market.toString(), "--output", output.toString(), "--db",
                work.resolve("db").toString(), "--as-of", "2026-11-28"};
        // One thread, four partitions of 375 listings in turn, chunks of 20: stopped in the second.
        ChildJvm child = ChildJvm.start(args, work.resolve("child.out"), "-Dipo.report-threads=1",
                "-Dipo.report-partitions=4");
        child.waitFor(ChildJvm.REPORT_PROGRESS, 400);
        child.process().destroy(); // SIGTERM
        int code = child.exitCode();
        String console = child.allOutput();
        assertEquals(5, code, console);
        assertTrue(console.contains("Run 1 (as of 2026-11-28): STOPPED"), console);
        assertTrue(!console.contains("\tat ") && !console.contains("Shutdown in progress"), console);
        assertEquals(List.of(".parts-1"), JobRun.reportFolders(output),
                "nothing published, no staging left; the partitions computed so far kept for the resume");

        JobRun resumed = JobRun.launch(args);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Resuming run 1 from where it stopped."), resumed.out());
        assertEquals(1500, JobRun.csv(output.resolve("latest/first-day.csv")).size());
        assertEquals(List.of("2026-11-28_run-000001"), JobRun.reportFolders(output), "the partitions are removed once published");
        // A partition that finished before the stop was not computed again; the one stopped went
        // on from its last chunk: every listing was computed once.
        Map<String, List<Long>> reads = partitionReads(work.resolve("db"));
        assertEquals(4, reads.size(), reads.toString());
        reads.values().forEach(r -> assertEquals(375, r.stream().mapToLong(Long::longValue).sum(), reads.toString()));
        assertTrue(reads.containsValue(List.of(375L)), "one partition finished before the stop: " + reads);
        assertTrue(reads.values().stream().anyMatch(r -> r.size() == 2 && r.get(0) > 0 && r.get(0) < 375
                && r.get(0) % 20 == 0), "one partition resumed after its last chunk of 20: " + reads);
    }

    /** The listings each report partition's executions read, in execution order, from the job repository. */
    private static Map<String, List<Long>> partitionReads(Path db) throws Exception {
        Map<String, List<Long>> reads = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + db.resolve("ipo")
                + ";shutdown=true", "SA", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT STEP_NAME, READ_COUNT FROM "
                     + "BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'reportListingRange:%' ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                reads.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        return reads;
    }

    @Test
    void leftoversOfCrashedRunsAreCleanedAtTheNextStart() throws Exception {
        assertEquals(0, launchOn("db", "--as-of", "2026-11-28").exitCode());
        // A run killed while writing its report, and one killed between renames.
        Files.createDirectories(output.resolve(".staging-7/charts"));
        Files.writeString(output.resolve(".staging-7/market-value.csv"), "half a file");
        Files.createDirectories(output.resolve(".staging-replaced-2026-11-28_run-1"));
        Files.createSymbolicLink(output.resolve(".latest-2026-11-28_run-9"), Path.of("2026-11-28_run-9"));
        Files.delete(output.resolve("latest"));
        Files.createSymbolicLink(output.resolve("latest"), Path.of("2026-11-28_run-9"));

        JobRun next = launchOn("db", "--as-of", "2026-11-28"); // nothing to do, but it tidies
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.out().contains("Removed " + output.resolve(".staging-7")), next.out());
        assertEquals(List.of("2026-11-28_run-000001"), JobRun.reportFolders(output));
        assertEquals(output.resolve("2026-11-28_run-000001").toRealPath(), output.resolve("latest").toRealPath());
    }

    @Test
    void aDamagedDatabaseFileGetsAMessageWithTheWayOut() throws Exception {
        assertEquals(0, launchOn("db", "--as-of", "2026-11-28").exitCode());
        Path script = work.resolve("db/ipo.script");
        byte[] bytes = Files.readAllBytes(script);
        for (int i = 100; i < 140; i++) {
            bytes[i] = '#';
        }
        Files.write(script, bytes);
        assertDamagedDatabaseMessage(launchOn("db", "--as-of", "2026-11-29"));

        deleteTree(work.resolve("db"));
        assertEquals(0, launchOn("db", "--as-of", "2026-11-28").exitCode());
        Files.write(work.resolve("db/ipo.data"), new byte[0]);
        assertDamagedDatabaseMessage(launchOn("db", "--as-of", "2026-11-29"));
    }

    @Test
    void oneFlippedBitInAStoredPriceBlockFailsTheRunInsteadOfChangingTheReport() throws Exception {
        assertEquals(0, launchOn("db", "--as-of", "2026-11-28").exitCode());
        try (Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + work.resolve("db/ipo") + ";shutdown=true",
                "SA", "")) {
            long id;
            byte[] block;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT ID, ROWS_DATA FROM PRICE_BLOCK ORDER BY ID LIMIT 1")) {
                assertTrue(rs.next());
                id = rs.getLong(1);
                block = rs.getBytes(2);
            }
            block[block.length / 2] ^= 1;
            try (PreparedStatement update = c.prepareStatement("UPDATE PRICE_BLOCK SET ROWS_DATA = ? WHERE ID = ?")) {
                update.setBytes(1, block);
                update.setLong(2, id);
                assertEquals(1, update.executeUpdate());
            }
        }
        JobRun run = launchOn("db", "--as-of", "2026-11-29");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertDamagedDatabaseMessage(run);
        assertTrue(run.err().contains("a stored block of prices fails its checksum"), run.err());
        assertEquals(List.of("2026-11-28_run-000001"), JobRun.reportFolders(output), "nothing published from it");
    }

    @Test
    void aPipeAmongThePriceFilesIsRefusedAtOnce() throws Exception {
        Path fifo = input.resolve("prices/feed.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available here");
        JobRun run = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> launchOn("db"));
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("prices/feed.csv is not a regular file (a named pipe, device or socket)"), run.err());
    }

    @Test
    void aReadOnlyWorkingFolderGetsOneLineAndNoStackTrace() throws Exception {
        Path readOnly = Files.createDirectories(work.resolve("read-only"));
        assumeTrue(mount("--bind", readOnly.toString(), readOnly.toString()), "cannot bind-mount here (not root?)");
        try {
            assumeTrue(mount("-o", "remount,ro,bind", readOnly.toString()), "cannot remount read-only here");
            ChildJvm child = ChildJvm.startIn(readOnly, new String[] {"--input", input.toString()},
                    work.resolve("child.out"));
            int code = child.exitCode();
            String console = child.allOutput();
            assertEquals(1, code, console);
            assertEquals("Failed: cannot write " + readOnly.resolve("data") + " (read-only file system). Run from a "
                    + "folder you can write to, or point --db and --output at one.", console.trim());
        } finally {
            new ProcessBuilder("umount", readOnly.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskUnderTheDatabaseSaysSoWithoutAStackTrace() throws Exception {
        Path small = Files.createDirectories(work.resolve("small-disk"));
        assumeTrue(mount("-t", "tmpfs", "-o", "size=1200k", "tmpfs", small.toString()), "cannot mount a tmpfs here (not root?)");
        try {
            Path market = work.resolve("market");
            new MarketGenerator(200, 1000, 5).writeTo(market);
            ChildJvm child = ChildJvm.start(new String[] {"--input", market.toString(), "--output", output.toString(),
                    "--db", small.resolve("db").toString(), "--as-of", "2026-11-28"}, work.resolve("child.out"));
            int code = child.exitCode();
            String console = child.allOutput();
            assertEquals(1, code, console);
            assertTrue(console.contains("Failed: no space left on " + small.resolve("db")), console);
            assertTrue(!console.contains("\tat ") && !console.contains("Data File size limit"), console);
            assertEquals(List.of(), JobRun.reportFolders(output));
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskUnderTheOutputWhileTheReportIsPublishedSaysSoAndLeavesNoHalfReport() throws Exception {
        Path market = work.resolve("market");
        new MarketGenerator(40, 300, 5).writeTo(market);
        // The report's size on a roomy disk, then a disk that holds the partitions and most of the
        // report but not all of it: it fills while the last parts (report.xlsx, charts, pages) are written.
        Path roomy = work.resolve("roomy");
        JobRun whole = JobRun.launch("--input", market.toString(), "--output", roomy.toString(), "--db",
                work.resolve("db-roomy").toString(), "--as-of", "2026-11-28", "--settle-seconds", "0");
        assertEquals(0, whole.exitCode(), whole.err());
        long reportBytes;
        try (var files = Files.walk(roomy.resolve("latest").toRealPath())) {
            reportBytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        Path small = Files.createDirectories(work.resolve("small-output"));
        assumeTrue(mount("-t", "tmpfs", "-o", "size=" + reportBytes * 13 / 10, "tmpfs", small.toString()),
                "cannot mount a tmpfs here (not root?)");
        try {
            ChildJvm child = ChildJvm.start(new String[] {"--input", market.toString(), "--output",
                    small.resolve("out").toString(), "--db", work.resolve("db").toString(), "--as-of", "2026-11-28",
                    "--settle-seconds", "0"}, work.resolve("child.out"));
            int code = child.exitCode();
            String console = child.allOutput();
            assertEquals(1, code, console);
            assertTrue(console.contains("Failed: no space left on "), console); // the folder, or the disk when much is free again
            assertTrue(!console.contains("\tat "), console);
            assertEquals(List.of(".parts-1"), JobRun.reportFolders(small.resolve("out")),
                    "nothing published, no staging left; the partitions kept for the resume");
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean mount(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mount"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private void assertDamagedDatabaseMessage(JobRun run) {
        String console = run.out() + run.err();
        assertEquals(1, run.exitCode(), console);
        Path db = work.resolve("db").toAbsolutePath();
        assertTrue(console.contains("Failed: the database in " + db + " cannot be used (") && console.contains(
                "Move " + db + " aside (for example: mv " + db + " " + db + ".damaged); the next run reloads every "
                        + "input file and rebuilds the reports."), console);
        assertTrue(!console.contains("\tat ") && console.lines().allMatch(l -> l.length() < 600), console);
    }

    private static void assertManifestMatchesItsFiles(Path folder) throws Exception {
        for (Object o : (List<?>) manifest(folder).get("outputs")) {
            Map<?, ?> entry = (Map<?, ?>) o;
            assertEquals(entry.get("sha256"), InputFingerprint.sha256(folder.resolve((String) entry.get("file"))),
                    folder + "/" + entry.get("file"));
        }
    }

    private static Map<?, ?> manifest(Path folder) {
        return JsonMapper.builder().build().readValue(folder.resolve("manifest.json").toFile(), Map.class);
    }

    private List<Map<String, String>> inputRows(String file) throws Exception {
        try (Reader r = Files.newBufferedReader(input.resolve(file), StandardCharsets.UTF_8);
             CSVReader csv = new CSVReader(r)) {
            List<String[]> rows = csv.readAll();
            String[] header = rows.get(0);
            header[0] = header[0].replace("\uFEFF", "");
            List<Map<String, String>> result = new ArrayList<>();
            for (String[] row : rows.subList(1, rows.size())) {
                Map<String, String> map = new java.util.LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    map.put(header[i], row[i]);
                }
                result.add(map);
            }
            return result;
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
