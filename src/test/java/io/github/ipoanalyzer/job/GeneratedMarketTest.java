package io.github.ipoanalyzer.job;

import com.opencsv.CSVReader;
import io.github.ipoanalyzer.generate.MarketGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small generated market (8 listings × 400 days = 3,200 price rows, CNY and HKD) through the
 * whole job, checked against a computation written here from the input files alone: every
 * listing's first-day return and market value at the first close, and every row of the
 * market-value series (value, change since offer, running peak, drawdown). Then one trading day
 * is appended to every price file, as in the nightly run: only those rows are read, and the new
 * day is in the series.
 */
class GeneratedMarketTest {

    private static final int LISTINGS = 8;
    private static final int DAYS = 400;

    @TempDir
    Path work;

    @Test
    void theJobAgreesWithAnIndependentComputationAndTakesAnAppendedDay() throws Exception {
        Path market = work.resolve("market");
        MarketGenerator generator = new MarketGenerator(LISTINGS, DAYS, 7);
        generator.writeTo(market);
        String[] args = {"--input", market.toString(), "--output", work.resolve("out").toString(), "--db",
                work.resolve("db").toString(), "--as-of", "2030-01-01"};
        JobRun run = JobRun.launch(args);
        assertEquals(0, run.exitCode(), run.err());
        checkAgainstInputs(market);
        assertEquals(String.valueOf(LISTINGS * DAYS), sumOf(csv(work.resolve("out/latest/input-files.csv")),
                "rows_loaded", "prices/"), "every generated price row loaded");

        generator.appendOneDay(market);
        JobRun nightly = JobRun.launch(args);
        assertEquals(0, nightly.exitCode(), nightly.err());
        checkAgainstInputs(market);
        assertEquals(String.valueOf(LISTINGS * (DAYS + 1)), sumOf(csv(work.resolve("out/latest/input-files.csv")),
                "rows_loaded", "prices/"));
    }

    /** Recomputes the figures from listings.csv and prices/*.csv and compares them with the report. */
    private void checkAgainstInputs(Path market) throws Exception {
        Map<String, Map<String, String>> firstDay = new HashMap<>();
        csv(work.resolve("out/latest/first-day.csv")).forEach(r -> firstDay.put(r.get("ticker"), r));
        Map<String, List<Map<String, String>>> series = new HashMap<>();
        csv(work.resolve("out/latest/series/market-value")).stream().filter(r -> r.get("reference_price_kind").equals("close"))
                .forEach(r -> series.computeIfAbsent(r.get("ticker"), t -> new ArrayList<>()).add(r));

        List<String[]> listings = read(market.resolve("listings.csv"));
        assertEquals(LISTINGS, listings.size());
        for (String[] l : listings) {
            String ticker = l[0];
            BigDecimal offer = new BigDecimal(l[7]);
            BigDecimal shares = new BigDecimal(l[10]);
            List<String[]> prices = read(market.resolve("prices/" + ticker + ".csv"));
            // The generator writes one row per trading day from the listing day on, in date order.
            BigDecimal firstClose = new BigDecimal(prices.get(0)[5]);
            assertEquals(l[6], prices.get(0)[1], ticker + " trades from its listing day");
            assertEquals(fraction(firstClose.divide(offer, MathContext.DECIMAL128).subtract(BigDecimal.ONE)),
                    firstDay.get(ticker).get("first_day_return_close_vs_offer_fraction"), ticker);
            assertEquals(money(firstClose.multiply(shares)), firstDay.get(ticker).get("market_cap_at_first_close"), ticker);

            List<Map<String, String>> rows = series.get(ticker);
            assertEquals(prices.size(), rows.size(), ticker + ": one market value per close");
            BigDecimal offerCap = offer.multiply(shares);
            BigDecimal peak = null;
            for (int i = 0; i < prices.size(); i++) {
                BigDecimal cap = new BigDecimal(prices.get(i)[5]).multiply(shares);
                peak = peak == null || cap.compareTo(peak) > 0 ? cap : peak;
                Map<String, String> row = rows.get(i);
                String where = ticker + " " + prices.get(i)[1];
                assertEquals(prices.get(i)[1], row.get("date"), where);
                assertEquals(money(cap), row.get("market_cap_trading_currency"), where);
                assertEquals(fraction(cap.divide(offerCap, MathContext.DECIMAL128).subtract(BigDecimal.ONE)),
                        row.get("change_since_offer_fraction"), where);
                assertEquals(money(peak), row.get("peak_market_cap_to_date"), where);
                assertEquals(fraction(cap.divide(peak, MathContext.DECIMAL128).subtract(BigDecimal.ONE)),
                        row.get("drawdown_from_peak_fraction"), where);
            }
        }
    }

    private static String fraction(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String sumOf(List<Map<String, String>> rows, String column, String filePrefix) {
        return String.valueOf(rows.stream().filter(r -> r.get("file").startsWith(filePrefix))
                .mapToLong(r -> Long.parseLong(r.get(column))).sum());
    }

    /** Data rows of an input CSV, header dropped. */
    private static List<String[]> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file); CSVReader reader = new CSVReader(in)) {
            List<String[]> rows = reader.readAll();
            return rows.subList(1, rows.size());
        }
    }
}
