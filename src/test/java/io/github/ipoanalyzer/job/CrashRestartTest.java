package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real child JVM is killed with SIGKILL in the middle of loading prices (a second launch meanwhile
 * is refused); the next launch recovers the run and resumes it from its last committed chunk, and
 * its reports are byte-for-byte those of a run that was never interrupted. SIGTERM stops the child
 * at a chunk boundary with exit code 5, and the next launch resumes it.
 */
class CrashRestartTest {

    private static final int TICKERS = 20;
    private static final int DAYS = 1000;

    @TempDir
    Path work;

    @Test
    void aRunKilledMidIngestResumesToIdenticalReports() throws Exception {
        Path input = work.resolve("input");
        writeMarket(input);
        String[] killedArgs = args(input, work.resolve("out-killed"), work.resolve("db-killed"));

        long rowsReadWhenKilled = killDuringLoadPrices(killedArgs, work.resolve("killed.out"));
        assertTrue(rowsReadWhenKilled > 0 && rowsReadWhenKilled < TICKERS * DAYS, "killed mid-ingest: " + rowsReadWhenKilled);

        JobRun resumed = JobRun.launch(killedArgs);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Run 1 did not finish"), resumed.out());
        assertTrue(resumed.out().contains("Resuming run 1 from where it stopped."), resumed.out());
        assertTrue(resumed.out().contains("2026-11-28_run-000001"), "the same run, not a new one: " + resumed.out());
        JobRun clean = JobRun.launch(args(input, work.resolve("out-clean"), work.resolve("db-clean")));
        assertEquals(0, clean.exitCode(), clean.err());

        Path a = work.resolve("out-killed/latest");
        Path b = work.resolve("out-clean/latest");
        assertEquals(TICKERS * DAYS + "", JobRun.row(JobRun.csv(a.resolve("input-files.csv")), "file", "prices/market.csv")
                .get("rows_loaded"), "every price row loaded once: none lost, none twice");
        for (String file : List.of("first-day.csv", "series/lot-gains", "series/market-value", "price-to-sales.csv",
                "cap-reconciliation.csv", "rejects.csv", "input-files.csv", "first-day-returns.png",
                "lot-gains-cny.png", "market-value.png", "price-to-sales.png", "index.html")) {
            assertArrayEquals(JobRun.bytes(b.resolve(file)), JobRun.bytes(a.resolve(file)), file);
        }
    }

    @Test
    void aRunKilledWhileReadingAppendedRowsResumesToIdenticalReports() throws Exception {
        Path input = work.resolve("input");
        writeMarket(input, 0, DAYS / 5);
        String[] args = args(input, work.resolve("out"), work.resolve("db"));
        assertEquals(0, JobRun.launch(args).exitCode());
        appendDays(input, DAYS / 5, DAYS); // the nightly case, 16,000 rows at once

        ChildJvm child = ChildJvm.start(args, work.resolve("child.out"));
        long rowsRead;
        try {
            rowsRead = child.waitForPricesProgress();
            child.process().destroyForcibly();
            child.process().waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.process().destroyForcibly();
        }
        assertTrue(rowsRead < TICKERS * (DAYS - DAYS / 5), "killed while reading the appended rows: " + rowsRead);

        JobRun resumed = JobRun.launch(args);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Resuming run 2 from where it stopped."), resumed.out());
        var prices = JobRun.row(JobRun.csv(work.resolve("out/latest/input-files.csv")), "file", "prices/market.csv");
        // Re-reading the recorded rows, or committed appended ones, would count them again (as repeats).
        assertEquals(List.of(TICKERS * DAYS + "", TICKERS * DAYS + "", "0", "2"), List.of(prices.get("rows_read"),
                prices.get("rows_loaded"), prices.get("rows_rejected"), prices.get("parsed_in_run")));

        JobRun clean = JobRun.launch(args(input, work.resolve("out-clean"), work.resolve("db-clean")));
        assertEquals(0, clean.exitCode(), clean.err());
        for (String file : List.of("first-day.csv", "series/lot-gains", "series/market-value", "rejects.csv",
                "market-value.png")) {
            assertArrayEquals(JobRun.bytes(work.resolve("out-clean/latest/" + file)),
                    JobRun.bytes(work.resolve("out/latest/" + file)), file);
        }
    }

