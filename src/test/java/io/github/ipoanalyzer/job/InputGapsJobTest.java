package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A figure unknown for want of an input says which file and row would fill it, in the summary and index.html. */
class InputGapsJobTest {

    @TempDir
    Path work;

    /**
     * The shipped fx-rates.csv has its first HKD rate on 2026-01-08, after Biren's listing on
     * 2026-01-02; Iluvatar CoreX (2026-01-08) has its rate, and every listing its total shares.
     */
    @Test
    void aFigureUnknownForWantOfARateNamesTheRowThatWouldFillIt() throws Exception {
        JobRun run = JobRun.launch("--input", "input", "--output", work.resolve("out").toString(), "--db",
                work.resolve("db").toString(), "--as-of", "2026-11-28", "--settle-seconds", "0");
        String gap = "fx-rates.csv: no CNY/HKD rate on or before 2026-01-02, so the CNY figures of Biren (6082.HK) are "
                + "unknown (lot gains and market value in CNY, CNY aggregates): add the row 2026-01-02,HKD,<CNY per HKD> "
                + "(dated 2026-01-02 or earlier) to fx-rates.csv";
        // STAR 50 has no published level before Moore Threads' listing day, nor a stated return that day (MetaX's is).
        String benchmark = "benchmarks.csv: no STAR50 level before 2025-12-05 (nor a stated one-day return that day), so "
                + "the listing-day abnormal return of Moore Threads (688795.SH) is unknown: add the row STAR50,<the last "
                + "trading day before 2025-12-05>,<close> to benchmarks.csv (or STAR50,2025-12-05,<close>,<that day's "
                + "return>)";
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.out().split("to fill a gap: ", -1).length - 1, "once per missing input: " + run.out());
        assertTrue(run.out().contains("\n  to fill a gap: " + gap + "\n"), run.out());
        assertTrue(run.out().contains("\n  to fill a gap: " + benchmark + "\n"), run.out());
        assertTrue(Files.readString(work.resolve("out/latest/index.html")).contains("<li>" + gap.replace("<", "&lt;")
                .replace(">", "&gt;") + "</li>"));
    }

}
