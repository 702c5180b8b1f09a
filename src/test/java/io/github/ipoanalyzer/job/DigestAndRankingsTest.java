package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The digest and the rankings of a report, from the job on a copy of the shipped input: a report
 * as of 2026-01-09, then one more day of Iluvatar CoreX (9903.HK, offer HKD 144.60) appended to
 * its price file, a close of 140.00 on Monday 2026-01-12, and a report as of that day.
 * Figures worked by hand from input/ and the first-day facts.
 */
class DigestAndRankingsTest {

    @TempDir
    static Path work;
    static Path first;
    static Path second;
    static String firstPage;

    @BeforeAll
    static void twoNightsWithOneDayAppended() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        assertEquals(0, launch(input, "2026-01-09").exitCode());
        first = work.resolve("output/latest").toRealPath();
        firstPage = Files.readString(first.resolve("index.html"));
        Files.writeString(input.resolve("prices/9903.HK.csv"), "9903.HK,2026-01-12,,,,140.00,,,\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JobRun run = launch(input, "2026-01-12");
        assertEquals(0, run.exitCode(), run.err());
        second = work.resolve("output/latest").toRealPath();
    }

    private static JobRun launch(Path input, String asOf) {
        return JobRun.launch("--input", input.toString(), "--output", work.resolve("output").toString(),
                "--db", work.resolve("db").toString(), "--as-of", asOf);
    }

    @Test
    void theFirstReportHasNoPreviousOneAndNoLockUpEndsWithin30Days() throws Exception {
        // The nearest lock-up, Moore Threads' 6-month one, ends on 2026-06-05: far past 2026-02-08.
        assertEquals(List.of(), csv(first.resolve("changes.csv")));
        assertTrue(firstPage.contains("<h2>Changed since the previous report</h2>\n<p>No previous report in this output "
                + "folder: nothing to compare with."), firstPage);
        assertTrue(firstPage.contains("<p>No change, and no lock-up ends within 30 days.</p>\n<h2>Now</h2>"), firstPage);
    }

    @Test
    void theAppendedDayIsANewCloseBelowTheOfferPrice() throws Exception {
        List<Map<String, String>> changes = csv(second.resolve("changes.csv"));
        // 140.00 / 144.60 − 1 = −0.031811895… → −0.031812; the previous report's latest close was the first, 156.80 on 01-08.
        assertEquals(List.of(
                Map.ofEntries(Map.entry("ticker", "9903.HK"), Map.entry("name_en", "Iluvatar CoreX"),
                        Map.entry("change", "new_close"), Map.entry("date", "2026-01-12"),
                        Map.entry("previous_close", "156.80"), Map.entry("previous_close_date", "2026-01-08"),
                        Map.entry("close", "140.00"), Map.entry("currency", "HKD"), Map.entry("offer_price", "144.60"),
                        Map.entry("return_since_offer_fraction", "-0.031812"),
                        Map.entry("compared_with", first.getFileName().toString()),
                        Map.entry("description", "new close HKD 140.00 on 2026-01-12, -3.18% since the offer (was "
                                + "156.80 on 2026-01-08)")),
                Map.ofEntries(Map.entry("ticker", "9903.HK"), Map.entry("name_en", "Iluvatar CoreX"),
                        Map.entry("change", "broke_issue"), Map.entry("date", "2026-01-12"),
                        Map.entry("previous_close", "156.80"), Map.entry("previous_close_date", "2026-01-08"),
                        Map.entry("close", "140.00"), Map.entry("currency", "HKD"), Map.entry("offer_price", "144.60"),
                        Map.entry("return_since_offer_fraction", "-0.031812"),
                        Map.entry("compared_with", first.getFileName().toString()),
                        Map.entry("description", "broke issue: closed below the offer price of HKD 144.60 at HKD 140.00 "
                                + "on 2026-01-12, -3.18% since the offer (was 156.80 on 2026-01-08, not below)"))),
                changes);
        String page = Files.readString(second.resolve("index.html"));
        assertTrue(page.contains("<p>The data runs to the as-of day.</p>\n<h2>Changed since the previous report</h2>\n"
                + "<p>Compared with the previous report, " + first.getFileName() + ", as of 2026-01-09: "), page);
        // The page shows the broke issue before the new close (changes.csv keeps its order): what matters first.
        assertTrue(page.contains("<tr><td>Iluvatar CoreX (9903.HK)</td><td>broke issue</td><td>2026-01-12</td><td class=\"d\">"
                + "broke issue: closed below the offer price of HKD 144.60 at HKD 140.00 on 2026-01-12, -3.18% since the "
                + "offer (was 156.80 on 2026-01-08, not below)</td></tr>\n"
                + "<tr><td>Iluvatar CoreX (9903.HK)</td><td>new close</td><td>2026-01-12</td>"), page);
    }

