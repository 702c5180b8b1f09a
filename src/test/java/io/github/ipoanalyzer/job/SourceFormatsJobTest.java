package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.store.InputFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole job on price files from several sources at once (one ticker's history from Tushare
 * and its newest day from AKShare, MetaX from a GBK TDX export, Biren from Yahoo, Iluvatar CoreX
 * from TDX's HKEX market) gives the same report, byte for byte, as the project's own files; and
 * a TDX file whose footer moves down as a day is added is read again in full, without a lost or
 * repeated row.
 */
class SourceFormatsJobTest {

    private static final Path SAMPLES = Path.of("src/test/resources/sources");
    /**
     * Files that name the input files and their notices, which differ by design; and changes.csv,
     * which says what changed since the previous report: the mixed folder's report has one before it.
     */
    private static final Set<String> NAMING_THE_INPUT = Set.of("input-files.csv", "manifest.json", "index.html",
            "changes.csv");

    @TempDir
    Path work;

    @Test
    void mixedSourcesGiveTheReportOfTheProjectsOwnFiles() throws Exception {
        Path own = work.resolve("own");
        JobRun.copyTree(Path.of("input"), own);
        for (Path f : list(own.resolve("prices"))) {
            // The sources have no note column: the reference has none either.
            List<String> lines = Files.readAllLines(f);
            Files.write(f, lines.stream().map(l -> l.startsWith("ticker") ? l : l.replaceAll(",[^,]*$|,\"[^\"]*\"$", ","))
                    .toList());
        }
        Map<String, String> expected = report(own, "own");

        Path mixed = work.resolve("mixed");
        JobRun.copyTree(Path.of("input"), mixed);
        for (Path f : list(mixed.resolve("prices"))) {
            Files.delete(f);
        }
        Path prices = mixed.resolve("prices");
        List<String> tushare = Files.readAllLines(SAMPLES.resolve("tushare/688795.SH.csv"));
        Files.write(prices.resolve("688795.SH.tushare.csv"), List.of(tushare.get(0), tushare.get(2), tushare.get(3),
                tushare.get(4))); // 2025-12-05 to -17, newest first
        Files.writeString(prices.resolve("688795.SH.akshare.csv"), "日期,股票代码,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率\n"
                + "2025-12-22,688795,,673.0,,,,,,,,\n");
        Files.copy(SAMPLES.resolve("yahoo/6082.HK.csv"), prices.resolve("6082.HK.csv"));
        Files.copy(SAMPLES.resolve("tdx/31#09903.txt"), prices.resolve("31#09903.txt"));
        // MetaX's TDX export first without its last day, then exported again with it: the footer moves.
        Charset gbk = Charset.forName("GBK");
        String full = new String(Files.readAllBytes(SAMPLES.resolve("tdx/SH#688802.txt")), gbk);
        String lastDay = "2025/12/19\t\t\t\t  703.35\t\t\r\n";
        assertTrue(full.contains(lastDay));
        Files.write(prices.resolve("SH#688802.txt"), full.replace(lastDay, "").getBytes(gbk));
        JobRun first = launch(mixed, "mixed");
        assertEquals(0, first.exitCode(), first.err());
        Files.write(prices.resolve("SH#688802.txt"), full.getBytes(gbk));

        JobRun second = launch(mixed, "mixed");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(expected, hashes(work.resolve("out-mixed/latest")));
        String summary = second.out();
        assertTrue(summary.contains("note: prices/SH#688802.txt: read as GB18030 (GBK) text: it is not UTF-8"), summary);
        assertTrue(summary.contains("note: prices/6082.HK.csv: read as Yahoo Finance download: ticker 6082.HK from the "
                + "file name, date (YYYY-MM-DD), open, high, low, close, volume; prices rounded half-even to 3 decimals"),
                summary);
        Map<String, String> metax = JobRun.row(JobRun.csv(work.resolve("out-mixed/latest/input-files.csv")), "file",
                "prices/SH#688802.txt");
        assertEquals(List.of("2", "2", "0"), List.of(metax.get("rows_read"), metax.get("rows_loaded"),
                metax.get("rows_rejected")), "read again in full: both days, once each");
        assertTrue(metax.get("notices").contains("read as 通达信 (TDX) export: ticker 688802.SH from the title line, 日期 → "
                + "date (YYYY/MM/DD), 开盘 → open, 最高 → high, 最低 → low, 收盘 → close, 成交量 → volume, 成交额 → turnover"),
                metax.get("notices"));
    }

    @Test
    void anIpoListServesAsListingsAndTheReportSaysWhatItLacks() throws Exception {
        Path input = work.resolve("ipo-list");
        JobRun.copyTree(Path.of("input"), input);
        Files.copy(SAMPLES.resolve("ipo-lists/new_share.csv"), input.resolve("listings.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // The list has the A-shares only: price rows of the HKEX listings are set aside (tickers not in the listings).
        JobRun run = JobRun.launch("--input", input.toString(), "--output", work.resolve("out-list").toString(), "--db",
                work.resolve("db-list").toString(), "--as-of", "2026-11-28", "--max-reject-fraction", "1");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> moore = JobRun.row(JobRun.csv(work.resolve("out-list/latest/first-day.csv")), "ticker", "688795.SH");
        assertEquals("4.254638", moore.get("first_day_return_close_vs_offer_fraction"));
        assertEquals("243110.00", moore.get("lot_gain_at_close_trading_currency")); // (600.50 − 114.28) × 500, the STAR lot
        assertEquals("", moore.get("market_cap_at_first_close"), "no total shares in the list: no market value");
        assertTrue(moore.get("note").contains("from an IPO list (Tushare pro new_share): one lot of 500 shares by the STAR "
                + "Market convention; total shares after listing not in the list, so no market value"), moore.get("note"));
        Map<String, String> unlisted = JobRun.row(JobRun.csv(work.resolve("out-list/latest/rejects.csv")), "file",
                "listings.csv");
        assertEquals(List.of("4", "issue_date", "not-listed"), List.of(unlisted.get("line"), unlisted.get("column"),
                unlisted.get("rule")));
    }

    private Map<String, String> report(Path input, String name) throws Exception {
        JobRun run = launch(input, name);
        assertEquals(0, run.exitCode(), run.err());
        return hashes(work.resolve("out-" + name + "/latest"));
    }

    private JobRun launch(Path input, String name) {
        return JobRun.launch("--input", input.toString(), "--output", work.resolve("out-" + name).toString(), "--db",
                work.resolve("db-" + name).toString(), "--as-of", "2026-11-28");
    }

    private static Map<String, String> hashes(Path folder) throws Exception {
        Map<String, String> hashes = new LinkedHashMap<>();
        folder = folder.toRealPath(); // latest is a link: walked, it would yield only itself
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!NAMING_THE_INPUT.contains(f.getFileName().toString())) {
                    hashes.put(folder.relativize(f).toString(), InputFingerprint.sha256(f));
                }
            }
        }
        assertTrue(hashes.size() > 15, "every report file: " + hashes.keySet());
        return hashes;
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
