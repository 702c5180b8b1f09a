package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.generate.MarketGenerator;
import io.github.ipoanalyzer.launch.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --watch}: one process that stays up runs the job whenever the input folder changes, as a
 * new launch would run it, and stops on SIGTERM (exit 0 between runs, 5 during one).
 */
class WatchTest {

    private static final String PUBLISHED = "Report published.";
    private static final String HEADER = "ipo-analyzer: input ";

    @TempDir
    Path work;

    @Test
    void aPriceRowAppendedIsReportedByTheProcessThatStaysUpAndSigtermBetweenRunsExitsZero() throws Exception {
        // The input folder is a link, as a shared or mounted folder often is: a change below it counts.
        Path real = work.resolve("shared-input");
        JobRun.copyTree(Path.of("input"), real);
        Path input = Files.createSymbolicLink(work.resolve("input"), real);
        ChildJvm child = ChildJvm.start(args(input, "--watch", "1"), work.resolve("child.out"));
        try {
            waitForCount(child, PUBLISHED, 1);
            Files.writeString(input.resolve("prices/688795.SH.csv"), "688795.SH,2025-12-30,,,,700.00,,,\n",
                    StandardOpenOption.APPEND);
            waitForCount(child, PUBLISHED, 2);
            Thread.sleep(2500); // two more looks at an unchanged folder
        } finally {
            child.process().destroy(); // SIGTERM
        }
        int code = child.exitCode();
        String console = child.allOutput();

        assertEquals(0, code, console);
        assertTrue(console.stripTrailing().endsWith("Stopped watching (between runs: nothing was cut short)."), console);
        assertEquals(2, count(console, HEADER), "a launch for the first look and one for the change, none for "
                + "the looks at an unchanged folder:\n" + console);
        assertTrue(console.contains("Watching every 1 s: a run starts when a file in " + input.toAbsolutePath().normalize()
                + " changes (SIGTERM or Ctrl-C stops)."), console);
        assertTrue(Pattern.compile("Report published\\. \\([0-9.]+ s since the run started").matcher(console).find(),
                "a run's time counts from its own start, not the process's:\n" + console);
        Map<String, String> moore = JobRun.row(JobRun.csv(work.resolve("out/latest/now.csv")), "ticker", "688795.SH");
        assertEquals("700.00", moore.get("latest_close"));
        assertEquals("2025-12-30", moore.get("latest_close_date"));
        // One lot of 500 shares bought at the offer price of 114.28: (700.00 - 114.28) x 500.
        assertEquals("292860.00", moore.get("lot_gain_at_latest_close_trading_currency"));
        assertEquals(List.of("2026-01-05_run-000001", "2026-01-05_run-000002", "latest"), entries(work.resolve("out")));
    }

    @Test
    void aRunThatFailedIsTriedAgainWhenTheInputChangesNotAtEveryLook() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        Path listings = input.resolve("listings.csv");
        String good = Files.readString(listings);
        Files.writeString(listings, "ticker,name\n688795.SH,Moore Threads\n"); // most columns missing
        ChildJvm child = ChildJvm.start(args(input, "--watch", "1"), work.resolve("child.out"));
        try {
            child.waitForLine("Watching: the next run when a file in ");
            Thread.sleep(2500);
            assertEquals(1, count(child.allOutput(), HEADER), "no launch while the input stays as it failed:\n"
                    + child.allOutput());
            Files.writeString(listings, good);
            waitForCount(child, PUBLISHED, 1);
        } finally {
            child.process().destroy();
        }
        int code = child.exitCode();
        String console = child.allOutput();

