package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.job.JobRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens a published index.html in headless Chromium from file:// (Debian's chromium package;
 * skipped where it is not installed; {@code -Dchromium=PATH} for another) and checks, as the
 * browser sees it, that every chart decoded, the key figures are on the page, and no Chinese
 * character falls back to a box for want of a font (.ci/run installs fonts-wqy-zenhei).
 */
class IndexPageInBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

    @TempDir
    Path work;

    @Test
    void everyChartLoadsAndTheKeyFiguresShowFromFile() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
        assertEquals(0, JobRun.launch("--input", "input", "--output", work.resolve("output").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-11-28").exitCode());
        Path index = work.resolve("output/latest/index.html").toRealPath();

        String dom = domOf(index.toUri().toString());

        assertTrue(dom.contains("data-images=\"10\""), "the page has the ten charts (with allotment-tiers.png):\n" + dom);
        assertTrue(dom.contains("data-broken-images=\"0\""), "every chart decoded in the browser:\n" + dom);
        assertTrue(dom.contains("+425.46%"), "Moore Threads first-day return");
        assertTrue(dom.contains("+692.95%"), "MetaX first-day return");
        assertTrue(dom.contains("CNY 267,860.00"), "Moore Threads lot gain at the open");
        assertTrue(dom.contains("CNY 395,170.00"), "MetaX lot gain at the high");
        assertTrue(dom.contains("HKD 14,605.83"), "Iluvatar CoreX's entrance fee");
        assertTrue(dom.contains("HKD 1,056.18"), "Iluvatar CoreX's lot net of fees at the close");
        assertTrue(dom.contains("0.03635054%") && dom.contains("CNY 88.31"), "Moore Threads' odds and expected gain");

        // The page again, in a frame of a probe page that looks at it from inside (report-probe.html): every image
        // decoded, and each Chinese character drawn in the page's own font with a glyph of its own, not a box.
        String seen = probe(index);
        assertTrue(seen.contains("data-images=\"10\"") && seen.contains("data-broken-images=\"\""),
                "every image loads:\n" + seen);
        String found = seen.replaceAll("(?s).*data-cjk-characters=\"([^\"]*)\".*", "$1");
        for (char c : "摩尔线程沐曦股份壁仞科技天数智芯".toCharArray()) {
            assertTrue(found.indexOf(c) >= 0, c + " of the four Chinese names was looked at: " + found);
        }
        assertTrue(seen.contains("data-page-overflow=\"0\""), "the page fits a 1,280 px window, its wide tables "
                + "scrolling in their own boxes:\n" + seen);
        assertTrue(seen.contains("data-cjk-boxes=\"\""), "no Chinese character drawn as a box (is a CJK font such as "
                + "fonts-wqy-zenhei installed?):\n" + seen);

        // The rankings' filter, used as a reader would (ranking-filter-probe.html): both tables show only the rows
        // of the board chosen, then only those listed from 2025-12-10 to 2026-01-05 (MetaX 12-17, Biren 01-02).
        String filtered = probe(index, "/ranking-filter-probe.html");
        assertTrue(filtered.contains("data-form-shown=\"true\""), "the script shows the filter:\n" + filtered);
        assertTrue(filtered.contains("data-all=\"688802.SH 688795.SH 9903.HK 6082.HK 688802.SH 688795.SH 6082.HK 9903.HK\""),
                "by net gain in CNY, then by first-day return:\n" + filtered);
        assertTrue(filtered.contains("data-board=\"9903.HK 9903.HK\"") && filtered.contains("data-count=\"1 of 4 IPOs shown\""),
                "HKEX Main Board: Iluvatar CoreX alone (Biren is Main Board (Ch.18C)):\n" + filtered);
        assertTrue(filtered.contains("data-dates=\"688802.SH 6082.HK 688802.SH 6082.HK\""), "listed 2025-12-10 to 2026-01-05:\n"
                + filtered);

        // One IPO's page, as a reader opens it from the index: its card loads, its Chinese name is drawn.
        String page = probe(index.resolveSibling("ipo/688795.SH.html"));
        assertTrue(page.contains("data-images=\"1\"") && page.contains("data-broken-images=\"\""),
                "the IPO page's card loads:\n" + page);
        String onPage = page.replaceAll("(?s).*data-cjk-characters=\"([^\"]*)\".*", "$1");
        for (char c : "摩尔线程".toCharArray()) {
            assertTrue(onPage.indexOf(c) >= 0, c + " of Moore Threads' name was looked at: " + onPage);
        }
        assertTrue(page.contains("data-cjk-boxes=\"\""), "no Chinese character drawn as a box:\n" + page);
        assertTrue(page.contains("data-page-overflow=\"0\""), "the IPO page fits a 1,280 px window:\n" + page);
    }

    /** {@code page} looked at from inside by the probe page (report-probe.html), its DOM once the probe is done. */
    private String probe(Path page) throws Exception {
        return probe(page, "/report-probe.html");
    }

    /** {@code page} in a frame of the probe page {@code probePage} (a test resource), its DOM once the probe is done. */
    private String probe(Path page, String probePage) throws Exception {
        String probe;
        try (var in = getClass().getResourceAsStream(probePage)) {
            probe = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("REPORT_URL", page.toUri().toString());
        }
        Path written = work.resolve("probe-" + page.getFileName() + "-" + probePage.substring(1));
        Files.writeString(written, probe, StandardCharsets.UTF_8);
        String seen = domOf(written.toUri().toString());
        assertTrue(seen.contains("data-probe=\"done\""), "the probe read " + page + ":\n" + seen);
        return seen;
    }

    /** The page's DOM after its scripts ran, as headless Chromium dumps it; files may read files (the probe's frame). */
    private String domOf(String url) throws Exception {
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--allow-file-access-from-files", "--user-data-dir=" + work.resolve("profile"),
                "--virtual-time-budget=5000", "--dump-dom", url))
                .redirectError(work.resolve("chromium.err").toFile()).start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "Chromium finished");
        return dom;
    }
}