    @Test
    void sigtermStopsAtAChunkBoundaryWithExitCode5AndTheNextLaunchResumes() throws Exception {
        Path input = work.resolve("input");
        writeMarket(input);
        String[] args = args(input, work.resolve("out"), work.resolve("db"));

        ChildJvm child = ChildJvm.start(args, work.resolve("child.out"));
        long rowsRead = child.waitForPricesProgress();
        child.process().destroy(); // SIGTERM
        assertTrue(child.process().waitFor(60, TimeUnit.SECONDS), "stopped in time");
        String rest = child.allOutput();
        assertEquals(5, child.process().exitValue(), rest);
        assertTrue(rest.contains("Run 1 (as of 2026-11-28): STOPPED"), rest);
        assertTrue(rowsRead < TICKERS * DAYS, "stopped mid-ingest");
        assertEquals(List.of(), JobRun.reportFolders(work.resolve("out")), "a stopped run publishes nothing");

        JobRun resumed = JobRun.launch(args);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Resuming run 1 from where it stopped."), resumed.out());
        assertTrue(!resumed.out().contains("did not finish"), "a stopped run needs no recovery: " + resumed.out());
        var prices = JobRun.row(JobRun.csv(work.resolve("out/latest/input-files.csv")), "file", "prices/market.csv");
        assertEquals(TICKERS * DAYS + "", prices.get("rows_loaded"));
        // A stale reader position would re-read committed rows and count them again (as repeats).
        assertEquals("0", prices.get("rows_rejected"));
        assertEquals(TICKERS * DAYS + "", prices.get("rows_read"));
    }

    private static String[] args(Path input, Path output, Path db) {
        return new String[] {"--input", input.toString(), "--output", output.toString(), "--db", db.toString(),
                "--as-of", "2026-11-28"};
    }

    /** Starts the application in a child JVM, waits for a progress line from loadPrices, then kill -9. */
    private static long killDuringLoadPrices(String[] args, Path output) throws Exception {
        ChildJvm child = ChildJvm.start(args, output);
        try {
            long rowsRead = child.waitForPricesProgress();
            // While the child runs, a second launch from another process is refused and changes nothing.
            JobRun second = JobRun.launch(args);
            assertEquals(4, second.exitCode(), second.err());
            assertTrue(second.err().contains("Another ipo-analyzer run is in progress")
                    && second.err().contains("pid " + child.process().pid()), second.err());
            child.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
            child.process().waitFor(30, TimeUnit.SECONDS);
            return rowsRead;
        } finally {
            child.process().destroyForcibly();
        }
    }

    /** A small deterministic market: TICKERS listings with DAYS daily closes each, in one price file. */
    private static void writeMarket(Path input) throws Exception {
        writeMarket(input, 0, DAYS);
    }

    /** The market with the days {@code from} (inclusive) to {@code to} of each listing. */
    private static void writeMarket(Path input, int from, int to) throws Exception {
        Files.createDirectories(input.resolve("prices"));
        StringBuilder listings = new StringBuilder("ticker,name_en,name_local,exchange,board,currency,listing_date,"
                + "offer_price,lot_shares,shares_offered,total_shares_after_listing,gross_proceeds,note\n");
        for (int t = 0; t < TICKERS; t++) {
            listings.append(ticker(t)).append(",Company ").append(t).append(",,SSE,STAR Market,CNY,").append(FIRST_DAY)
                    .append(",10.00,500,1000000,10000000,,\n");
        }
        Files.writeString(input.resolve("listings.csv"), listings);
        Files.writeString(input.resolve("prices/market.csv"), "ticker,date,open,high,low,close,volume,turnover,note\n"
                + priceRows(from, to));
    }

    /** Appends the days {@code from} to {@code to} of every listing to the price file, as a nightly feed would. */
    private static void appendDays(Path input, int from, int to) throws Exception {
        Files.writeString(input.resolve("prices/market.csv"), priceRows(from, to), StandardOpenOption.APPEND);
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

    private static String ticker(int t) {
        return String.format(Locale.ROOT, "%06d.SH", 688000 + t);
    }

    private static String priceRows(int from, int to) {
        StringBuilder prices = new StringBuilder();
        for (int t = 0; t < TICKERS; t++) {
            for (int d = from; d < to; d++) {
                long cents = 1000 + (t * 37L + d * 13L) % 2000;
                prices.append(ticker(t)).append(',').append(FIRST_DAY.plusDays(d)).append(",,,,")
                        .append(cents / 100).append('.').append(String.format(Locale.ROOT, "%02d", cents % 100)).append(",,,\n");
            }
        }
        return prices.toString();
    }
}
