package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.report.ChartFonts;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --lang=zh}: the same inputs published again in Chinese (not "nothing to do"), with the
 * pages' and the workbook's words in Chinese and money in 万 and 亿, while every CSV file is the
 * same bytes as in English and every workbook cell below the header the same value.
 */
class ReportLanguageTest {

    @TempDir
    static Path work;
    static JobRun english;
    static JobRun chinese;
    static JobRun chineseAgain;
    static Path en;
    static Path zh;

    private static JobRun launch(String... more) {
        List<String> args = new ArrayList<>(List.of("--input", "input", "--output", work.resolve("out").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-11-28"));
        args.addAll(List.of(more));
        return JobRun.launch(args.toArray(String[]::new));
    }

    @BeforeAll
    static void publishInEnglishThenInChinese() throws Exception {
        english = launch();
        assertEquals(0, english.exitCode(), english.err());
        en = work.resolve("out/latest").toRealPath();
        chinese = launch("--lang=zh");
        assertEquals(0, chinese.exitCode(), chinese.err());
        zh = work.resolve("out/latest").toRealPath();
        chineseAgain = launch("--lang", "zh");
    }

    @Test
    void anotherLanguageIsNewWorkAndTheSameLanguageIsNothingToDo() throws Exception {
        assertNotEquals(en, zh, "a new report folder");
        assertTrue(chinese.out().contains("Settings changed since run 1, so the figures are computed anew: "
                + "ipo.lang: 'en' → 'zh'."), chinese.out());
        assertTrue(chineseAgain.out().contains("Nothing to do"), chineseAgain.out());
        assertTrue(Files.readString(en.resolve("manifest.json")).contains("\"ipo.lang\" : \"en\""));
        assertTrue(Files.readString(zh.resolve("manifest.json")).contains("\"ipo.lang\" : \"zh\""));
        assertTrue(Files.readString(zh.resolve("index.html")).contains("<tr><td>ipo.lang</td><td class=\"d\">zh</td></tr>"));
    }

    @Test
    void everyCsvFileIsTheSameBytesInBothLanguages() throws Exception {
        Map<String, String> csvEn = csvFiles(en);
        assertTrue(csvEn.size() >= 19 && csvEn.containsKey("first-day.csv")
                && csvEn.containsKey("series/market-value/2025-12.csv"), csvEn.keySet().toString());
        assertEquals(csvEn, csvFiles(zh));
    }

    @Test
    void thePagesAreInChineseWithMoneyIn万And亿() throws Exception {
        String index = Files.readString(zh.resolve("index.html"));
        assertTrue(index.contains("<html lang=\"zh\">"), index);
        assertTrue(index.contains("<title>新股报告（截至 2026-11-28）</title>"), index);
        assertTrue(index.contains("<h2>现状</h2>") && index.contains("<h2>首日表现</h2>")
                && index.contains("<h2>打新能赚多少</h2>") && index.contains("<h3>稳获一手</h3>")
                && index.contains("<h3>按策略申购的收益</h3>"), index);
        // Moore Threads now: 500 × (673.00 − 114.28) = 279,360.00 CNY = 27.936万 → 27.94万元; a first-day lot at
        // the close 500 × (600.50 − 114.28) = 243,110.00 CNY → 24.31万元.
        assertTrue(index.contains("<td class=\"n\">27.94万元</td>"), index);
        assertTrue(index.contains("<td class=\"n\">24.31万元</td>"), index);
        assertFalse(index.contains("CNY 279,360.00"), "no English money");

        String moore = Files.readString(zh.resolve("ipo/688795.SH.html"));
        assertTrue(moore.contains("<h2>发行</h2>") && moore.contains("<h2>首日（2025-12-05）</h2>"), moore);
        // 114.28 × 70,000,000 = 7,999,600,000 CNY = 79.996亿 → 80.00亿元 (half-even at two decimals)
        assertTrue(moore.contains("<tr><th>募资总额</th><td class=\"n\">80.00亿元</td></tr>"), moore);
        assertTrue(moore.contains("<tr><th>一手</th><td class=\"n\">500 股，5.71万元</td></tr>"), moore);
    }

    @Test
    void whichListingsTheChartsShowIsSaidInChineseToo() throws Exception {
        JobRun three = JobRun.launch("--input", "input", "--output", work.resolve("out-3").toString(), "--db",
                work.resolve("db-3").toString(), "--as-of", "2026-11-28", "--lang=zh", "--ipo.chart-max-listings=3");
        assertEquals(0, three.exitCode(), three.err());
        String index = Files.readString(work.resolve("out-3/latest/index.html"));
        // The four listings of the shipped input, the three largest by gross proceeds charted.
        assertTrue(index.contains("<p>显示：募资总额最大的 3 只（共 4 只，全部在 CSV 文件中）。</p>"), index);
        assertFalse(index.contains("largest"), "no English left in the Chinese page");
    }

    @Test
    void theWorkbookHasChineseSheetsAndHeadersAndTheSameCells() throws Exception {
        try (XSSFWorkbook bookEn = new XSSFWorkbook(Files.newInputStream(en.resolve("report.xlsx")));
             XSSFWorkbook bookZh = new XSSFWorkbook(Files.newInputStream(zh.resolve("report.xlsx")))) {
            assertEquals(bookEn.getNumberOfSheets(), bookZh.getNumberOfSheets());
            assertEquals("首日", bookZh.getSheetName(1));
            assertEquals("first-day", bookEn.getSheetName(1));
            Sheet firstDay = bookZh.getSheetAt(1);
            assertEquals("证券代码", firstDay.getRow(0).getCell(0).getStringCellValue());
            assertEquals("首日收盘涨幅", cellOf(firstDay, bookEn.getSheetAt(1), "first_day_return_close_vs_offer_fraction"));
            for (int s = 0; s < bookEn.getNumberOfSheets(); s++) {
                Sheet a = bookEn.getSheetAt(s);
                Sheet b = bookZh.getSheetAt(s);
                assertEquals(a.getLastRowNum(), b.getLastRowNum(), a.getSheetName());
                for (Cell header : b.getRow(0)) {
                    assertTrue(header.getStringCellValue().codePoints().anyMatch(c ->
                            Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                                    || List.of("sha256", "SHA-256", "n", "BMP t 统计量").contains(header.getStringCellValue()),
                            b.getSheetName() + ": a header not in Chinese: " + header.getStringCellValue());
                }
                for (int r = 1; r <= a.getLastRowNum(); r++) {
                    assertEquals(values(a.getRow(r)), values(b.getRow(r)), a.getSheetName() + " row " + r);
                }
            }
        }
    }

    /** The Chinese chart words are drawn only where a font draws Chinese; the chart is then another image. */
    @Test
    void theChartsAreOtherImagesWhereAFontDrawsChinese() throws Exception {
        boolean chineseFont = ChartFonts.forNames(List.of("摩尔线程")).localNames();
        assertEquals(!chineseFont, JobRun.bytes(en.resolve("market-value.png")).length
                == JobRun.bytes(zh.resolve("market-value.png")).length
                && java.util.Arrays.equals(JobRun.bytes(en.resolve("market-value.png")),
                JobRun.bytes(zh.resolve("market-value.png"))));
    }

    private static String cellOf(Sheet zhSheet, Sheet enSheet, String enHeader) {
        for (Cell c : enSheet.getRow(0)) {
            if (c.getStringCellValue().equals(enHeader)) {
                return zhSheet.getRow(0).getCell(c.getColumnIndex()).getStringCellValue();
            }
        }
        throw new AssertionError("no column " + enHeader);
    }

    private static List<String> values(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(c -> values.add(c.getColumnIndex() + "=" + c.toString() + "@" + c.getCellStyle().getDataFormatString()));
        return values;
    }

    private static Map<String, String> csvFiles(Path report) throws Exception {
        return JobRun.reportFiles(report).entrySet().stream().filter(e -> e.getKey().endsWith(".csv"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }
}
