package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file copied into the input folder just before the launch is waited for and read by that
 * launch; only a file that keeps changing past ten settle windows ends the run (exit 6).
 */
class SettlingInputTest {

    private static final Pattern SINCE_START = Pattern.compile("Report published\\. \\(([0-9.]+) s since the program "
            + "started, ([0-9.]+) s of it the job\\)");

    @TempDir
    Path work;
    Path input;

    @BeforeEach
    void copyTheShippedInputCopiedLongAgo() throws Exception {
        input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        FileTime aMinuteAgo = FileTime.from(Instant.now().minusSeconds(60));
        try (var files = Files.walk(input)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, aMinuteAgo);
            }
        }
    }

    /**
     * In a child JVM, so that the time it prints can be held against the time it took from its
     * start. The copy goes on (the file rewritten every 100 ms) until the launch says it waits.
     */
    @Test
    void aFileCopiedInWhileTheJobStartsIsWaitedForAndReadByThatLaunch() throws Exception {
        Path late = input.resolve("prices/688795.SH-late.csv");
        String content = "ticker,date,close\n688795.SH,2025-12-23,700.00\n";
        Files.writeString(late, content);
        long startedNanos = System.nanoTime();
        ChildJvm child = ChildJvm.start(args("--settle-seconds", "2"), work.resolve("child.out"));
        long copyEnds = System.nanoTime() + 60_000_000_000L;
        while (!child.allOutput().contains("Waiting for") && child.process().isAlive() && System.nanoTime() < copyEnds) {
            Files.writeString(late, content);
            Thread.sleep(100);
        }
        int code = child.exitCode();
        double tookSeconds = (System.nanoTime() - startedNanos) / 1e9;
        String console = child.allOutput();

        assertEquals(0, code, console);
        assertTrue(console.contains("Waiting for prices/688795.SH-late.csv, changed less than 2 s ago, to stop changing "
                + "(at most 20 s; --settle-seconds sets the rest a file needs)."), console);
        assertEquals("700.00", JobRun.row(JobRun.csv(work.resolve("out/latest/series/market-value")), "date",
                "2025-12-23").get("price"), "the dropped file's close is in the report");
        // The time printed is what the person waited: from the JVM's start (the wait and Spring's start
        // included), not from the job's.
        Matcher printed = SINCE_START.matcher(console);
        assertTrue(printed.find(), console);
        double sinceStart = Double.parseDouble(printed.group(1));
        double job = Double.parseDouble(printed.group(2));
        assertTrue(sinceStart <= tookSeconds && sinceStart >= tookSeconds - Math.max(3, tookSeconds * 0.15),
                sinceStart + " s printed, " + tookSeconds + " s measured from before the child started to its end");
        assertTrue(job <= sinceStart - 2, "the job's own time leaves out the 2 s wait: " + job + " of " + sinceStart);
    }

    @Test
    void aFileStillChangingAfterTenSettleWindowsEndsTheRunNamingIt() throws Exception {
        Path feed = input.resolve("prices/688795.SH-feed.csv");
        Files.writeString(feed, "ticker,date,close\n");
        AtomicBoolean running = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            try {
                while (running.get()) {
                    Files.writeString(feed, "688795.SH,2025-12-23,700.00\n", StandardOpenOption.APPEND);
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        long startedNanos = System.nanoTime();
        JobRun run;
        try {
            run = JobRun.launch(args("--settle-seconds", "1"));
        } finally {
            running.set(false);
            writer.join();
        }
        double tookSeconds = (System.nanoTime() - startedNanos) / 1e9;

        assertEquals(6, run.exitCode(), run.err());
        assertEquals("Waiting for prices/688795.SH-feed.csv, changed less than 1 s ago, to stop changing (at most 10 s; "
                + "--settle-seconds sets the rest a file needs).\n", run.out());
        assertTrue(run.err().matches("Not yet: an input file was still changing after 10 s of waiting \\(a copy or feed "
                + "still writing\\?\\)\\. Nothing was read; run again once it has stopped \\(--settle-seconds sets the "
                + "rest a file needs\\):\n  prices/688795\\.SH-feed\\.csv \\(modified 0\\.[0-9] s ago\\)\n"), run.err());
        assertTrue(tookSeconds >= 10 && tookSeconds < 20, tookSeconds + " s");
        assertTrue(!Files.exists(work.resolve("db")) && !Files.exists(work.resolve("out")), "nothing read or written");
    }

    private String[] args(String... extra) {
        String[] common = {"--input", input.toString(), "--output", work.resolve("out").toString(), "--db",
                work.resolve("db").toString(), "--as-of", "2026-11-28"};
        String[] all = new String[common.length + extra.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(extra, 0, all, common.length, extra.length);
        return all;
    }
}
