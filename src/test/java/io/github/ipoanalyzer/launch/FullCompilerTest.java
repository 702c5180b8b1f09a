package io.github.ipoanalyzer.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The choice of the full compiler, and the command that starts a launch again with it. */
class FullCompilerTest {

    @TempDir
    Path work;

    @Test
    void theLaunchStartedAgainHasTheSameOptionsButThoseThatHoldTheJvmToTheQuickCompiler() {
        assertEquals(List.of("-XX:SharedArchiveFile=a.jsa", "-Xmx1g", "-Dipo.chunk-size=200"),
                FullCompiler.withoutQuickCompiler(List.of("-XX:SharedArchiveFile=a.jsa", "-XX:TieredStopAtLevel=1",
                        "-Dipo.quick-compiler.input-bytes=134217728", "-Xmx1g",
                        "-Dipo.quick-compiler.workbook-bytes=16777216", "-Dipo.chunk-size=200")));
    }

    @Test
    void theJarItWasStartedFromOrItsClassPathAndMain() {
        assertEquals(List.of("-jar", "/opt/my apps/ipo-analyzer.jar"),
                FullCompiler.mainCommand("/opt/my apps/ipo-analyzer.jar", "/opt/my apps/ipo-analyzer.jar --as-of 2026-11-28"));
        assertEquals(List.of("-jar", "app.jar"), FullCompiler.mainCommand("app.jar", "app.jar"));
        assertEquals(List.of("-cp", "classes:lib/a.jar", Main.class.getName()),
                FullCompiler.mainCommand("classes:lib/a.jar", Main.class.getName() + " --as-of 2026-11-28"));
        assertEquals(List.of("-cp", "lib/a.jar", Main.class.getName()),
                FullCompiler.mainCommand("lib/a.jar", Main.class.getName()), "a class path of one jar, and a main class");
        assertEquals(List.of("-jar", "/opt/a:b/app.jar"), FullCompiler.mainCommand("/opt/a:b/app.jar", "/opt/a:b/app.jar"),
                "a jar whose path holds the class path's separator");
    }

    @Test
    void theFullCompilerOnlyPastALimit() {
        FullCompiler.Limits limits = new FullCompiler.Limits(100, 10);
        assertFalse(limits.exceededBy(100, 10));
        assertTrue(limits.exceededBy(101, 0));
        assertTrue(limits.exceededBy(0, 11));
    }

    @Test
    void theLineSaysWhatIsOverTheLimitsInMebibytes() {
        FullCompiler.Limits limits = new FullCompiler.Limits(128L << 20, 16L << 20);
        assertEquals("an input folder of 546.1 MiB", FullCompiler.describe(limits, 572_600_000, 13_000_000));
        assertEquals("an input folder of 546.1 MiB, a previous report.xlsx of 75.8 MiB",
                FullCompiler.describe(limits, 572_600_000, 79_500_000));
        assertEquals("a previous report.xlsx of 75.8 MiB", FullCompiler.describe(limits, 28_700_000, 79_500_000));
    }

    @Test
    void thePreviousWorkbookIsTheLatestReportsAndNoneBeforeTheFirst() throws Exception {
        assertEquals(0, FullCompiler.previousWorkbook(work));
        Files.createDirectories(work.resolve("2026-11-28_run-000001"));
        Files.write(work.resolve("2026-11-28_run-000001/report.xlsx"), new byte[1234]);
        Files.createSymbolicLink(work.resolve("latest"), Path.of("2026-11-28_run-000001"));
        assertEquals(1234, FullCompiler.previousWorkbook(work));
        assertEquals(1234 + 5, FullCompiler.sizeOf(List.of(work.resolve("latest/report.xlsx"), write("a.csv", 5),
                work.resolve("gone.csv"))));
    }

    private Path write(String name, int bytes) throws Exception {
        return Files.write(work.resolve(name), new byte[bytes]);
    }
}
