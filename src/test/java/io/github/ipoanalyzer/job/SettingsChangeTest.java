package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings are part of a report: the same inputs with another setting that changes a figure
 * publish a new report that names its settings (and says what changed), while the same inputs
 * with the same settings still do nothing.
 */
class SettingsChangeTest {

    @TempDir
    Path work;

    private JobRun launch(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--input", "input", "--output", work.resolve("out").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-11-28"));
        args.addAll(List.of(more));
        return JobRun.launch(args.toArray(String[]::new));
    }

    @Test
    void anotherSettingPublishesANewReportAndTheSameSettingsDoNothing() throws Exception {
        JobRun first = launch();
        assertEquals(0, first.exitCode(), first.err());
        Path firstReport = work.resolve("out/latest").toRealPath();
        assertEquals("simple", setting(firstReport, "ipo.returns"));

        JobRun same = launch();
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.out().contains("Nothing to do"), same.out());

        JobRun log = launch("--ipo.returns=log");
        assertEquals(0, log.exitCode(), log.err());
        assertTrue(log.out().contains("Settings changed since run 1, so the figures are computed anew: "
                + "ipo.returns: 'simple' → 'log'."), log.out());
        Path logReport = work.resolve("out/latest").toRealPath();
        assertTrue(!logReport.equals(firstReport), "a new report folder");
        assertEquals("log", setting(logReport, "ipo.returns"));
        List<Map<String, String>> cars = csv(logReport.resolve("abnormal-returns.csv"));
        assertTrue(cars.stream().allMatch(r -> r.get("settings").startsWith("log returns; market model from the day "
                + "after listing to the day before the event's windows, at least 60 days")), cars.get(0).toString());
        String index = Files.readString(logReport.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(index.contains("<h2>Settings</h2>") && index.contains("<td>ipo.returns</td><td class=\"d\">log</td>"),
                "the index names its settings");

        JobRun again = launch("--ipo.returns=log");
        assertTrue(again.out().contains("Nothing to do"), again.out());
    }

    private static String setting(Path report, String name) throws Exception {
        var manifest = tools.jackson.databind.json.JsonMapper.builder().build().readTree(report.resolve("manifest.json").toFile());
        return manifest.get("settings").get(name).asText();
    }
}
