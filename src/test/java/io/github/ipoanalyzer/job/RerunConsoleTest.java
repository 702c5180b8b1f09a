package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a rerun after one new day in one price file prints: a progress line for the one load that
 * read something, naming the file, in words that agree with its count, none for the loads whose files are
 * unchanged (the summary says "unchanged since run 1" for each), and no step of under 0.1 s
 * among the steps of 0.1 s or more.
 */
class RerunConsoleTest {

    @TempDir
    Path work;

    @Test
    void aRerunOfOneNewRowSaysWhatItReadAndNothingOfTheFilesItDidNotRead() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        JobRun first = run(input);
        assertEquals(0, first.exitCode(), first.err());
        Path log = work.resolve("db/ipo-analyzer.log");
        long before = Files.size(log);

        Files.writeString(input.resolve("prices/6082.HK.csv"), "6082.HK,2026-01-05,40.00,41.00,39.00,40.50,1000000,,\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JobRun second = run(input);
        assertEquals(0, second.exitCode(), second.err());
        String rerunLog = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).substring((int) before);
        List<String> progress = rerunLog.lines().filter(l -> l.contains("io.github.ipoanalyzer.progress"))
                .filter(l -> l.contains(" read, ")).toList();
        assertEquals(1, progress.size(), rerunLog);
        assertTrue(progress.get(0).endsWith("loadPrices                  1 row read, 1 loaded, 0 rejected; file 1 of 1 "
                + "(prices/6082.HK.csv) of group prices-00000, 100%" + progress.get(0).substring(progress.get(0).lastIndexOf('%') + 1)),
                progress.get(0));
        assertFalse(rerunLog.contains("file 0 of 0"), rerunLog);
        assertTrue(second.out().contains("prices/6082.HK.csv                                2          2          0"
                + "          0          0  now: its new rows"), "the row before was kept from run 1:\n" + second.out());
        assertTrue(second.out().contains("listings.csv                                      4          4          0"
                + "          0          0  unchanged since run 1"), second.out());
        String stepTimes = second.out().lines().filter(l -> l.contains("time per step")).findFirst().orElseThrow();
        assertFalse(stepTimes.contains(" 0.0 s"), "only steps of 0.1 s or more: " + stepTimes);
    }

    private JobRun run(Path input) {
        return JobRun.launch("--input", input.toString(), "--output", work.resolve("output").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-11-28", "--settle-seconds", "0");
    }
}
