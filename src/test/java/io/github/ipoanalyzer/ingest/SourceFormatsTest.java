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
