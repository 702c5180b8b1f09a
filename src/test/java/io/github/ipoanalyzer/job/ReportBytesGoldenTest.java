package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.generate.MarketGenerator;
import io.github.ipoanalyzer.report.ChartFonts;
import io.github.ipoanalyzer.store.InputFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Refactoring must not change a byte of the report: every file of the report folder (but the
 * manifest, which holds the run's times) has the SHA-256 recorded in {@code golden/} from the
 * version before the refactoring, on the shipped input and on a generated market. PNGs depend on
 * the fonts installed: they are compared only where the chart font is the one recorded.
 * {@code -Dgolden.write=true} records the current bytes instead (for a deliberate change).
 */
class ReportBytesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path work;

    @Test
    void theShippedInputGivesTheRecordedReportBytes() throws Exception {
        assertGolden("shipped-input", Path.of("input"), "2026-11-28");
    }

    @Test
    void aGeneratedMarketGivesTheRecordedReportBytes() throws Exception {
        Path market = work.resolve("market");
        new MarketGenerator(30, 250, 11).writeTo(market);
        assertGolden("generated-market", market, "2030-01-01");
    }

    private void assertGolden(String name, Path input, String asOf) throws Exception {
        JobRun run = JobRun.launch("--input", input.toString(), "--output", work.resolve("out").toString(), "--db",
                work.resolve("db").toString(), "--as-of", asOf);
        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> actual = new LinkedHashMap<>();
        Path report = work.resolve("out/latest").toRealPath(); // latest is a link: walked, it would yield only itself
        try (Stream<Path> files = Files.walk(report)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!f.getFileName().toString().equals("manifest.json")) {
                    actual.put(report.relativize(f).toString().replace('\\', '/'), InputFingerprint.sha256(f));
                }
            }
        }
        String font = "# chart font: " + ChartFonts.forNames(List.of("摩尔线程", "沐曦"));
        Path golden = GOLDEN.resolve(name + ".sha256");
        if (Boolean.getBoolean("golden.write")) {
            List<String> lines = new ArrayList<>(List.of(font));
            actual.forEach((file, sha) -> lines.add(sha + "  " + file));
            Files.write(golden, lines, StandardCharsets.UTF_8);
            return;
        }
        List<String> lines = Files.readAllLines(golden, StandardCharsets.UTF_8);
        boolean sameFont = lines.get(0).equals(font);
        if (!sameFont) {
            System.out.println("PNGs of " + name + " not compared: recorded with «" + lines.get(0) + "», here «" + font + "»");
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String file = line.substring(66);
            if (sameFont || !file.endsWith(".png")) {
                expected.put(file, line.substring(0, 64));
            }
        }
        if (!sameFont) {
            actual.keySet().removeIf(f -> f.endsWith(".png"));
        }
        assertEquals(expected, actual, name);
    }
}
