package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.opencsv.CSVReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static io.github.ipoanalyzer.job.JobRun.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reader opens first, on the shipped input as of 2026-01-09, the day after Iluvatar CoreX
 * listed: now.csv, each figure worked by hand from input/prices/*.csv, input/fees.csv,
 * input/fx-rates.csv and the SSE and HKEX closures of input/calendars.csv; and report.xlsx, whose
 * every cell is its CSV's figure.
 */
class ReportForReadersTest {

    @TempDir
    static Path work;
    static JobRun run;
    static List<Map<String, String>> now;
    static Path report;

    @BeforeAll
    static void runTheJobOnTheShippedInput() throws Exception {
        run = JobRun.launch("--input", "input", "--output", work.resolve("output").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-01-09");
        assertEquals(0, run.exitCode(), run.err());
        report = work.resolve("output/latest").toRealPath();
        now = csv(report.resolve("now.csv"));
    }

    @Test
    void oneRowPerIpoInListingOrder() {
        assertEquals(List.of("688795.SH", "688802.SH", "6082.HK", "9903.HK"), now.stream().map(r -> r.get("ticker")).toList());
    }

    @Test
    void mooreThreadsStandsAtItsCloseOf22DecemberAndIsStale() {
        Map<String, String> moore = row(now, "ticker", "688795.SH");
        // input/prices/688795.SH.csv: closes 600.50 (12-05, the listing day), 941.08, 714.80, 673 (12-22, approximate).
        assertEquals("600.50", moore.get("first_close"));
        assertEquals("2025-12-05", moore.get("first_close_date"));
        assertEquals("673.00", moore.get("latest_close"));
        assertEquals("2025-12-22", moore.get("latest_close_date"));
        // SSE sessions after Friday 12-05 up to Monday 12-22: 8–12, 15–19 and 22 December.
        assertEquals("11", moore.get("sessions_since_listing_at_latest_close"));
        // 673 / 114.28 − 1 = 4.889044452…; 673 / 600.50 − 1 = 0.120732722…
        assertEquals("4.889044", moore.get("return_since_offer_fraction"));
        assertEquals("0.120733", moore.get("return_since_first_close_fraction"));
        // One lot of 500: 500 × (673 − 114.28) = 279,360.00. Sold for 336,500.00 on 2025-12-22, input/fees.csv's SSE
        // sale rows: stamp duty 0.05% 168.25, transfer fee 0.001% 3.365 → 3.37, handling fee 0.00341% 11.47465 → 11.47,
        // CSRC fee 0.002% 6.73: 189.82 in all; no subscription charge. 336,500 − 189.82 − 57,140 = 279,170.18.
        assertEquals("279360.00", moore.get("lot_gain_at_latest_close_trading_currency"));
        assertEquals("279170.18", moore.get("net_lot_gain_at_latest_close_trading_currency"));
        assertEquals("1", moore.get("cny_per_unit"));
        assertEquals("279360.00", moore.get("lot_gain_at_latest_close_cny"));
        assertEquals("false", moore.get("below_issue_now"));
        // 5 sessions before 12-22 is 12-15, which has no close; 20 and 60 sessions reach before the listing.
        assertEquals("", moore.get("return_last_5_sessions_fraction"));
        assertEquals("", moore.get("return_last_20_sessions_fraction"));
        assertEquals("", moore.get("return_last_60_sessions_fraction"));
        // SSE sessions after 12-22 up to Friday 2026-01-09: 23–26, 29–31 December (7), 5–9 January (5; 1 and 2
        // January closed) = 12, more than 5: stale.
        assertEquals("2025-12-22", moore.get("data_last_date"));
        assertEquals("12", moore.get("sessions_from_data_last_date_to_as_of"));
        assertEquals("true", moore.get("stale"));
        assertEquals("stale: the data ends on 2025-12-22, 12 sessions before 2026-01-09; latest close: approximate: "
                + "sources give 673 with a cap of 3177億, which do not agree; 5-session return unknown: no close on "
                + "2025-12-15, 5 sessions before 2025-12-22; 20 and 60-session returns unknown: listed 11 sessions "
                + "before 2025-12-22", moore.get("note"));
    }

    @Test
    void theIndexOpensWithWhereEachIpoStandsAndHowOldTheDataIs() throws Exception {
        String page = java.nio.file.Files.readString(report.resolve("index.html"));
        // The newest price of any IPO is Iluvatar CoreX's first day, 8 January: one day before the as-of day.
        assertTrue(page.contains("<p>The data ends on 2026-01-08, 1 day before the as-of day.</p>\n"
                + "<h2>Changed since the previous report</h2>\n"), page);
        assertTrue(page.contains("</p>\n<p>No change, and no lock-up ends within 30 days.</p>\n<h2>Now</h2>"), page);
        // Moore Threads: 673.00 on 22 December; 673 / 114.28 − 1 = +488.90%; 673 / 600.50 − 1 = +12.07%;
        // one lot 500 × (673 − 114.28) = 279,360.00, net 279,170.18 (now.csv's figure, worked above).
        assertTrue(page.contains("<tr><td>Moore Threads 摩尔线程 (688795.SH)</td><td class=\"n\">CNY 673.00 (2025-12-22)</td>"
                + "<td class=\"n\">11</td><td class=\"n\">+488.90%</td><td class=\"n\">+12.07%</td>"
                + "<td class=\"n\">CNY 279,360.00</td><td class=\"n\">CNY 279,170.18</td><td class=\"n\">no</td>"), page);
        assertTrue(page.contains("<td class=\"n\">2025-12-22 (stale)</td></tr>"), "stale: 12 sessions before the as-of day");
    }

    @Test
    void iluvatarCoreXListedYesterdayIsFreshAndConvertedAtItsListingDaysRate() {
        Map<String, String> iluvatar = row(now, "ticker", "9903.HK");
        assertEquals("156.80", iluvatar.get("latest_close"));
        assertEquals("2026-01-08", iluvatar.get("latest_close_date"));
        assertEquals("0", iluvatar.get("sessions_since_listing_at_latest_close"));
        // 156.80 / 144.60 − 1 = 0.084370677…; the latest close is the first: 0.
        assertEquals("0.084371", iluvatar.get("return_since_offer_fraction"));
        assertEquals("0.000000", iluvatar.get("return_since_first_close_fraction"));
        // 100 × (156.80 − 144.60) = 1,220.00 HKD, net 1,056.18 (report.md, "Fees on the shipped data"); in CNY at
        // 0.8957 of 2026-01-08: 1,092.754 → 1,092.75.
        assertEquals("1220.00", iluvatar.get("lot_gain_at_latest_close_trading_currency"));
        assertEquals("1056.18", iluvatar.get("net_lot_gain_at_latest_close_trading_currency"));
        assertEquals("0.8957", iluvatar.get("cny_per_unit"));
        assertEquals("2026-01-08", iluvatar.get("fx_rate_date"));
        assertEquals("1092.75", iluvatar.get("lot_gain_at_latest_close_cny"));
        // HKEX sessions after 01-08 up to 01-09: one; not stale.
        assertEquals("1", iluvatar.get("sessions_from_data_last_date_to_as_of"));
        assertEquals("false", iluvatar.get("stale"));
        assertEquals("latest close: listing day; 5, 20 and 60-session returns unknown: listed 0 sessions before "
                + "2026-01-08", iluvatar.get("note"));
    }

    @Test
    void everySheetOfTheWorkbookHoldsItsCsvCellForCell() throws Exception {
        List<String> expectedSheets = new ArrayList<>();
        try (Stream<Path> files = Files.list(report)) {
            // rejects.csv and input-files.csv, the run's accounting of its inputs, are not copied.
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".csv"))
                    .filter(f -> !f.equals("rejects.csv") && !f.equals("input-files.csv")).sorted()
                    .forEach(f -> expectedSheets.add(f.substring(0, f.length() - 4)));
        }
        expectedSheets.addAll(List.of("lot-gains", "market-value"));
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(report.resolve("report.xlsx")))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertEquals(new TreeSet<>(expectedSheets), new TreeSet<>(sheets));
            int numbers = 0;
            for (Sheet sheet : book) {
                Path csv = report.resolve(sheet.getSheetName() + ".csv");
                List<String[]> rows = Files.exists(csv) ? rows(csv) : seriesRows(report.resolve("series/" + sheet.getSheetName()));
                assertEquals(rows.size() - 1, sheet.getLastRowNum(), sheet.getSheetName());
                String[] header = rows.get(0);
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < header.length; c++) {
                        String where = sheet.getSheetName() + " row " + r + " " + header[c];
                        String value = rows.get(r)[c];
                        Cell cell = sheet.getRow(r).getCell(c);
                        if (value.isEmpty()) {
                            assertNull(cell, where);
                        } else if (cell.getCellType() == CellType.NUMERIC) {
                            // The double read back is the CSV's decimal exactly (at most 15 significant digits).
                            assertEquals(0, BigDecimal.valueOf(cell.getNumericCellValue()).compareTo(new BigDecimal(value)),
                                    where + ": " + cell.getNumericCellValue() + " for " + value);
                            assertEquals(header[c].endsWith("_fraction"),
                                    cell.getCellStyle().getDataFormatString().endsWith("%"), where);
                            assertTrue(cell.getCellStyle().getDataFormatString().startsWith("#,##0"), where);
                            numbers++;
                        } else {
                            assertEquals(value, cell.getStringCellValue(), where);
                        }
                    }
                }
            }
            assertTrue(numbers > 500, numbers + " numeric cells");
            // Moore Threads' first-day return, 600.50 / 114.28 − 1 = 4.254638 (+425.4638%), is a percentage.
            Cell moore = book.getSheet("first-day").getRow(1).getCell(18);
            assertEquals(4.254638, moore.getNumericCellValue());
            assertEquals("#,##0.0000%", moore.getCellStyle().getDataFormatString());
        }
    }

    private static List<String[]> rows(Path csv) throws Exception {
        String text = Files.readString(csv, StandardCharsets.UTF_8).substring(1); // the byte-order mark
        try (CSVReader reader = new CSVReader(new StringReader(text))) {
            return reader.readAll();
        }
    }

    /** The months of a series one after the other, under one header. */
    private static List<String[]> seriesRows(Path folder) throws Exception {
        List<String[]> all = new ArrayList<>();
        try (Stream<Path> months = Files.list(folder)) {
            for (Path month : months.sorted().toList()) {
                List<String[]> rows = rows(month);
                all.addAll(all.isEmpty() ? rows : rows.subList(1, rows.size()));
            }
        }
        return all;
    }
}
