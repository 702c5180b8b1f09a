package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check-input says how each file is read and which rows would be rejected, and writes nothing. */
class CheckInputCommandTest {

    @TempDir
    Path work;

    @Test
    void printsFormatMappingAndRejectsOfEveryFileWithoutWritingAnything() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        Files.delete(input.resolve("prices/688802.SH.csv"));
        // A TDX export: line 1 is its title, line 2 its header; line 4 has a low above its close.
        Files.write(input.resolve("prices/SH#688802.txt"), ("688802 沐曦股份 日线 不复权\r\n日期\t开盘\t最高\t最低\t收盘\t成交量\t成交额\r\n"
                + "2025/12/17\t700.00\t895.00\t\t829.90\t\t11259000000.00\r\n2025/12/19\t\t\t710.00\t703.35\t\t\r\n"
                + "数据来源:通达信\r\n").getBytes(Charset.forName("GBK")));
        Files.writeString(input.resolve("688795.SH-late.csv"), "ticker,date,close\n688795.SH,2025-12-23,680\n");
        Files.copy(Path.of("src/test/resources/sources/tushare/hk_daily.csv"), input.resolve("hk_daily.csv"));
        Files.copy(Path.of("src/test/resources/sources/ipo-lists/new_share.csv"), input.resolve("new_share.csv"));

        JobRun run = JobRun.launch("check-input", "--input", input.toString());

        assertEquals(3, run.exitCode(), "a row would be rejected: " + run.out());
        String out = run.out();
        assertTrue(out.contains("prices/SH#688802.txt: 2 rows, 1 valid, 1 would be rejected\n"
                + "  read as GB18030 (GBK) text: it is not UTF-8\n"
                + "  read as 通达信 (TDX) export: ticker 688802.SH from the title line, 日期 → date (YYYY/MM/DD), 开盘 → open, "
                + "最高 → high, 最低 → low, 收盘 → close, 成交量 → volume, 成交额 → turnover\n"
                + "  line 4, 最低 '710.00': low 710 is above close 703.35 (price-order)\n"), out);
        assertTrue(out.contains("prices/688795.SH.csv: 4 rows, 4 valid, 0 would be rejected\n"), out);
        assertTrue(out.contains("Not read: 688795.SH-late.csv is read by no input kind: its columns are those of prices, "
                + "move it into prices/"), out);
        assertTrue(out.contains("Not read: hk_daily.csv is read by no input kind: it is a Tushare pro daily / hk_daily file, "
                + "move it into prices/"), out);
        assertTrue(out.contains("Not read: new_share.csv is read by no input kind: it is a Tushare pro new_share file, "
                + "which is read only as listings.csv"), out);
        // 905 rows, and the 90 of allotment-basis.csv and 4 of offers.csv.
        assertTrue(out.contains(": 999 rows, 1 would be rejected, 0 files cannot be read."), out);
        try (var files = Files.list(work)) {
            assertEquals(java.util.List.of("input"), files.map(p -> p.getFileName().toString()).toList(),
                    "no database, lock or output folder");
        }
    }
}
