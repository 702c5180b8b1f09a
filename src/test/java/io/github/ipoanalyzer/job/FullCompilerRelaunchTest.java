package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.generate.MarketGenerator;
import io.github.ipoanalyzer.launch.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A launch in a JVM held to the quick compiler, as jobs/ipo-analyzer starts it: work over its
 * limits starts again with the full compiler and publishes the same report, with the exit code of
 * the run started again; a stop signal reaches that run, and so does the end of a launch killed. Which compilers each JVM ran is read from
 * what the JVM itself prints at exit ({@code -XX:+CITime}): a line for the quick compiler (C1),
 * and one for the optimising compiler (C2) only where it ran.
 */
class FullCompilerRelaunchTest {

    private static final Pattern C2_METHODS = Pattern.compile("C2 \\{speed: [^}]*standard: +[0-9.]+ s, [0-9]+ bytes, ([0-9]+) methods");

    @TempDir
    Path work;

    @Test
    void aLaunchOverItsLimitsStartsAgainWithTheFullCompilerAndPublishesTheSameFigures() throws Exception {
        ChildJvm over = ChildJvm.start(args("over"), work.resolve("over.log"), quick(1, 1));
        assertEquals(0, over.exitCode(), over.allOutput());
        ChildJvm within = ChildJvm.start(args("within"), work.resolve("within.log"), quick(1L << 30, 1L << 30));
        assertEquals(0, within.exitCode(), within.allOutput());

        String started = over.allOutput();
        assertEquals(1, count(started, "Starting again with the JVM's full compiler (an input folder of "), started);
        assertEquals(2, count(started, "C1 {speed: "), "two JVMs said what they compiled: " + started);
        List<Integer> c2 = c2Methods(started);
        assertEquals(1, c2.size(), "one of them, the run's, with the full compiler: " + started);
        assertTrue(c2.get(0) > 0, "the run started again compiled methods with C2: " + c2);
        assertEquals(1, count(started, "Report published."), started);

        // The same inputs again, over the limits: the memo of their hashes holds every file, so the quick JVM
        // answers that there is nothing to do without starting again.
        ChildJvm again = ChildJvm.start(args("over"), work.resolve("again.log"), quick(1, 1));
        assertEquals(0, again.exitCode(), again.allOutput());
        assertTrue(again.allOutput().contains("Nothing to do"), again.allOutput());
        assertFalse(again.allOutput().contains("Starting again"), again.allOutput());

        String kept = within.allOutput();
        assertFalse(kept.contains("Starting again"), kept);
        assertEquals(1, count(kept, "C1 {speed: "), kept);
        assertEquals(List.of(), c2Methods(kept), "within its limits the launch runs the job itself, quick compiler only");

        // The same figures either way, and the figures themselves: Iluvatar CoreX closed its first day at
        // 156.80 against an offer of 144.60, 156.80 / 144.60 − 1 = 0.084371 (6 decimals).
        assertEquals(JobRun.figureFiles(work.resolve("over-out/latest"), "manifest.json"),
                JobRun.figureFiles(work.resolve("within-out/latest"), "manifest.json"), "the manifest: its times differ");
        assertEquals("0.084371", JobRun.row(JobRun.csv(work.resolve("over-out/latest/first-day.csv")), "ticker", "9903.HK")
                .get("first_day_return_close_vs_offer_fraction"));
    }

    @Test
    void aStopSignalReachesTheRunStartedAgainWhichStopsAtAChunkBoundary() throws Exception {
        ChildJvm launch = startedAgainLoadingPrices("stopped.log");
        List<ProcessHandle> run = launch.process().descendants().toList();
        try {
            assertEquals(1, run.size(), "one JVM started again: " + run);

            launch.process().destroy(); // SIGTERM to the launch, as systemd or kill sends it
            assertTrue(launch.process().waitFor(60, TimeUnit.SECONDS), "stopped in time");
            String output = launch.allOutput();
            assertEquals(5, launch.process().exitValue(), "the run's own code for a stop: " + output);
            assertTrue(output.contains("Run 1 (as of 2030-01-01): STOPPED"), output);
            assertFalse(run.get(0).isAlive(), "the run started again stopped with the launch");
            assertEquals(List.of(), JobRun.reportFolders(work.resolve("out")), "a stopped run publishes nothing");
        } finally {
            run.forEach(ProcessHandle::destroyForcibly); // no longer the launch's descendant once it is gone
            ChildJvm.destroyWithDescendants(launch.process());
        }
    }

    @Test
    void aRunStartedAgainStopsWhenTheLaunchThatStartedItIsKilled() throws Exception {
        ChildJvm launch = startedAgainLoadingPrices("killed.log");
        List<ProcessHandle> started = launch.process().descendants().toList();
        try {
            ProcessHandle run = started.get(0);
            launch.process().destroyForcibly(); // SIGKILL: no hook of the launch runs
            assertTrue(run.onExit().get(60, TimeUnit.SECONDS) != null && !run.isAlive(), "the run stopped too");
            String output = launch.allOutput();
            assertTrue(output.contains("Run 1 (as of 2030-01-01): STOPPED"), "a stop, not a crash: " + output);
            assertEquals(List.of(), JobRun.reportFolders(work.resolve("out")), "a stopped run publishes nothing");
        } finally {
            started.forEach(ProcessHandle::destroyForcibly);
            ChildJvm.destroyWithDescendants(launch.process());
        }
    }

    @Test
    void aRunStartedAgainWhoseLaunchIsAlreadyGoneDoesNothing() throws Exception {
        Path log = work.resolve("orphan.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--input",
                Path.of("input").toAbsolutePath().toString(), "--output", work.resolve("orphan-out").toString(), "--db",
                work.resolve("orphan-db").toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        // As if started by a launch that was killed before this JVM looked: its parent is not that launch.
        builder.environment().put("IPO_ANALYZER_STARTED_BY", "1");
        Process orphan = builder.start();
        assertTrue(orphan.waitFor(60, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(5, orphan.exitValue(), output);
        assertTrue(output.contains("The launch that started this run again is gone: nothing done."), output);
        assertFalse(Files.exists(work.resolve("orphan-db")), "nothing done: " + output);
    }

    /** A launch over its limits on a generated market, once the run it started again is loading its prices. */
    private ChildJvm startedAgainLoadingPrices(String log) throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(20, 1000, 7).writeTo(input);
        String[] args = {"--input", input.toString(), "--output", work.resolve("out").toString(), "--db",
                work.resolve("db").toString(), "--as-of", "2030-01-01"};
        ChildJvm launch = ChildJvm.start(args, work.resolve(log), quick(1, 1));
        launch.waitForPricesProgress();
        return launch;
    }

    /** The options jobs/ipo-analyzer starts the JVM with, with these limits, and the compilers' account at exit. */
    private static String[] quick(long inputBytes, long workbookBytes) {
        return new String[] {"-XX:TieredStopAtLevel=1", "-Dipo.quick-compiler.input-bytes=" + inputBytes,
                "-Dipo.quick-compiler.workbook-bytes=" + workbookBytes, "-XX:+CITime"};
    }

    private String[] args(String name) {
        return new String[] {"--input", Path.of("input").toAbsolutePath().toString(), "--output",
                work.resolve(name + "-out").toString(), "--db", work.resolve(name + "-db").toString(), "--as-of", "2026-11-28"};
    }

    private static List<Integer> c2Methods(String output) {
        Matcher m = C2_METHODS.matcher(output);
        List<Integer> methods = new java.util.ArrayList<>();
        while (m.find()) {
            methods.add(Integer.parseInt(m.group(1)));
        }
        return methods;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