    @Test
    void theRankingsFollowTheNetLotGainsInCnyAndTheFirstDayReturns() throws Exception {
        List<Map<String, String>> rankings = csv(first.resolve("rankings.csv"));
        // first-day.csv's net gains at the first close: MetaX CNY 362,385.92, Moore Threads CNY 242,940.62, Iluvatar
        // CoreX HKD 1,056.18 × 0.8957 (2026-01-08) = 946.020426 → CNY 946.02; Biren HKD 2,924.59 has no CNY/HKD rate
        // on or before its first close of 2026-01-02 (input/fx-rates.csv): after them, unranked.
        assertEquals(List.of("1 688802.SH 362385.92 1", "2 688795.SH 242940.62 2", "3 9903.HK 946.02 4", " 6082.HK  3"),
                rankings.stream().map(r -> r.get("rank_by_net_lot_gain_cny") + " " + r.get("ticker") + " "
                        + r.get("net_lot_gain_at_close_cny") + " " + r.get("rank_by_first_day_return")).toList());
        // First-day returns 6.929486 (MetaX) > 4.254638 (Moore Threads) > 0.758163 (Biren) > 0.084371 (Iluvatar CoreX).
        assertEquals(List.of("6.929486", "4.254638", "0.084371", "0.758163"),
                rankings.stream().map(r -> r.get("first_day_return_close_vs_offer_fraction")).toList());
        assertEquals("no CNY/HKD rate on or before 2026-01-02: unranked", rankings.get(3).get("note"));
        assertEquals("0.8957", rankings.get(2).get("cny_per_unit"));
        assertEquals("2026-01-08", rankings.get(2).get("fx_rate_date"));

        // Each row carries its exchange and board and its listing date for the page's filter, which offers the boards.
        assertTrue(firstPage.contains("<select name=\"board\"><option value=\"\">all</option><option>HKEX Main Board"
                + "</option><option>HKEX Main Board (Ch.18C)</option><option>SSE STAR Market</option></select>"), firstPage);
        String byReturn = firstPage.substring(firstPage.indexOf("<h3>By first-day return at the close</h3>"));
        assertEquals(List.of("SSE STAR Market 2025-12-17 1 +692.95%", "SSE STAR Market 2025-12-05 2 +425.46%",
                        "HKEX Main Board (Ch.18C) 2026-01-02 3 +75.82%", "HKEX Main Board 2026-01-08 4 +8.44%"),
                rows(byReturn.substring(0, byReturn.indexOf("</table>"))));
        String byNet = firstPage.substring(firstPage.indexOf("<h3>By net gain of one lot at the first close</h3>"));
        assertEquals(List.of("SSE STAR Market 2025-12-17 1 CNY 362,385.92", "SSE STAR Market 2025-12-05 2 CNY 242,940.62",
                        "HKEX Main Board 2026-01-08 3 HKD 1,056.18", "HKEX Main Board (Ch.18C) 2026-01-02 &ndash; HKD 2,924.59"),
                rows(byNet.substring(0, byNet.indexOf("</table>"))));
        assertTrue(byNet.contains("<td class=\"n\">HKD 2,924.59</td><td class=\"n\">no CNY/HKD rate</td></tr>"), byNet);
    }

    @Test
    void withoutAPreviousReportOrWithOneThatWasChangedOnlyTheLockUpsEndingWithin30DaysAreListed() throws Exception {
        Path output = work.resolve("november");
        JobRun run = JobRun.launch("--input", "input", "--output", output.toString(), "--db",
                work.resolve("november-db").toString(), "--as-of", "2026-11-28");
        assertEquals(0, run.exitCode(), run.err());
        Path report = output.resolve("latest").toRealPath();
        // input/lockups.csv: the 12-month lock-ups of Moore Threads (listed 2025-12-05) and MetaX (2025-12-17) end on
        // 2026-12-05 and 2026-12-17, 7 and 19 days after 2026-11-28; the 24-month ones a year later. The data ends in
        // January, so neither is moved to a trading day.
        assertEquals(List.of(
                "688795.SH lockup_ending 2026-12-05 12-month lock-up of strategic investors and employee plans ends on "
                        + "2026-12-05, 7 days after the as-of day",
                "688802.SH lockup_ending 2026-12-17 12-month lock-up of strategic investors and employee plans ends on "
                        + "2026-12-17, 19 days after the as-of day"), summary(report));
        assertTrue(Files.readString(report.resolve("index.html")).contains("<p>No previous report in this output folder"));

        // A person edits the published now.csv: it is no longer what its manifest lists, so nothing is compared with it.
        Files.writeString(report.resolve("now.csv"), "edited\r\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        run = JobRun.launch("--input", "input", "--output", output.toString(), "--db",
                work.resolve("november-db").toString(), "--as-of", "2026-11-30");
        assertEquals(0, run.exitCode(), run.err());
        Path next = output.resolve("latest").toRealPath();
        assertEquals(List.of(
                "688795.SH lockup_ending 2026-12-05 12-month lock-up of strategic investors and employee plans ends on "
                        + "2026-12-05, 5 days after the as-of day",
                "688802.SH lockup_ending 2026-12-17 12-month lock-up of strategic investors and employee plans ends on "
                        + "2026-12-17, 17 days after the as-of day"), summary(next));
        String page = Files.readString(next.resolve("index.html"));
        assertTrue(page.contains("<p>The previous report could not be read, so nothing is compared: " + report.resolve("now.csv")
                + " has "), page);
        assertTrue(run.out().contains("warning: no changes since the previous report computed: " + report.resolve("now.csv")),
                run.out());
    }

    private static List<String> summary(Path report) throws Exception {
        return csv(report.resolve("changes.csv")).stream().map(r -> r.get("ticker") + " " + r.get("change") + " "
                + r.get("date") + " " + r.get("description")).toList();
    }

    /** Each row of a ranking table: its data-board, data-listing-date, rank and first figure. */
    private static List<String> rows(String table) {
        return table.lines().filter(l -> l.startsWith("<tr data-board=")).map(l -> l.replaceAll(
                "<tr data-board=\"([^\"]*)\" data-listing-date=\"([^\"]*)\"><td class=\"n\">([^<]*)</td>.*?<td class=\"n\">"
                        + "([^<]*)</td>.*", "$1 $2 $3 $4")).toList();
    }
}
