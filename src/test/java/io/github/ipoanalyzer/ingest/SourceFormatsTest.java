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
