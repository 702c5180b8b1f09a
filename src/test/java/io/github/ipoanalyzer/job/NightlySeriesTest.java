package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.generate.MarketGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report takes over the months of its per-close series that nothing they depend on changed
 * since the report before, and is still, byte for byte, the report a run from scratch writes:
 * after the nightly append of one day to every listing (only the new day's month is computed),
 * after a price corrected deep in one listing's history (its listing's months are computed
 * again from its first day) and after an exchange rate corrected (from that rate's day). The
 * listings' estimation sums kept in the database between runs are part of it.
 */
class NightlySeriesTest {

    private static final int LISTINGS = 12;
    private static final int DAYS = 300;

    @TempDir
    Path work;

    @Test
    void aNightlyAppendComputesOnlyTheNewDaysMonth() throws Exception {
        Path market = work.resolve("market");
        MarketGenerator generator = new MarketGenerator(LISTINGS, DAYS, 11);
        generator.writeTo(market);
        assertEquals(0, run(market, "out", "db").exitCode());
        Path before = work.resolve("out/latest").toRealPath();

        generator.appendOneDay(market);
        String month = lastDate(market.resolve("prices/700000.SH.csv")).substring(0, 7);
        JobRun nightly = run(market, "out", "db");
        assertEquals(0, nightly.exitCode(), nightly.err());
        Path after = work.resolve("out/latest").toRealPath();
        assertTrue(series(after).startsWith("months before " + month + " taken over from " + before.getFileName()),
                series(after));
        assertEqualsScratch(market, after);
        List<String> earlier = seriesFiles(before).stream().filter(f -> month(f).compareTo(month) < 0).toList();
        assertTrue(earlier.size() >= 2 * 10, "over a year of months in each series: " + earlier);
        for (String file : earlier) {
            assertEquals(inode(before.resolve(file)), inode(after.resolve(file)), file + " taken over: one file, two names");
        }
        for (String file : seriesFiles(after).stream().filter(f -> month(f).equals(month)).toList()) {
            assertNotEquals(inode(before.resolve(file)), inode(after.resolve(file)), file + " holds the new day");
        }
    }

    @Test
    void nightlyAppendsOfOneMonthShareOneBlockAndTheReportIsStillTheScratchOne() throws Exception {
        Path market = work.resolve("market");
        MarketGenerator generator = new MarketGenerator(LISTINGS, DAYS, 14);
        generator.writeTo(market);
        assertEquals(0, run(market, "out", "db").exitCode());
        Path prices = market.resolve("prices/10001.HK.csv");
        int before = blocksOf("db", "prices/10001.HK.csv");
        // Night n appends the n-th weekday after night 0's date: nights 0 and 1, then the first two of a later month.
        generator.appendDay(market, 0);
        List<LocalDate> weekdays = new ArrayList<>(List.of(LocalDate.parse(lastDate(prices))));
        while (weekdays.size() < 60) {
            LocalDate next = weekdays.get(weekdays.size() - 1).plusDays(1);
            weekdays.add(next.getDayOfWeek().getValue() == 6 ? next.plusDays(2) : next);
        }
        int later = 2;
        while (YearMonth.from(weekdays.get(later)).equals(YearMonth.from(weekdays.get(1)))) {
            later++;
        }
        List<Integer> nights = List.of(0, 1, later, later + 1);
        List<String> months = new ArrayList<>();
        for (int night : nights) {
            if (night > 0) {
                generator.appendDay(market, night);
            }
            months.add(lastDate(prices).substring(0, 7));
            JobRun nightly = run(market, "out", "db");
            assertEquals(0, nightly.exitCode(), nightly.err());
            assertTrue(series(work.resolve("out/latest")).startsWith("months before " + months.get(months.size() - 1)
                    + " taken over"), series(work.resolve("out/latest")));
        }
        long distinctMonths = months.stream().distinct().count();
        assertEquals(weekdays.get(later + 1).toString().substring(0, 7), months.get(3));
        assertTrue(distinctMonths >= 2 && distinctMonths < months.size(), months.toString());
        // The history's block, then one block for each month of nights; every listing alike.
        assertEquals(before + distinctMonths, blocksOf("db", "prices/10001.HK.csv"), months.toString());
        assertEqualsScratch(market, work.resolve("out/latest"));
    }

    @Test
    void aCorrectionDeepInHistoryComputesAgainFromWhatItCanChange() throws Exception {
        Path market = work.resolve("market");
        new MarketGenerator(LISTINGS, DAYS, 12).writeTo(market);
        assertEquals(0, run(market, "out", "db").exitCode());

        Map<String, String> kept = keptSums("db");
        assertEquals(LISTINGS, kept.size(), "each listing's estimation sums kept: " + kept.keySet());

        // One close of the 100th day corrected: the file is read again, its listing's rows can all change.
        Path prices = market.resolve("prices/10005.HK.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(prices));
        String[] row = lines.get(100).split(",", -1);
        row[5] = new java.math.BigDecimal(row[5]).add(new java.math.BigDecimal("0.01")).toPlainString();
        lines.set(100, String.join(",", row));
        Files.write(prices, lines);
        String firstDay = lines.get(1).split(",")[1];
        JobRun corrected = run(market, "out", "db");
        assertEquals(0, corrected.exitCode(), corrected.err());
        assertTrue(series(work.resolve("out/latest")).startsWith("months before " + firstDay.substring(0, 7) + " taken over"),
                series(work.resolve("out/latest")));
        assertEqualsScratch(market, work.resolve("out/latest"));
        // The corrected listing's sums were summed again and kept anew; no other listing's changed.
        Map<String, String> keptAfter = keptSums("db");
        assertNotEquals(kept.get("10005.HK"), keptAfter.get("10005.HK"));
        kept.remove("10005.HK");
        keptAfter.remove("10005.HK");
        assertEquals(kept, keptAfter);

        // A rate corrected in the middle of the history: from that day's month on.
        Path rates = market.resolve("fx-rates.csv");
        List<String> fx = new ArrayList<>(Files.readAllLines(rates));
        String[] rate = fx.get(150).split(",", -1);
        rate[2] = new java.math.BigDecimal(rate[2]).add(new java.math.BigDecimal("0.0001")).toPlainString();
        fx.set(150, String.join(",", rate));
        Files.write(rates, fx);
        JobRun rateFixed = run(market, "out", "db");
        assertEquals(0, rateFixed.exitCode(), rateFixed.err());
        assertTrue(series(work.resolve("out/latest")).startsWith("months before " + rate[0].substring(0, 7) + " taken over"),
                series(work.resolve("out/latest")));
        assertEqualsScratch(market, work.resolve("out/latest"));
    }

    @Test
    void aNightlyRunStoppedInItsReportResumesWithTheMonthsItDecidedToTakeOver() throws Exception {
        Path market = work.resolve("market");
        MarketGenerator generator = new MarketGenerator(1500, 60, 14);
        generator.writeTo(market);
        assertEquals(0, run(market, "out", "db").exitCode());
        Path before = work.resolve("out/latest").toRealPath();
        generator.appendOneDay(market);
        String month = lastDate(market.resolve("prices/700000.SH.csv")).substring(0, 7);
        String[] args = {"--input", market.toString(), "--output", work.resolve("out").toString(), "--db",
                work.resolve("db").toString(), "--as-of", "2030-01-01", "--settle-seconds", "0"};
        // One thread, four partitions in turn: stopped in the report, after the months were decided.
        ChildJvm child = ChildJvm.start(args, work.resolve("child.out"), "-Dipo.report-threads=1",
                "-Dipo.report-partitions=4");
        child.waitFor(ChildJvm.REPORT_PROGRESS, 400);
        child.process().destroy(); // SIGTERM
        assertEquals(5, child.exitCode(), child.allOutput());

        JobRun resumed = run(market, "out", "db");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Resuming run 2 from where it stopped."), resumed.out());
        Path after = work.resolve("out/latest").toRealPath();
        assertTrue(series(after).startsWith("months before " + month + " taken over from " + before.getFileName()),
                series(after));
        assertEqualsScratch(market, after);
        List<String> earlier = seriesFiles(before).stream().filter(f -> month(f).compareTo(month) < 0).toList();
        assertTrue(earlier.size() >= 4, earlier.toString());
        for (String file : earlier) {
            assertEquals(inode(before.resolve(file)), inode(after.resolve(file)), file);
        }
    }

    @Test
    void aReportThisDatabaseDidNotPublishIsNeverTakenOver() throws Exception {
        Path market = work.resolve("market");
        MarketGenerator generator = new MarketGenerator(LISTINGS, DAYS, 13);
        generator.writeTo(market);
        // Two databases, each with its own output folder, both at run 1: the same folder names.
        assertEquals(0, run(market, "out-a", "db-a").exitCode());
        generator.appendOneDay(market);
        assertEquals(0, run(market, "out-b", "db-b").exitCode());
        // Database a publishing into b's folder: b's latest report is not the one a's basis describes.
        JobRun crossed = run(market, "out-b", "db-a");
        assertEquals(0, crossed.exitCode(), crossed.err());
        assertTrue(series(work.resolve("out-b/latest")).startsWith("the latest report "), series(work.resolve("out-b/latest")));
        assertEqualsScratch(market, work.resolve("out-b/latest"));
    }

    private JobRun run(Path market, String output, String db) {
        return JobRun.launch("--input", market.toString(), "--output", work.resolve(output).toString(), "--db",
                work.resolve(db).toString(), "--as-of", "2030-01-01", "--settle-seconds", "0");
    }

    /** Every report file as a run from scratch on the same input writes it (but those naming the run's parsing). */
    private void assertEqualsScratch(Path market, Path report) throws Exception {
        String scratch = "scratch-" + System.nanoTime();
        JobRun fresh = run(market, scratch, scratch + "-db");
        assertEquals(0, fresh.exitCode(), fresh.err());
        assertTrue(series(work.resolve(scratch + "/latest")).startsWith("no earlier report"));
        assertEquals(JobRun.figureFiles(work.resolve(scratch + "/latest"), "manifest.json", "input-files.csv"),
                JobRun.figureFiles(report, "manifest.json", "input-files.csv"));
    }

    /** How many blocks of prices the database keeps of {@code file}. */
    private int blocksOf(String db, String file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + work.resolve(db).resolve("ipo")
                + ";shutdown=true;ifexists=true", "SA", "");
             java.sql.PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM PRICE_BLOCK WHERE SOURCE_FILE = ?")) {
            count.setString(1, file);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The estimation sums the database keeps, by ticker, as hex. */
    private Map<String, String> keptSums(String db) throws Exception {
        Map<String, String> kept = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + work.resolve(db).resolve("ipo")
                + ";shutdown=true;ifexists=true", "SA", "");
             ResultSet rows = c.createStatement().executeQuery("SELECT TICKER, STATE FROM ESTIMATION_SUMS")) {
            while (rows.next()) {
                kept.put(rows.getString(1), HexFormat.of().formatHex(rows.getBytes(2)));
            }
        }
        return kept;
    }

    /** What the report's manifest says of its series: which months were taken over, and why. */
    private static String series(Path report) throws Exception {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(report.resolve("manifest.json").toFile())
                .get("series").asString();
    }

    private static List<String> seriesFiles(Path report) throws Exception {
        try (Stream<Path> walk = Files.walk(report.resolve("series"))) {
            return walk.filter(Files::isRegularFile).map(f -> report.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** series/market-value/2024-03.csv: 2024-03. */
    private static String month(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.substring(0, 7);
    }

    private static String lastDate(Path prices) throws Exception {
        List<String> lines = Files.readAllLines(prices);
        return lines.get(lines.size() - 1).split(",")[1];
    }

    private static Object inode(Path file) throws Exception {
        return Files.getAttribute(file, "unix:ino");
    }
}