        assertEquals(0, code, console);
        assertTrue(console.contains("Bad input: listings.csv"), console);
        assertEquals(2, count(console, HEADER), console);
        assertEquals("673.00", JobRun.row(JobRun.csv(work.resolve("out/latest/now.csv")), "ticker", "688795.SH")
                .get("latest_close"));
    }

    @Test
    void sigtermDuringARunStopsItWithExitCode5AndTheNextLaunchResumesIt() throws Exception {
        Path input = work.resolve("input");
        new MarketGenerator(40, 500, 3).writeTo(input);
        ChildJvm child = ChildJvm.start(args(input, "--watch", "1"), work.resolve("child.out"));
        child.waitForPricesProgress();
        child.process().destroy();
        assertTrue(child.process().waitFor(60, TimeUnit.SECONDS), "stopped in time");
        String console = child.allOutput();
        assertEquals(5, child.process().exitValue(), console);
        assertTrue(console.contains("Run 1 (as of 2026-01-05): STOPPED"), console);

        ChildJvm resumed = ChildJvm.start(args(input), work.resolve("resumed.out"));
        assertEquals(0, resumed.exitCode(), resumed.allOutput());
        String again = resumed.allOutput();
        int resuming = again.indexOf("Resuming run 1 from where it stopped.");
        assertTrue(resuming >= 0 && resuming < again.indexOf("  loadPrices"), "said before the run's progress:\n" + again);
        // More files than the summary lists one by one: one line for those whose every row loaded, in the columns.
        assertTrue(again.contains(String.format(java.util.Locale.ROOT, "  %-40s %,10d %,10d %,10d", "40 price "
                + "files, every row loaded", 20_000, 20_000, 0)), again);
        assertEachPriceRowLoadedOnce();
    }

    @Test
    void sigtermDuringALaterRunOfTheWatchStopsThatRunWithExitCode5AndTheNextLaunchResumesIt() throws Exception {
        // The input folder is a link: pointed at a whole other market at once, as a folder swapped in is.
        Path shipped = work.resolve("shipped");
        JobRun.copyTree(Path.of("input"), shipped);
        Path market = work.resolve("market");
        new MarketGenerator(40, 500, 3).writeTo(market);
        Path input = Files.createSymbolicLink(work.resolve("input"), shipped);
        ChildJvm child = ChildJvm.start(args(input, "--watch", "1"), work.resolve("child.out"));
        try {
            waitForCount(child, PUBLISHED, 1);
            Path swapped = Files.createSymbolicLink(work.resolve("input.new"), market);
            Files.move(swapped, input, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            waitForCount(child, HEADER, 2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String console = child.allOutput();
            while (!ChildJvm.PRICES_PROGRESS.matcher(console.substring(console.lastIndexOf(HEADER))).find()) {
                assertTrue(child.process().isAlive() && System.nanoTime() < deadline, "no progress in run 2:\n" + console);
                Thread.sleep(20);
                console = child.allOutput();
            }
        } finally {
            child.process().destroy(); // SIGTERM during the second run's price load
        }
        int code = child.exitCode();
        String console = child.allOutput();

        assertEquals(5, code, console);
        assertTrue(console.contains("Run 1 (as of 2026-01-05): COMPLETED"), console);
        assertTrue(console.contains("Run 2 (as of 2026-01-05): STOPPED"), console);
        JobRun resumed = JobRun.launch(args(input));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Resuming run 2 from where it stopped."), resumed.out());
        assertEachPriceRowLoadedOnce();
    }

    @Test
    void sigtermWhileALaunchWaitsForAFileToSettleEndsItBeforeTheRunStartsWithExitCode5() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        Path late = input.resolve("prices/688795.SH-late.csv");
        String content = "ticker,date,close\n688795.SH,2025-12-23,700.00\n";
        Files.writeString(late, content);
        ChildJvm child = ChildJvm.start(args(input, "--watch", "1", "--settle-seconds", "1"), work.resolve("child.out"));
        while (!child.allOutput().contains("Waiting for") && child.process().isAlive()) {
            Files.writeString(late, content); // still being copied
            Thread.sleep(100);
        }
        child.process().destroy(); // the file then rests, and the launch goes on to where the run would start
        int code = child.exitCode();
        String console = child.allOutput();

        assertEquals(5, code, console);
        assertTrue(console.contains("Stopped before the run started; the next launch runs it."), console);
        assertTrue(!console.contains("Failed"), console);
        assertTrue(!Files.exists(work.resolve("out")) || entries(work.resolve("out")).isEmpty(), "nothing published");
    }

    @Test
    void aLaunchRefusedBecauseAnotherRunHoldsTheDatabaseIsTriedAgainAtEveryLookAndSaidOnce() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        Files.createDirectories(work.resolve("db"));
        ChildJvm child = null;
        try {
            // Another run holds the database's lock: every look is refused, until it lets go.
            try (RunLock other = RunLock.tryAcquire(work.resolve("db/ipo-analyzer.lock"), "another run").orElseThrow()) {
                child = ChildJvm.start(args(input, "--watch", "1"), work.resolve("child.out"));
                child.waitForLine("Watching: tried again at every look");
                Thread.sleep(3500); // three more looks, refused for the same reason
            }
            waitForCount(child, PUBLISHED, 1);
        } finally {
            if (child != null) {
                child.process().destroy();
            }
        }
        int code = child.exitCode();
        String console = child.allOutput();

        assertEquals(0, code, console);
        assertEquals(1, count(console, "Watching: tried again at every look, every 1 s."), console);
        assertEquals(1, count(console, "Another ipo-analyzer run is in progress on " + work.resolve("db") + " (pid "),
                "the same refusal is said once:\n" + console);
        assertTrue(!console.contains("the next run when"), console);
        assertEquals("673.00", JobRun.row(JobRun.csv(work.resolve("out/latest/now.csv")), "ticker", "688795.SH")
                .get("latest_close"));
    }

    @Test
    void aFileStillBeingWrittenIsTriedAgainAtEveryLookAndSaidOnce() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        Path feed = input.resolve("prices/688795.SH-feed.csv");
        Files.writeString(feed, "ticker,date,close\n");
        Thread writer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Files.writeString(feed, "ticker,date,close\n688795.SH,2025-12-23,700.00\n"); // a feed still writing
                    Thread.sleep(200);
                }
            } catch (InterruptedException | java.io.IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        Thread.sleep(1_500); // the copied files at rest, the feed still writing
        ChildJvm child = ChildJvm.start(args(input, "--watch", "1", "--settle-seconds", "1"), work.resolve("child.out"));
        try {
            child.waitForLine("Watching: tried again at every look");
            Thread.sleep(12_000); // a second launch waits its 10 s and is refused again
            writer.interrupt();
            writer.join();
            waitForCount(child, PUBLISHED, 1);
        } finally {
            writer.interrupt();
            writer.join();
            child.process().destroy();
        }
        int code = child.exitCode();
        String console = child.allOutput();

        assertEquals(0, code, console);
        assertEquals(1, count(console, "Waiting for prices/688795.SH-feed.csv"), "the wait is said once:\n" + console);
        assertEquals(1, count(console, "Not yet: an input file was still changing"), "the refusal is said once:\n"
                + console);
        assertEquals(1, count(console, "Watching: tried again at every look, every 1 s."), console);
        assertEquals("700.00", JobRun.row(JobRun.csv(work.resolve("out/latest/now.csv")), "ticker", "688795.SH")
                .get("latest_close"));
    }

    @Test
    @Timeout(60) // a watch that waited for a change here would never return
    void aSettingRefusedWhenTheApplicationStartsEndsTheWatchWithExitCode2() {
        JobRun refused = JobRun.launch(args(Path.of("input"), "--watch", "1", "--ipo.chunk-size=0"));
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().startsWith("Invalid setting: ipo.chunk-size=0 is not accepted"), refused.err());
        assertEquals(1, count(refused.out(), "Watching every 1 s"), refused.out());
        assertTrue(!refused.out().contains("the next run when"), "no waiting for a change that cannot mend it");
    }

    @Test
    void watchingNeedsAWholeNumberOfSecondsAndNoForce() {
        Path input = Path.of("input");
        JobRun zero = JobRun.launch(args(input, "--watch", "0"));
        assertEquals(2, zero.exitCode());
        assertEquals("--watch must be at least 1 (seconds between looks at the input folder)\n", zero.err());
        JobRun forced = JobRun.launch(args(input, "--watch", "60", "--force"));
        assertEquals(2, forced.exitCode());
        assertTrue(forced.err().startsWith("--force cannot go with --watch"), forced.err());
        assertTrue(!Files.exists(work.resolve("db")) && !Files.exists(work.resolve("out")), "nothing written");
    }

    private String[] args(Path input, String... extra) {
        String[] common = {"--input", input.toString(), "--output", work.resolve("out").toString(), "--db",
                work.resolve("db").toString(), "--as-of", "2026-01-05"};
        String[] all = new String[common.length + extra.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(extra, 0, all, common.length, extra.length);
        return all;
    }

    /** The generated market's 40 listings × 500 days, each row loaded once across a stop and its resumption. */
    private void assertEachPriceRowLoadedOnce() throws Exception {
        assertEquals("500", JobRun.row(JobRun.csv(work.resolve("out/latest/input-files.csv")), "file",
                "prices/700000.SH.csv").get("rows_loaded"), "each of the 40 listings' 500 days, loaded once");
    }

    private static void waitForCount(ChildJvm child, String text, int times) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (count(child.allOutput(), text) < times) {
            if (!child.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no " + times + " × " + text + ":\n" + child.allOutput());
            }
            Thread.sleep(50);
        }
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<String> entries(Path folder) throws Exception {
        try (var list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
