package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kept report folders share what did not change: a nightly run that adds a day to the newest
 * month hard-links the earlier months' files to the previous report's, and pruning the older
 * folder leaves the newer one whole.
 */
class SharedReportFilesTest {

    @TempDir
    Path work;

    @Test
    void anAppendedDaySharesTheEarlierMonthsAndPruningKeepsThem() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        Path output = work.resolve("output");
        JobRun first = run(input, output, "2");
        assertEquals(0, first.exitCode(), first.err());
        Path run1 = output.resolve("2026-11-28_run-000001");
        byte[] december = Files.readAllBytes(run1.resolve("series/market-value/2025-12.csv"));
        byte[] january = Files.readAllBytes(run1.resolve("series/market-value/2026-01.csv"));

        // The nightly case: a new close of Biren in January, the newest month.
        Files.writeString(input.resolve("prices/6082.HK.csv"), "6082.HK,2026-01-05,,,,36.10,,,\n", StandardOpenOption.APPEND);
        JobRun second = run(input, output, "2");
        assertEquals(0, second.exitCode(), second.err());
        Path run2 = output.resolve("2026-11-28_run-000002");
        assertEquals(inode(run1.resolve("series/market-value/2025-12.csv")), inode(run2.resolve("series/market-value/2025-12.csv")),
                "December did not change: one file, two names");
        assertEquals(inode(run1.resolve("series/lot-gains/2025-12.csv")), inode(run2.resolve("series/lot-gains/2025-12.csv")));
        assertNotEquals(inode(run1.resolve("series/market-value/2026-01.csv")), inode(run2.resolve("series/market-value/2026-01.csv")));
        assertFalse(java.util.Arrays.equals(january, Files.readAllBytes(run2.resolve("series/market-value/2026-01.csv"))));
        assertTrue(Files.readString(run2.resolve("series/market-value/2026-01.csv")).contains("6082.HK,Biren,2026-01-05,close,36.10"));

        // A third run keeping one folder prunes both earlier ones; what run 3 links to survives.
        Files.writeString(input.resolve("prices/6082.HK.csv"), "6082.HK,2026-01-06,,,,36.50,,,\n", StandardOpenOption.APPEND);
        JobRun third = run(input, output, "1");
        assertEquals(0, third.exitCode(), third.err());
        assertEquals(List.of("2026-11-28_run-000003"), JobRun.reportFolders(output));
        assertTrue(java.util.Arrays.equals(december,
                Files.readAllBytes(output.resolve("2026-11-28_run-000003/series/market-value/2025-12.csv"))));
        assertTrue(Files.readString(output.resolve("latest/series/market-value/2026-01.csv")).contains("2026-01-06,close,36.50"));
    }

    private JobRun run(Path input, Path output, String keep) {
        return JobRun.launch("--input", input.toString(), "--output", output.toString(), "--db",
                work.resolve("db").toString(), "--as-of", "2026-11-28", "--keep", keep);
    }

    private static Object inode(Path file) throws Exception {
        return Files.getAttribute(file, "unix:ino");
    }
}
