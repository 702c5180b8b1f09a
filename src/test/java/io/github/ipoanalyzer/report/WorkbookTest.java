package io.github.ipoanalyzer.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbookTest {

    @TempDir
    Path folder;

    @Test
    void cellsAreTheCsvFiguresNumbersWhereExactPercentagesForFractionsAndTheHeaderFrozenAndFiltered() throws Exception {
        CsvTable table = new CsvTable(folder, "first-day.csv", "First day",
                List.of("ticker", "first_day_return_close_vs_offer_fraction", "market_cap_cny", "note"));
        table.add(List.of("688795.SH", "4.254638", "282251944308.50", ""));
        // A leading zero (a code) and 16 significant digits (more than a spreadsheet number holds) stay text.
        table.add(List.of("0001", "-0.052632", "1234567890123456", "'=1+1"));
        table.close();
        Workbook.write(Labels.of(Language.EN), folder, List.of(table), List.of(), LocalDate.of(2026, 11, 28));

        try (XSSFWorkbook book = open()) {
            XSSFSheet sheet = book.getSheet("first-day");
            assertEquals("ticker", sheet.getRow(0).getCell(0).getStringCellValue());
            assertTrue(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold());
            Row moore = sheet.getRow(1);
            assertEquals("688795.SH", moore.getCell(0).getStringCellValue());
            // 4.254638 is +425.4638%: the exact fraction, shown as a percentage with its four decimals.
            assertEquals(4.254638, moore.getCell(1).getNumericCellValue());
            assertEquals("#,##0.0000%", moore.getCell(1).getCellStyle().getDataFormatString());
            assertEquals(282251944308.50, moore.getCell(2).getNumericCellValue());
            assertEquals("#,##0.00", moore.getCell(2).getCellStyle().getDataFormatString());
            assertNull(moore.getCell(3), "an unknown value is an empty cell, never 0");
            Row other = sheet.getRow(2);
            assertEquals(CellType.STRING, other.getCell(0).getCellType());
            assertEquals("0001", other.getCell(0).getStringCellValue());
            assertEquals(-0.052632, other.getCell(1).getNumericCellValue());
            assertEquals("1234567890123456", other.getCell(2).getStringCellValue());
            assertEquals("'=1+1", other.getCell(3).getStringCellValue(), "text, never a formula");
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), "header row frozen");
            assertEquals("A1:D3", sheet.getCTWorksheet().getAutoFilter().getRef());
            // The widest value of the market-value column is "282251944308.50" shown with separators:
            // 15 characters + 5 separators counted, + 2 for the filter button.
            assertEquals((15 + 5 + 2) * 256, sheet.getColumnWidth(2));
        }
    }

    /**
     * A cell holds at most 32,767 characters: the tickers of a cohort of 5,000 listings (about
     * 47,500) failed the whole run. The cell keeps what fits and says it is cut and where the whole
     * value is; the CSV keeps it whole.
     */
    @Test
    void aValueLongerThanACellHoldsIsCutSayingWhereTheWholeValueIs() throws Exception {
        StringBuilder tickers = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            tickers.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%06d.SH", 700000 + i));
        }
        assertEquals(49_999, tickers.length());
        CsvTable table = new CsvTable(folder, "cohorts.csv", "Cohorts", List.of("cohort", "tickers"));
        table.add(List.of("all", tickers.toString()));
        table.close();
        Workbook.write(Labels.of(Language.EN), folder, List.of(table), List.of(), LocalDate.of(2026, 11, 28));

        try (XSSFWorkbook book = open()) {
            String cell = book.getSheet("cohorts").getRow(1).getCell(1).getStringCellValue();
            String note = " … (cut: 49,999 characters, more than a cell holds; the whole value is in cohorts.csv)";
            assertEquals(32_767, cell.length());
            assertTrue(cell.endsWith(note), cell.substring(cell.length() - 120));
            assertEquals(tickers.substring(0, 32_767 - note.length()), cell.substring(0, 32_767 - note.length()));
        }
        assertTrue(Files.readString(folder.resolve("cohorts.csv")).contains(tickers), "the CSV keeps the whole value");
    }

    @Test
    void aSeriesIsOneSheetOfItsMonthsAndATableTooLongForASheetSaysWhereItsRowsAre() throws Exception {
        SeriesTable series = new SeriesTable(folder, "market-value", "Market value", List.of("ticker", "date", "cap"),
                "date");
        SeriesSpec spec = new SeriesSpec("market-value", "Market value", List.of("ticker", "date", "cap"), "date");
        ListingRows rows = spec.blankRows(java.util.Optional.empty());
        rows.add(List.of("A", "2025-12-31", "1000"));
        rows.add(List.of("A", "2026-01-02", "2000"));
        rows.add(List.of("A", "2026-01-05", "1500"));
        series.append(rows.rendered());
        series.close();

        Workbook.write(Labels.of(Language.EN), folder, List.of(), List.of(series), LocalDate.of(2026, 11, 28));
        try (XSSFWorkbook book = open()) {
            XSSFSheet sheet = book.getSheet("market-value");
            assertEquals(3, sheet.getLastRowNum(), "one header, then December's row and January's two");
            assertEquals("2026-01-05", sheet.getRow(3).getCell(1).getStringCellValue());
            assertEquals(1500.0, sheet.getRow(3).getCell(2).getNumericCellValue());
            assertEquals("#,##0", sheet.getRow(3).getCell(2).getCellStyle().getDataFormatString());
        }

        CsvTable events = new CsvTable(folder, "events.csv", "Events", List.of("ticker", "date"));
        events.add(List.of("A", "2025-12-31"));
        events.add(List.of("A", "2026-01-02"));
        events.add(List.of("A", "2026-01-05"));
        events.close();
        Workbook.write(Labels.of(Language.EN), folder, List.of(events), List.of(series), LocalDate.of(2026, 11, 28), 2);
        try (XSSFWorkbook book = open()) {
            XSSFSheet sheet = book.getSheet("market-value");
            assertEquals(0, sheet.getLastRowNum());
            assertEquals("3 rows, more than a sheet holds (2): they are in the 2 files of series/market-value/ (one per "
                    + "month), which open in Excel or WPS one by one", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("3 rows, more than a sheet holds (2): they are in events.csv",
                    book.getSheet("events").getRow(0).getCell(0).getStringCellValue());
        }
    }

    @Test
    void theSameReportGivesTheSameBytes() throws Exception {
        CsvTable table = new CsvTable(folder, "now.csv", "Now", List.of("ticker", "latest_close"));
        table.add(List.of("688795.SH", "673.00"));
        table.close();
        Workbook.write(Labels.of(Language.EN), folder, List.of(table), List.of(), LocalDate.of(2026, 11, 28));
        byte[] first = Files.readAllBytes(folder.resolve(Workbook.FILE));
        Thread.sleep(2_100); // past the two-second resolution of a zip entry's time, and another second of the clock
        Workbook.write(Labels.of(Language.EN), folder, List.of(table), List.of(), LocalDate.of(2026, 11, 28));
        assertArrayEquals(first, Files.readAllBytes(folder.resolve(Workbook.FILE)));
    }

    @Test
    void aTableOfManyRowsIsEverySheetRowInTheWorkbook() throws Exception {
        CsvTable table = new CsvTable(folder, "events.csv", "Events", List.of("ticker", "date", "car_fraction", "note"));
        for (int i = 0; i < 30_000; i++) {
            table.add(List.of(String.format("%06d.SH", i), "2026-01-" + (10 + i % 20),
                    i == 0 ? "-0.000000" : "0." + (i * 7919 % 1_000_000), i % 3 == 0 ? "" : "note, \"quoted\" <&> 第" + i));
        }
        table.close();
        Workbook.write(Labels.of(Language.EN), folder, List.of(table), List.of(), LocalDate.of(2026, 11, 28));
        try (XSSFWorkbook book = open()) {
            XSSFSheet sheet = book.getSheet("events");
            assertEquals(30_000, sheet.getLastRowNum());
            assertEquals("029999.SH", sheet.getRow(30_000).getCell(0).getStringCellValue());
            assertEquals("note, \"quoted\" <&> 第29999", sheet.getRow(30_000).getCell(3).getStringCellValue());
            assertEquals(0.562081, sheet.getRow(30_000).getCell(2).getNumericCellValue()); // "0." and 29,999 × 7,919 mod 10^6
            assertEquals(0.0, sheet.getRow(1).getCell(2).getNumericCellValue(), "zero, not a negative zero");
        }
    }

    @Test
    void tablesClosedWhileTheWorkbookIsWrittenGiveTheSameBytesAsAllAtOnce() throws Exception {
        CsvTable first = new CsvTable(folder, "first-day.csv", "First day", List.of("ticker", "close"));
        first.add(List.of("688795.SH", "114.28"));
        first.close();
        CsvTable rejects = new CsvTable(folder, "rejects.csv", "Rejects", List.of("file", "reason"));
        rejects.close();
        CsvTable rankings = new CsvTable(folder, "rankings.csv", "Rankings", List.of("rank", "ticker"));
        rankings.add(List.of("1", "688795.SH"));
        rankings.close();
        SeriesTable series = new SeriesTable(folder, "market-value", "Market value", List.of("ticker", "date", "cap"),
                "date");
        ListingRows rows = new SeriesSpec("market-value", "Market value", List.of("ticker", "date", "cap"), "date")
                .blankRows(java.util.Optional.empty());
        rows.add(List.of("688795.SH", "2025-12-05", "53714824638.76"));
        series.append(rows.rendered());
        series.close();
        LocalDate asOf = LocalDate.of(2026, 11, 28);
        Workbook.write(Labels.of(Language.EN), folder, List.of(first, rejects, rankings), List.of(series), asOf);
        byte[] atOnce = Files.readAllBytes(folder.resolve(Workbook.FILE));
        java.util.concurrent.CompletableFuture<List<CsvTable>> later = new java.util.concurrent.CompletableFuture<>();
        Thread closing = new Thread(() -> {
            try {
                Thread.sleep(200); // the workbook is waiting by then, its first sheet written
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            later.complete(List.of(rejects, rankings));
        });
        closing.start();
        Workbook.write(Labels.of(Language.EN), folder, List.of(first), later, List.of(series), asOf);
        closing.join();
        assertArrayEquals(atOnce, Files.readAllBytes(folder.resolve(Workbook.FILE)));
        try (XSSFWorkbook book = open()) {
            assertEquals(List.of("first-day", "rankings", "market-value"),
                    List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)));
            assertEquals(3, book.getNumberOfSheets());
        }
    }

    @Test
    void aWorkbookWaitingForTablesThatWillNotComeStopsWhenTheyAreCancelled() throws Exception {
        CsvTable first = new CsvTable(folder, "first-day.csv", "First day", List.of("ticker", "close"));
        first.add(List.of("688795.SH", "114.28"));
        first.close();
        java.util.concurrent.CompletableFuture<List<CsvTable>> later = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.FutureTask<Void> writing = new java.util.concurrent.FutureTask<>(() -> {
            Workbook.write(Labels.of(Language.EN), folder, List.of(first), later, List.of(), LocalDate.of(2026, 11, 28));
            return null;
        });
        new Thread(writing).start();
        later.cancel(false); // the assembly stopped, whatever stopped it
        java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> writing.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof java.io.InterruptedIOException, String.valueOf(e.getCause()));
        assertTrue(Files.notExists(folder.resolve(Workbook.FILE)), "no workbook written");
    }

    /**
     * A cell is a number where the CSV's value is a plain decimal of at most 15 significant digits,
     * with its decimals and the double a BigDecimal of it gives: the scan held to the rule's regex
     * and BigDecimal on random values.
     */
    @Test
    void aPlainDecimalOfFifteenDigitsAtMostIsANumberWithItsDecimals() {
        java.util.regex.Pattern plain = java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
        java.util.Random random = new java.util.Random(20261207);
        String alphabet = "0000123456789-.-.e+ ,";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                value.append(random.nextInt(8) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10)));
            }
            String v = value.toString();
            int expected = -1;
            if (plain.matcher(v).matches() && new java.math.BigDecimal(v).precision() <= 15) {
                expected = new java.math.BigDecimal(v).scale();
                double parsed = Double.parseDouble(v);
                assertEquals(new java.math.BigDecimal(v).doubleValue(), parsed == 0 ? 0.0 : parsed, v);
            }
            assertEquals(expected, Workbook.plainDecimalScale(v), v);
        }
        assertEquals(2, Workbook.plainDecimalScale("-0.00"));
        assertEquals(0, Workbook.plainDecimalScale("999999999999999"));
        assertEquals(-1, Workbook.plainDecimalScale("9999999999999999"), "16 digits");
        assertEquals(20, Workbook.plainDecimalScale("0.00000123456789012345"), "leading zeros are not significant");
        assertEquals(-1, Workbook.plainDecimalScale("01.5"));
        assertEquals(-1, Workbook.plainDecimalScale("1."));
        assertEquals(-1, Workbook.plainDecimalScale(""));
    }

    /** The workbook, every entry's CRC-32 and length checked first (POI's reader does not compare them). */
    private XSSFWorkbook open() throws Exception {
        try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(
                Files.newInputStream(folder.resolve(Workbook.FILE)))) {
            while (entries.getNextEntry() != null) {
                entries.readAllBytes(); // a wrong CRC-32 or length throws here
            }
        }
        try (InputStream in = Files.newInputStream(folder.resolve(Workbook.FILE))) {
            return new XSSFWorkbook(in);
        }
    }
}
