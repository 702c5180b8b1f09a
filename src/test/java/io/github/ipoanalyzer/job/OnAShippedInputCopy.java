package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Tests that change a copy of the shipped input folder and launch the job on it, as of
 * 2026-11-28, with its output and database in the test's own folder.
 */
abstract class OnAShippedInputCopy {

    @TempDir
    Path work;
    Path input;
    Path output;

    @BeforeEach
    void copyTheShippedInput() throws Exception {
        input = work.resolve("input");
        output = work.resolve("output");
        JobRun.copyTree(Path.of("input"), input);
    }

    /** The job on the copy, with {@code extra} options after the usual ones. */
    JobRun launch(String... extra) {
        String[] base = {"--input", input.toString(), "--output", output.toString(), "--db", work.resolve("db").toString(),
                "--as-of", "2026-11-28"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return JobRun.launch(args);
    }
}
