package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.store.MarketDataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * index.html from its template: every value escaped as HTML and without the characters that hide
 * or reorder text, whatever part of the page it is in; optional parts only where they have
 * something to say. (The shipped input's page is checked byte for byte by ReportBytesGoldenTest.)
 */
class IndexPageTest {

    @TempDir
    Path folder;

    @Test
    void everyValueIsEscapedAndLosesItsInvisibleCharacters() throws Exception {
        Map<String, List<String>> notices = Map.of("prices/x.csv", List.of("line 3: ticker <b>A&B</b>\u202E"));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ipo.event-windows", "[0,1] \"both\"");
        settings.put("ipo.returns", "");
        CsvTable table = new CsvTable(folder, "a&b.csv", "rows of <A>", List.of("x"));
        table.close();
        String page = IndexPage.render(Labels.of(Language.EN), LocalDate.of(2026, 11, 28), List.of(), List.of(), new ChartedListings.Selection(12, 40), noCohorts(),
                List.of(table), List.of(), List.of(new Charts.ChartFile("c'1.png", "Gain \u200B× lot", "5 < 6")),
                new MarketDataStore.FileCounts(10, 2, 1, 0), notices, settings, null, Map.of(),
                NO_CHANGES, Rankings.page(Labels.of(Language.EN), List.of(), Map.of()));

        // escapeHtml4: < > & " as entities, × as &times;, ' kept; U+202E and U+200B left out.
        assertTrue(page.contains("<p>Shown: the 12 largest of 40 listings by gross proceeds (all are in the CSV files).</p>\n"), page);
        assertTrue(page.contains("<li>prices/x.csv: line 3: ticker &lt;b&gt;A&amp;B&lt;/b&gt;</li>\n"), page);
        assertTrue(page.contains("<h3>Gain &times; lot</h3>\n<p>5 &lt; 6</p>\n"
                + "<img src=\"c'1.png\" alt=\"Gain &times; lot\" width=\"" + Charts.WIDTH + "\">\n"), page);
        assertTrue(page.contains("<tr><td>ipo.event-windows</td><td class=\"d\">[0,1] &quot;both&quot;</td></tr>\n"
                + "<tr><td>ipo.returns</td><td class=\"d\">(empty: the default)</td></tr>\n"), page);
        assertTrue(page.contains("<tr><td><a href=\"a&amp;b.csv\">a&amp;b.csv</a></td><td class=\"d\">rows of &lt;A&gt;"
                + "</td><td class=\"n\">0</td></tr>\n"), page);
        // 10 loaded + 2 repeats + 1 rejected = 13 read.
        assertTrue(page.contains("Exact figures are in the CSV files, and every table in one workbook: <a href=\"report.xlsx\">report.xlsx</a>. "
                + "Of 13 input rows, 10 were loaded, 2 were repeats of "
                + "rows loaded (counted once) (see input-files.csv). <strong>1 input row(s) were rejected: see "
                + "rejects.csv.</strong></p>\n"), page);
        assertFalse(page.contains("{{") || page.contains("\u202E") || page.contains("\u200B"), page);
    }

    @Test
    void partsWithNothingToSayAreLeftOut() throws Exception {
        String page = IndexPage.render(Labels.of(Language.EN), LocalDate.of(2026, 11, 28), List.of(), List.of(), null, noCohorts(), List.of(), List.of(),
                List.of(), MarketDataStore.FileCounts.NONE, Map.of(), Map.of(), null, Map.of(), NO_CHANGES,
                Rankings.page(Labels.of(Language.EN), List.of(), Map.of()));
        assertTrue(page.contains("report.xlsx</a>. Every input row was loaded.</p>\n<h2>First day</h2>\n<table>\n"), page);
        assertFalse(page.contains("Notices on the input") || page.contains("<h2>Settings</h2>")
                || page.contains("Shown:") || page.contains("Grey-market"), page);
        assertTrue(page.contains("<h2>Charts</h2>\n<h2>Files</h2>\n"), page);
    }

    private static final Changes.Page NO_CHANGES = Changes.page(new PreviousReport.Lookup(PreviousReport.Found.NONE,
            null, null, null, null), List.of());

    private static EventStudy.Result noCohorts() {
        return new EventStudy.Result(List.of(), List.of(), List.of(), Map.of(), Map.of(), 5);
    }
}
