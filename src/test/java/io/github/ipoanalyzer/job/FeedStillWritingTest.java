package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.store.InputFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A feed still writing while the run reads: a real child JVM loads a large price file first
 * ({@code aa.csv}) while the test changes the small one it reads next ({@code zz.csv}; one load
 * thread, so that the two files' partitions run one after the other): cut and
 * restored, completed after a half-written fingerprint, appended to, replaced by {@code mv}.
 * Each time the run fails with exit code 3 naming the file, publishes nothing and records
 * nothing of it, and the next launch loads the file as it then is, in full, with no rejects.
 */
class FeedStillWritingTest {

    private static final int BIG_TICKERS = 20;
    private static final int BIG_DAYS = 3000;
    private static final int FEED_DAYS = 2000;
    private static final String FEED_TICKER = ticker(BIG_TICKERS);
    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 5);
    private static final String HEADER = "ticker,date,open,high,low,close,volume,turnover,note\n";

    @TempDir
    Path work;

    @Test
    void aFileCutWhileReadThenRestoredFailsTheRunAndIsReadInFullNextTime() throws Exception {
        Path feed = writeMarket();
        byte[] whole = Files.readAllBytes(feed);
        ChildJvm child = startAndWaitUntilReadingTheBigFile();
        Files.write(feed, Arrays.copyOf(whole, whole.length / 2)); // cut mid-line, in place
        int code = child.exitCode();
        Files.write(feed, whole);

        assertFailedNaming(child, code, "prices/zz.csv: it changed while being read");
        assertTheNextRunsLoadTheFeedInFull(FEED_DAYS, feedClose(FEED_DAYS - 1, 0));
    }

    @Test
    void aFileHalfWrittenWhenFingerprintedAndCompleteWhenReadFailsTheRun() throws Exception {
        Path feed = writeMarket();
        String whole = Files.readString(feed);
        String firstHalf = HEADER + feedRows(0, FEED_DAYS / 2, 0);
        Files.writeString(feed, firstHalf);
        ChildJvm child = startAndWaitUntilReadingTheBigFile();
        Files.writeString(feed, whole.substring(firstHalf.length()), StandardOpenOption.APPEND); // the copy completes
        int code = child.exitCode();

        assertFailedNaming(child, code, "prices/zz.csv: it changed while being read");
        assertTheNextRunsLoadTheFeedInFull(FEED_DAYS, feedClose(FEED_DAYS - 1, 0));
    }

    @Test
    void rowsAppendedWhileTheFileIsReadFailTheRunAndAreNotRejectedAsTheirOwnDuplicatesLater() throws Exception {
        Path feed = writeMarket();
        ChildJvm child = startAndWaitUntilReadingTheBigFile();
        Files.writeString(feed, feedRows(FEED_DAYS, FEED_DAYS + 5, 0), StandardOpenOption.APPEND);
        int code = child.exitCode();

        assertFailedNaming(child, code, "prices/zz.csv: it changed while being read");
        assertTheNextRunsLoadTheFeedInFull(FEED_DAYS + 5, feedClose(FEED_DAYS + 4, 0));
    }

    @Test
    void aFileReplacedByMvDuringTheRunFailsItAndTheNextReportIsOfTheNewContent() throws Exception {
        Path feed = writeMarket();
        Path replacement = work.resolve("zz.csv.new");
        Files.writeString(replacement, HEADER + feedRows(0, FEED_DAYS, 7)); // other closes, same days
        ChildJvm child = startAndWaitUntilReadingTheBigFile();
        Files.move(replacement, feed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        int code = child.exitCode();

        assertFailedNaming(child, code, "prices/zz.csv: it changed while being read");
        assertTheNextRunsLoadTheFeedInFull(FEED_DAYS, feedClose(FEED_DAYS - 1, 7));
        Map<String, String> manifestEntry = JobRun.row(JobRun.csv(work.resolve("out/latest/input-files.csv")), "file",
                "prices/zz.csv");
        assertEquals(InputFingerprint.sha256(feed), manifestEntry.get("sha256"), "the report names what it read");
    }

    @Test
    void aFileThatAppearsDuringTheRunIsLeftToTheNextRunAndSaidSo() throws Exception {
        writeMarket();
        ChildJvm child = startAndWaitUntilReadingTheBigFile();
        Files.writeString(work.resolve("input/prices/mm.csv"), HEADER + feedRows(FEED_DAYS, FEED_DAYS + 5, 0));
        int code = child.exitCode();
        String console = child.allOutput();

        assertEquals(0, code, console);
        assertTrue(console.contains("  not read by this run, which started without it (the next run reads it): "
                + "prices/mm.csv"), console);
        assertTrue(!console.contains("  prices/mm.csv "), "not in the table of the files the run read:\n" + console);
        assertEquals(List.of("prices/aa.csv", "prices/zz.csv"), JobRun.csv(work.resolve("out/latest/input-files.csv"))
                .stream().map(r -> r.get("file")).filter(f -> f.startsWith("prices/")).toList());

        JobRun next = JobRun.launch(args("2026-11-28"));
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.out().contains("  prices/mm.csv                                     5          5          0"
                + "          0          0  now"), next.out());
        assertTrue(!next.out().contains("not read by this run"), next.out());
        assertEquals(feedClose(FEED_DAYS + 4, 0), JobRun.row(JobRun.csv(work.resolve("out/latest/now.csv")), "ticker",
                FEED_TICKER).get("latest_close"));
    }

    private ChildJvm startAndWaitUntilReadingTheBigFile() throws Exception {
        ChildJvm child = ChildJvm.start(args("2026-11-28"), work.resolve("child.out"), "-Dipo.load-threads=1");
        long read = child.waitForPricesProgress();
        assertTrue(read < BIG_TICKERS * BIG_DAYS, "still reading aa.csv: " + read);
        return child;
    }

    private void assertFailedNaming(ChildJvm child, int code, String message) throws Exception {
        String console = child.allOutput();
        assertEquals(3, code, console);
        assertTrue(console.contains(message) && console.contains("is a copy still in progress?"), console);
        assertTrue(console.contains("Run 1 is abandoned: an input changed while it was read"), console);
        assertTrue(!console.contains("\tat "), "no stack trace: " + console);
        assertEquals(List.of(), JobRun.reportFolders(work.resolve("out")), "nothing published, no staging left");
    }

    /**
     * The next launch (the feed has settled) is a new run, not a resumption of the abandoned one,
     * and loads the feed's {@code days} rows once; so does a later nightly run, with no rejects.
     */
    private void assertTheNextRunsLoadTheFeedInFull(int days, String lastClose) throws Exception {
        JobRun next = JobRun.launch(args("2026-11-28"));
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(!next.out().contains("Resuming") && next.out().contains("Run 2 (as of 2026-11-28): COMPLETED"),
                next.out());
        assertFeedLoaded(days, lastClose);
        JobRun nightly = JobRun.launch(args("2026-11-29"));
        assertEquals(0, nightly.exitCode(), nightly.err());
        assertFeedLoaded(days, lastClose);
    }

    private void assertFeedLoaded(int days, String lastClose) throws Exception {
        Path report = work.resolve("out/latest");
        Map<String, String> accounting = JobRun.row(JobRun.csv(report.resolve("input-files.csv")), "file", "prices/zz.csv");
        assertEquals(List.of(days + "", days + "", "0"), List.of(accounting.get("rows_read"),
                accounting.get("rows_loaded"), accounting.get("rows_rejected")));
        List<Map<String, String>> values = JobRun.csv(report.resolve("series/market-value")).stream()
                .filter(r -> r.get("ticker").equals(FEED_TICKER)).toList();
        assertEquals(1 + days, values.size(), "the offer and every close");
        assertEquals(lastClose, values.get(values.size() - 1).get("price"));
        assertEquals(List.of(), JobRun.csv(report.resolve("rejects.csv")));
    }

    private String[] args(String asOf) {
        return new String[] {"--input", work.resolve("input").toString(), "--output", work.resolve("out").toString(),
                "--db", work.resolve("db").toString(), "--as-of", asOf};
    }

    /** Listings, a big price file read first and the feed's file read after it; returns the feed's path. */
    private Path writeMarket() throws Exception {
        Path input = work.resolve("input");
        Files.createDirectories(input.resolve("prices"));
        StringBuilder listings = new StringBuilder("ticker,name_en,exchange,currency,listing_date,offer_price,"
                + "lot_shares,shares_offered,total_shares_after_listing\n");
        for (int t = 0; t <= BIG_TICKERS; t++) {
            listings.append(ticker(t)).append(",Company ").append(t).append(",SSE,CNY,").append(FIRST_DAY)
                    .append(",10.00,500,1000000,10000000\n");
        }
        Files.writeString(input.resolve("listings.csv"), listings);
        StringBuilder big = new StringBuilder(HEADER);
        for (int t = 0; t < BIG_TICKERS; t++) {
            for (int d = 0; d < BIG_DAYS; d++) {
                big.append(ticker(t)).append(',').append(weekday(d)).append(",,,,").append(cents(t * 37L + d * 13L))
                        .append(",,,\n");
            }
        }
        Files.writeString(input.resolve("prices/aa.csv"), big);
        Path feed = input.resolve("prices/zz.csv");
        Files.writeString(feed, HEADER + feedRows(0, FEED_DAYS, 0), StandardCharsets.UTF_8);
        return feed;
    }

    /** The feed's rows of days {@code from} to {@code to}; {@code shift} gives other closes for the same days. */
    private static String feedRows(int from, int to, int shift) {
        StringBuilder rows = new StringBuilder();
        for (int d = from; d < to; d++) {
            rows.append(FEED_TICKER).append(',').append(weekday(d)).append(",,,,").append(feedClose(d, shift))
                    .append(",,,\n");
        }
        return rows.toString();
    }

    private static String feedClose(int day, int shift) {
        return cents(day * 11L + shift * 101L);
    }

    /** A price from 10.00 to 29.99, as the file writes it. */
    private static String cents(long seed) {
        long cents = 1000 + seed % 2000;
        return cents / 100 + "." + String.format(Locale.ROOT, "%02d", cents % 100);
    }

    /** The {@code n}-th weekday from the listing day, a Monday. */
    private static LocalDate weekday(int n) {
        return FIRST_DAY.plusWeeks(n / 5).plusDays(n % 5);
    }

    private static String ticker(int t) {
        return String.format(Locale.ROOT, "%06d.SH", 688000 + t);
    }
}
