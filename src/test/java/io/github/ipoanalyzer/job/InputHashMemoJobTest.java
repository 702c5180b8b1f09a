package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.store.FileHashMemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A launch reads only the input files changed since the last one, and never takes a changed file
 * for an unchanged one: a price file rewritten to other bytes of the same size, with its
 * modification time set back, is a change the next launch finds and reports.
 */
class InputHashMemoJobTest {

    @TempDir
    Path work;

    @Test
    void aFileRewrittenToTheSameSizeWithItsTimeSetBackIsStillAChange() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        Thread.sleep(2_100); // files written less than 2 s before they are hashed are not remembered
        JobRun first = run(input);
        assertEquals(0, first.exitCode(), first.err());
        List<String> memo = Files.readAllLines(work.resolve("db").resolve(FileHashMemo.FILE)).stream()
                .filter(l -> !l.startsWith("#")).toList();
        long inputFiles;
        try (var files = Files.walk(input)) {
            inputFiles = files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".csv")).count();
        }
        assertEquals(inputFiles, memo.size(), "every input file's hash is remembered: " + memo);
        assertTrue(run(input).out().contains("Nothing to do: run 1"));

        // Biren's listing-day close 34.46 → 34.47: four bytes for four, the modification time set back.
        Path prices = input.resolve("prices/6082.HK.csv");
        FileTime modified = Files.getLastModifiedTime(prices);
        String before = Files.readString(prices, StandardCharsets.UTF_8);
        String after = before.replace("6082.HK,2026-01-02,35.70,42.88,,34.46,", "6082.HK,2026-01-02,35.70,42.88,,34.47,");
        assertFalse(before.equals(after));
        Files.writeString(prices, after, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(prices, modified);
        assertEquals(before.length(), Files.size(prices));

        JobRun second = run(input);
        assertEquals(0, second.exitCode(), second.err());
        assertFalse(second.out().contains("Nothing to do"), second.out());
        Map<String, String> biren = JobRun.csv(work.resolve("output/latest/first-day.csv")).stream()
                .filter(r -> r.get("ticker").equals("6082.HK")).findFirst().orElseThrow();
        assertEquals("34.47", biren.get("first_close"));
    }

    private JobRun run(Path input) {
        return JobRun.launch("--input", input.toString(), "--output", work.resolve("output").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-11-28", "--settle-seconds", "0");
    }
}
