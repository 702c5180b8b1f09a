package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export that also holds a ticker listings.csv does not name: its rows are set aside, told
 * once per ticker in the run summary and index.html, and the report of the others is published.
 */
class StrayTickerTest extends OnAShippedInputCopy {

    private static final String NOTICE = "688981.SH (3 rows in prices/export.csv): not in listings.csv — add a row for "
            + "it; its rows are set aside until then";

    @Test
    void rowsOfATickerNotInTheListingsAreSetAsideAndTheReportIsPublished() throws Exception {
        Files.writeString(input.resolve("prices/export.csv"), "ticker,date,close\n"
                + "688981.SH,2025-12-22,120.10\n688981.SH,2025-12-23,121.30\n688795.SH,2025-12-24,700.00\n"
                + "688981.SH,2025-12-24,119.90\n");
        JobRun run = launch();

        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("  note: prices/export.csv: " + NOTICE + "\n"), run.out());
        // read = loaded + repeats + rejected + set aside, for the file and in total (999 rows of the shipped input).
        assertTrue(run.out().matches("(?s).*\n  prices/export\\.csv +4 +1 +0 +0 +3  now\n.*"), run.out());
        assertTrue(run.out().matches("(?s).*\n  total +1,003 +1,000 +0 +0 +3\n.*"), run.out());
        Path report = output.resolve("latest");
        assertEquals(List.of(), JobRun.csv(report.resolve("rejects.csv")), "set aside, not rejected one by one");
        assertEquals("700.00", JobRun.row(JobRun.csv(report.resolve("series/market-value")), "date", "2025-12-24")
                .get("price"), "the export's listed ticker is loaded");
        Map<String, String> accounting = JobRun.row(JobRun.csv(report.resolve("input-files.csv")), "file",
                "prices/export.csv");
        assertEquals(List.of("4", "1", "0", "3", NOTICE), List.of(accounting.get("rows_read"), accounting.get("rows_loaded"),
                accounting.get("rows_rejected"), accounting.get("rows_set_aside"), accounting.get("notices")));
        assertTrue(Files.readString(report.resolve("index.html")).contains("<li>prices/export.csv: 688981.SH (3 rows in "
                + "prices/export.csv): not in listings.csv &mdash; add a row for it; its rows are set aside until then</li>"));
    }

    @Test
    void aListingTakenOutOfTheListingsLeavesItsRowsInEveryFileSetAsideAndTheOthersAreReported() throws Exception {
        Path listings = input.resolve("listings.csv");
        Files.writeString(listings, Files.readString(listings).lines().filter(l -> !l.startsWith("9903.HK,"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        JobRun run = launch();

        // Its 46 rows of the allotment table were rejects before, past the 5% limit: exit 3 and no report.
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("  note: allotment-basis.csv: 9903.HK (46 rows in allotment-basis.csv): not in "
                + "listings.csv — add a row for it; its rows are set aside until then\n"), run.out());
        assertTrue(run.out().contains("  note: prices/9903.HK.csv: 9903.HK (1 row in prices/9903.HK.csv)"), run.out());
        Path report = output.resolve("latest");
        assertEquals(List.of(), JobRun.csv(report.resolve("rejects.csv")));
        assertEquals(List.of("688795.SH", "688802.SH", "6082.HK"), JobRun.csv(report.resolve("now.csv")).stream()
                .map(r -> r.get("ticker")).toList());
    }

    @Test
    void aLongRunOfAnotherTickersRowsDoesNotEndTheReadingOfTheFile() throws Exception {
        // 1,200 rows of an unlisted ticker, then a listed one: set-aside rows are no sign of a wrong file, so the
        // cap on a file whose first 1,000 rows are all rejected does not stop the reading before the listed row.
        StringBuilder export = new StringBuilder("ticker,date,close\n");
        java.time.LocalDate day = java.time.LocalDate.of(2020, 1, 1);
        for (int i = 0; i < 1200; i++) {
            export.append("688981.SH,").append(day.plusDays(i)).append(",100.00\n");
        }
        export.append("688795.SH,2025-12-24,700.00\n");
        Files.writeString(input.resolve("prices/export.csv"), export);
        JobRun run = launch();
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().matches("(?s).*\n  prices/export\\.csv +1,201 +1 +0 +0 +1,200  now\n.*"), run.out());
        assertEquals("700.00", JobRun.row(JobRun.csv(output.resolve("latest/series/market-value")), "date", "2025-12-24")
                .get("price"));
    }
}
