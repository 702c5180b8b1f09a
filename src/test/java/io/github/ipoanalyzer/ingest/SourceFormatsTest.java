package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.DailyPrice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each source's sample (src/test/resources/sources/, the shipped GPU price points written as
 * that source writes them) gives exactly the prices of the project's own files.
 */
class SourceFormatsTest {

    private static final Path SHIPPED = Path.of("input");
    private static final Path SAMPLES = Path.of("src/test/resources/sources");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tushare", "akshare", "baostock", "yahoo", "yfinance", "tdx", "client"})
    void eachSourceGivesTheProjectFormatsPrices(String source) throws IOException {
        Path input = inputWith(SAMPLES.resolve(source));
        List<InputCheck.FileCheck> prices = priceChecks(input);
        boolean turnover = PriceSources.ALL.stream().filter(s -> s.id().equals(source)).findFirst().orElseThrow()
                .columns().containsKey("turnover");
        Set<String> read = prices.stream().flatMap(c -> c.rows().stream()).map(r -> key((DailyPrice) r, turnover))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> tickers = read.stream().map(k -> k.split(" ")[0]).collect(Collectors.toSet());
        Set<String> expected = priceChecks(SHIPPED).stream().flatMap(c -> c.rows().stream())
                .map(r -> key((DailyPrice) r, turnover)).filter(k -> tickers.contains(k.split(" ")[0]))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, read);
        assertTrue(tickers.size() >= 2, "each sample covers at least two listings: " + tickers);
        for (InputCheck.FileCheck c : prices) {
            assertNull(c.failure(), c.file());
            assertEquals(List.of(), c.rejects(), c.file());
            assertTrue(c.notices().stream().anyMatch(n -> n.startsWith("read as ")), c.file() + ": " + c.notices());
        }
    }

    @Test
    void unitsAreConvertedAndSaid() throws IOException {
        Path input = inputWith(SAMPLES.resolve("tushare"));
        InputCheck.FileCheck metax = priceChecks(input).stream().filter(c -> c.file().endsWith("688802.SH.csv"))
                .findFirst().orElseThrow();
        DailyPrice listingDay = metax.rows().stream().map(DailyPrice.class::cast)
                .filter(p -> p.date().toString().equals("2025-12-17")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("11259000000").compareTo(listingDay.turnover()), "11259000.0 千元 is 11,259,000,000 CNY");
        assertTrue(metax.notices().contains("read as Tushare pro daily / hk_daily: ts_code → ticker, trade_date → date "
                + "(YYYYMMDD), open, high, low, close, vol → volume (× 100 shares for A-shares, × 1 for HKEX), "
                + "amount → turnover (× 1000 currency units for A-shares, × 1 for HKEX); ignored: pre_close, change, pct_chg"),
                metax.notices().toString());
    }

    @Test
    void gbkIsRecognisedAndSaid() throws IOException {
        Path input = inputWith(SAMPLES.resolve("tdx"));
        InputCheck.FileCheck tdx = priceChecks(input).stream().filter(c -> c.file().endsWith("SH#688802.txt"))
                .findFirst().orElseThrow();
        assertTrue(tdx.notices().contains("read as GB18030 (GBK) text: it is not UTF-8"), tdx.notices().toString());
        assertTrue(tdx.notices().stream().anyMatch(n -> n.contains("ticker 688802.SH from the title line")),
                tdx.notices().toString());
    }

    @Test
    void adjustedPricesAreRefusedWithHowToExportUnadjusted() throws IOException {
        Path input = inputWith(SAMPLES.resolve("tdx"));
        write(input, "SH#688795.txt", "688795 摩尔线程 日线 前复权\r\n日期\t开盘\t最高\t最低\t收盘\t成交量\t成交额\r\n"
                + "2025/12/05\t650.00\t688.00\t556.00\t600.50\t\t\r\n", "GBK");
        write(input, "6082.HK.csv", "Date,Open,High,Low,Close,Volume\n2026-01-02,35.7,42.88,,34.46,\n", "UTF-8");
        write(input, "688802.csv", "date,code,open,high,low,close,volume,amount,adjustflag,tradestatus\n"
                + "2025-12-17,sh.688802,700,895,,829.9,,,2,1\n2025-12-19,sh.688802,,,,703.35,,,3,0\n", "UTF-8");
        assertTrue(check(input, "SH#688795.txt").failure().contains("holds forward-adjusted (前复权) prices"),
                check(input, "SH#688795.txt").toString());
        assertTrue(check(input, "6082.HK.csv").failure().contains("without an Adj Close column: its Close is then "
                + "adjusted"), check(input, "6082.HK.csv").toString());
        List<InputCheck.Reject> rejects = check(input, "688802.csv").rejects();
        assertEquals(List.of("adjustflag 2 adjusted-price", "tradestatus 0 suspended"),
                rejects.stream().map(r -> r.column() + " " + r.rawValue() + " " + r.rule()).toList());
        assertTrue(rejects.get(0).reason().contains("forward-adjusted (前复权) prices") && rejects.get(0).reason()
                .contains("export with adjustflag=\"3\" (不复权, unadjusted)"), rejects.get(0).reason());
    }

    @Test
    void codesAndDatesThatCannotBeReadAreRejectedNamingTheSourcesColumn() throws IOException {
        Path input = inputWith(SAMPLES.resolve("tushare"));
        write(input, "daily.csv", "ts_code,trade_date,open,high,low,close,vol,amount\n"
                + "787795.SH,20251205,650,688,556,600.5,,\n787795,20251205,650,688,556,600.5,,\n"
                + "688795.SH,2025125,650,688,556,600.5,,\n", "UTF-8");
        write(input, "prices.csv", "日期,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率\n2025-12-05,650,600.5,688,556,,,,,,\n",
                "UTF-8");
        List<InputCheck.Reject> rejects = check(input, "daily.csv").rejects();
        assertEquals(List.of("2 ts_code 787795.SH ticker-not-in-listings", "3 ts_code 787795 ticker-form",
                "4 trade_date 2025125 date-format"), rejects.stream().map(r -> r.line() + " " + r.column() + " "
                + r.rawValue() + " " + r.rule()).toList());
        assertEquals("trade_date '2025125' is not a date written YYYYMMDD", rejects.get(2).reason());
        assertTrue(rejects.get(1).reason().contains("subscription code (申购代码)"), rejects.get(1).reason());
        assertTrue(check(input, "prices.csv").failure().contains("has no ticker column, and neither its name"),
                check(input, "prices.csv").toString());
    }

    @Test
    void volumeInLotsOrTurnoverInThousandsIsCaughtByTheAveragePrice() throws IOException {
        Path input = inputWith(SAMPLES.resolve("tushare"));
        // Tushare: 1,000 手 and 65,000 千元 are 100,000 shares for 65,000,000 CNY: 650 a share, within the day.
        write(input, "688795.SH.csv", "ts_code,trade_date,open,high,low,close,vol,amount\n"
                + "688795.SH,20251205,650,688,556,600.5,1000,65000\n", "UTF-8");
        // The project's own format with volume in 手: 65,000 a share, far above the day's 688.
        write(input, "own.csv", "ticker,date,open,high,low,close,volume,turnover\n"
                + "688795.SH,2025-12-11,,941.08,,941.08,1000,65000000\n", "UTF-8");
        // A client export that states its units in the header.
        write(input, "688802.txt", "日期\t开盘\t最高\t最低\t收盘\t成交量(股)\t成交额(万元)\n"
                + "2025-12-17\t700\t895\t\t829.9\t15000000\t1125900\n", "UTF-8");
        DailyPrice tushare = (DailyPrice) check(input, "688795.SH.csv").rows().get(0);
        assertEquals(100_000L, tushare.volume());
        assertEquals(0, new BigDecimal("65000000").compareTo(tushare.turnover()));
        InputCheck.Reject own = check(input, "own.csv").rejects().get(0);
        assertEquals("volume 1000", own.column() + " " + own.rawValue());
        assertEquals("volume-units", own.rule());
        assertEquals("turnover / volume = 65000 per share, far from the day's prices 941.08 to 941.08: volume must be in "
                + "shares (not 手 of 100) and turnover in the trading currency (not 千元 or 万元)", own.reason());
        DailyPrice client = (DailyPrice) check(input, "688802.txt").rows().get(0);
        assertEquals(15_000_000L, client.volume());
        assertEquals(0, new BigDecimal("11259000000").compareTo(client.turnover()));
    }

    @Test
    void aTitleOrTickerRowThatContradictsTheFileNameRefusesTheFile() throws IOException {
        Path input = inputWith(SAMPLES.resolve("yfinance"));
        write(input, "SH#688802.txt", "688795 摩尔线程 日线 不复权\n日期\t开盘\t最高\t最低\t收盘\t成交量\t成交额\n", "GBK");
        write(input, "two.csv", "Price,Adj Close,Close,High,Low,Open,Volume\nTicker,9903.HK,6082.HK,,,,\nDate,,,,,,\n",
                "UTF-8");
        assertTrue(check(input, "SH#688802.txt").failure().endsWith("the title line names 688795.SH but the file name "
                + "names 688802.SH: which one the prices are of is unclear"), check(input, "SH#688802.txt").toString());
        assertTrue(check(input, "two.csv").failure().endsWith("holds several tickers (9903.HK, 6082.HK): download one "
                + "ticker per file"), check(input, "two.csv").toString());
    }

    @Test
    void anExportsTrailingSeparatorIsNoField() throws IOException {
        Path input = inputWith(SAMPLES.resolve("tdx"));
        write(input, "SH#688795.txt", "688795 摩尔线程 日线 不复权\r\n日期\t开盘\t最高\t最低\t收盘\t成交量\t成交额\t\r\n"
                + "2025/12/05\t650.00\t688.00\t556.00\t600.50\t\t\t\r\n数据来源:通达信\r\n", "GBK");
        InputCheck.FileCheck tdx = check(input, "SH#688795.txt");
        assertEquals(List.of(), tdx.rejects());
        assertTrue(tdx.notices().stream().noneMatch(n -> n.startsWith("column(s) not used")), tdx.notices().toString());
        assertEquals(0, new BigDecimal("600.50").compareTo(((DailyPrice) tdx.rows().get(0)).close()));
    }

    @Test
    void aUnitInTheHeaderIsConvertedExactlyAndAnUnknownOneRefusesTheFile() throws IOException {
        Path input = inputWith(SAMPLES.resolve("akshare"));
        String header = "日期,股票代码,开盘,收盘,最高,最低,成交量,%s,振幅,涨跌幅,涨跌额,换手率\n";
        String row = "2025-12-17,688802,700.0,829.9,895.0,,820000,%s,,,,\n";
        // 820,000 手 are 82,000,000 shares; 60,050.0 百万元 are 60,050,000,000 CNY: 732.3 a share, within the day.
        write(input, "millions.csv", header.formatted("成交额(百万元)") + row.formatted("60050.0"), "UTF-8");
        write(input, "dollars.csv", header.formatted("成交额(千美元)") + row.formatted("8400000"), "UTF-8");
        write(input, "lots.csv", header.formatted("成交额(手)") + row.formatted("600500"), "UTF-8");
        DailyPrice millions = (DailyPrice) check(input, "millions.csv").rows().get(0);
        assertEquals(82_000_000L, millions.volume());
        assertEquals(0, new BigDecimal("60050000000").compareTo(millions.turnover()), millions.turnover().toPlainString());
        assertEquals("prices/dollars.csv: its column 成交额(千美元) is in 千美元, which is no unit of turnover this tool "
                + "knows (元, 港元, 千元, 万元, 百万元, 亿元, 千港元, 万港元, 百万港元, 亿港元): convert the column to one of "
                + "them and name that unit in the header", check(input, "dollars.csv").failure());
        assertTrue(check(input, "lots.csv").failure().startsWith("prices/lots.csv: its column 成交额(手) is in 手, which "
                + "is no unit of turnover"), check(input, "lots.csv").failure());
    }

    @Test
    void aTimeWithAnOffsetIsTheDateAtTheExchange() throws IOException {
        Path input = inputWith(SAMPLES.resolve("yfinance"));
        String header = "Price,Adj Close,Close,High,Low,Open,Volume\nTicker,%1$s,%1$s,%1$s,%1$s,%1$s,%1$s\nDate,,,,,,\n";
        // 16:00 UTC is midnight in Hong Kong and Shanghai: the next day there.
        write(input, "9903.HK.csv", header.formatted("9903.HK") + "2026-01-08 16:00:00+00:00,150.0,150.0,,,,\n"
                + "2026-01-11 16:00:00+00:00,151.0,151.0,,,,\n", "UTF-8");
        write(input, "688802.SS.csv", header.formatted("688802.SS") + "2025-12-16T16:30:00Z,829.9,829.9,,,,\n"
                + "2025-12-19 00:00:00+08:00,703.35,703.35,,,,\n", "UTF-8");
        InputCheck.FileCheck hk = check(input, "9903.HK.csv");
        assertEquals(List.of(), hk.rejects());
        assertEquals(List.of("2026-01-09", "2026-01-12"), hk.rows().stream().map(r -> ((DailyPrice) r).date().toString()).toList());
        assertEquals(List.of("2025-12-17", "2025-12-19"), check(input, "688802.SS.csv").rows().stream()
                .map(r -> ((DailyPrice) r).date().toString()).toList());
    }

    @Test
    void aTdxExportWithoutItsTitleLineIsReadOnlyWhenItsUnitsAreCertain() throws IOException {
        Path input = inputWith(SAMPLES.resolve("tdx"));
        String header = "日期\t开盘\t最高\t最低\t收盘\t%s\t成交额\r\n";
        String row = "2025/12/05\t650.00\t688.00\t556.00\t600.50\t50000000\t\r\n";
        write(input, "SH#688795.txt", header.formatted("成交量") + row, "GBK");
        write(input, "688795.SH.txt", header.formatted("成交量(股)") + row, "GBK");
        assertEquals("prices/SH#688795.txt has the columns of a 通达信 (TDX) export without its title line, and of a "
                + "同花顺 / 东方财富 client export: its 成交量 is in 股 in the one and in 手 in the other. Add the title line "
                + "the 通达信 (TDX) export writes above the header (such as '688802 沐曦股份 日线 不复权'), or name the unit in the "
                + "header: 成交量(股) or 成交量(手)", check(input, "SH#688795.txt").failure());
        assertEquals(50_000_000L, ((DailyPrice) check(input, "688795.SH.txt").rows().get(0)).volume());
        // Separated by commas it is no client export either: only the title line is lacking.
        write(input, "SH#688802.txt", "日期,开盘,最高,最低,收盘,成交量,成交额\r\n2025/12/17,700.00,895.00,,829.90,,\r\n", "GBK");
        assertEquals("prices/SH#688802.txt has the columns of a 通达信 (TDX) export without the title line it writes "
                + "above them (such as '688802 沐曦股份 日线 不复权'): add that line back", check(input, "SH#688802.txt").failure());
    }

    @Test
    void implausibleUnitsAreExplainedTheSourcesWay() throws IOException {
        Path input = inputWith(SAMPLES.resolve("akshare"));
        // AKShare writes 成交量 in 手: a file whose 成交量 is in shares reads 100 times the volume, 6.505 a share.
        write(input, "shares.csv", "日期,股票代码,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率\n"
                + "2025-12-05,688795,650.0,600.5,688.0,556.0,100000,65050000,,,,\n", "UTF-8");
        InputCheck.Reject reject = check(input, "shares.csv").rejects().get(0);
        assertEquals("成交量 100000 volume-units", reject.column() + " " + reject.rawValue() + " " + reject.rule());
        assertEquals("turnover / volume = 6.505 per share, far from the day's prices 556 to 688: 成交量 is read in 手 "
                + "(100 shares) and 成交额 in 元, as AKShare stock_zh_a_hist / stock_hk_hist writes them; if this file's "
                + "are in other units, name them in the header, such as 成交量(股)", reject.reason());
    }

    @Test
    void aRenamedColumnIsNamedBesideTheOneExpected() throws IOException {
        Path input = inputWith(SAMPLES.resolve("akshare"));
        write(input, "own.csv", "ticker,交易日,close\n688795.SH,2025-12-05,600.5\n", "UTF-8");
        write(input, "renamed.csv", "交易日,股票代码,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率\n"
                + "2025-12-05,688795,650.0,600.5,688.0,556.0,,,,,,\n", "UTF-8");
        assertEquals("prices/own.csv has '交易日' where 'date' was expected: rename the column to date",
                check(input, "own.csv").failure());
        assertEquals("prices/renamed.csv looks like an AKShare stock_zh_a_hist / stock_hk_hist file but has '交易日' "
                + "where '日期' was expected: rename the column to 日期", check(input, "renamed.csv").failure());
    }

    @Test
    void aHugeHeaderIsQuotedByItsStart() throws IOException {
        Path input = inputWith(SAMPLES.resolve("akshare"));
        // 40 KB on one line (a 3.9 MB header is quoted the same way): 6,000 distinct names, then three names 6,500 times.
        String distinct = java.util.stream.IntStream.range(0, 6_000).mapToObj(i -> "c" + i)
                .collect(Collectors.joining(","));
        write(input, "huge.csv", distinct + "\n1,2,3\n", "UTF-8");
        write(input, "repeated.csv", "a,b,c,".repeat(6_500) + "\n1,2,3\n", "UTF-8");
        String failure = check(input, "huge.csv").failure();
        assertEquals("prices/huge.csv lacks the column(s) ticker, date; its header is: " + distinct.substring(0, 200)
                + String.format(java.util.Locale.ROOT, "… (%,d characters)", distinct.length()) + "; nor is it an export "
                + "this tool recognises (see the README's \"Where your data comes from\")", failure);
        String repeated = check(input, "repeated.csv").failure();
        assertTrue(repeated.length() < 600 && repeated.contains("… (") && repeated.endsWith("Remove or rename the repeats."),
                repeated.length() + " characters: " + repeated.substring(0, 300));
    }

    @Test
    void aBadByteInGbkIsReportedOnItsLineAndByte() throws IOException {
        Path input = inputWith(SAMPLES.resolve("tdx"));
        String row = "2025/12/05\t650.00\t688.00\t556.00\t600.50\t\t\r\n";
        byte[] head = ("688795 摩尔线程 日线 不复权\r\n日期\t开盘\t最高\t最低\t收盘\t成交量\t成交额\r\n" + row.repeat(3))
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        // 0x81 opens a two-byte GBK character; a tab cannot end it.
        byte[] bad = java.util.Arrays.copyOf(head, head.length + 2);
        bad[head.length] = (byte) 0x81;
        bad[head.length + 1] = '\t';
        Files.write(input.resolve("prices/SH#688795.txt"), bad);
        assertEquals("prices/SH#688795.txt is read as GB18030 (GBK) text, but line 6 has a byte that is not GB18030 (byte "
                + "offset " + head.length + "): correct or remove it, or save the file again as UTF-8",
                check(input, "SH#688795.txt").failure());
    }

    private static void write(Path input, String name, String text, String charset) throws IOException {
        Files.write(input.resolve("prices").resolve(name), text.getBytes(java.nio.charset.Charset.forName(charset)));
    }

    private static InputCheck.FileCheck check(Path input, String name) {
        return priceChecks(input).stream().filter(c -> c.file().equals("prices/" + name)).findFirst().orElseThrow();
    }

    private Path inputWith(Path samples) throws IOException {
        Path input = dir.resolve("input-" + samples.getFileName());
        Files.createDirectories(input.resolve("prices"));
        Files.copy(SHIPPED.resolve("listings.csv"), input.resolve("listings.csv"));
        Files.copy(SHIPPED.resolve("calendars.csv"), input.resolve("calendars.csv"));
        try (Stream<Path> files = Files.list(samples)) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve("prices").resolve(f.getFileName()));
            }
        }
        return input;
    }

    private static List<InputCheck.FileCheck> priceChecks(Path input) {
        return InputCheck.check(input).stream().filter(c -> c.file().startsWith("prices/")).toList();
    }

    /** A price without its note (the sources have no note column), and without turnover where the source has none (Yahoo). */
    private static String key(DailyPrice p, boolean withTurnover) {
        return p.ticker() + " " + p.date() + " " + plain(p.open()) + " " + plain(p.high()) + " " + plain(p.low()) + " "
                + plain(p.close()) + " " + p.volume() + " " + (withTurnover ? plain(p.turnover()) : "");
    }

    private static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }

}
