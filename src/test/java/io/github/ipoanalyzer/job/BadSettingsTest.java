package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A setting the application does not accept ends the launch with exit code 2 and one paragraph
 * naming the property, the value and what it accepts: no stack trace, no job run, no report.
 */
class BadSettingsTest {

    private static final String HOW = " Settings are given as --ipo.name=value after the options or -Dipo.name=value; "
            + "nothing was run.";

    @TempDir
    Path work;

    @Test
    void aValueOutOfRangeIsRefusedByName() {
        assertRefused("Invalid setting: ipo.chunk-size=0 is not accepted: ipo.chunk-size takes a whole number of "
                + "rows, 1 or more." + HOW, "--ipo.chunk-size=0");
    }

    @Test
    void aValueOfAnotherFormIsRefusedWithTheFormsAccepted() {
        assertRefused("Invalid setting: ipo.returns=logarithmic is not accepted: ipo.returns takes simple or log." + HOW,
                "--ipo.returns=logarithmic");
        assertRefused("Invalid setting: ipo.partition-timeout=a minute is not accepted: ipo.partition-timeout takes "
                + "a duration longer than 0, such as 60s or 2m." + HOW, "--ipo.partition-timeout=a minute");
    }

    /** A language the report has no words for, as a setting or as --lang (which sets it). */
    @Test
    void aLanguageWithoutWordsIsRefused() {
        assertRefused("Invalid setting: ipo.lang=fr is not accepted: ipo.lang takes en (English) or zh (Chinese)." + HOW,
                "--ipo.lang=fr");
        assertRefused("Invalid setting: ipo.lang=chinese is not accepted: ipo.lang takes en (English) or zh (Chinese)."
                + HOW, "--lang=chinese");
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() {
        assertRefused("Invalid setting: ipo.event-windows=[0,0] [3,1] is not accepted: ipo.event-windows takes "
                + "windows [from,to] with from ≤ to, separated by spaces or commas, such as [0,0] [-1,+1] [+1,+20]."
                + HOW, "--ipo.event-windows=[0,0] [3,1]");
    }

    /** As java -jar runs it, with the setting given as a system property: the console has the paragraph only. */
    @Test
    void aSystemPropertyIsRefusedWithoutAStackTrace() throws Exception {
        ChildJvm child = ChildJvm.start(args(), work.resolve("child.out"), "-Dipo.chunk-size=0");
        assertEquals(2, child.exitCode(), child.allOutput());
        assertEquals("Invalid setting: ipo.chunk-size=0 is not accepted: ipo.chunk-size takes a whole number of "
                + "rows, 1 or more." + HOW + "\n", child.allOutput());
        assertFalse(Files.exists(work.resolve("out/latest")));
    }

    private void assertRefused(String message, String setting) {
        String[] base = args();
        String[] args = java.util.Arrays.copyOf(base, base.length + 1);
        args[base.length] = setting;
        JobRun run = JobRun.launch(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(message + "\n", run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(work.resolve("out/latest")), "no report");
    }

    /** The shipped input, read only; the database and the output in a folder of the test's own. */
    private String[] args() {
        return new String[] {"--input", Path.of("input").toAbsolutePath().toString(), "--output",
                work.resolve("out").toString(), "--db", work.resolve("db").toString(), "--as-of", "2026-11-28"};
    }
}
