package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.eventstudy.IphoneExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The published example of an established event-study package ({@link IphoneExample}), end to end
 * through the job, its input written as a US user would: AAPL in listings.csv without offer terms
 * (a seasoned stock), its closes and SPY's levels built from the package's daily returns (a base
 * of 100, to 10 decimals), the event in events.csv, the settings on the command line. The CARs of
 * abnormal-returns.csv are the package's printed ones, to its 3 decimals. Skipped, saying so,
 * where the package's returns are absent.
 */
class PublishedExampleJobTest {

    @TempDir
    Path work;

    @Test
    void theIphoneAnnouncementThroughTheJobGivesThePackagesCars() throws Exception {
        IphoneExample example = IphoneExample.load();
        Path input = work.resolve("input");
        Files.createDirectories(input.resolve("prices"));
        List<String> prices = new ArrayList<>(List.of("ticker,date,close"));
        List<String> levels = new ArrayList<>(List.of("index,date,close"));
        BigDecimal stock = new BigDecimal("100");
        BigDecimal market = new BigDecimal("100");
        for (int i = 0; i < example.days().size(); i++) {
            String[] row = example.days().get(i);
            if (i > 0) {
                stock = stock.multiply(BigDecimal.ONE.add(new BigDecimal(row[1]))).setScale(10, RoundingMode.HALF_EVEN);
                market = market.multiply(BigDecimal.ONE.add(new BigDecimal(row[2]))).setScale(10, RoundingMode.HALF_EVEN);
            }
            prices.add("AAPL," + row[0] + "," + stock.toPlainString());
            levels.add("SPY," + row[0] + "," + market.toPlainString());
        }
        String listed = example.days().get(0)[0];
        Files.writeString(input.resolve("listings.csv"), "ticker,name_en,exchange,currency,listing_date,offer_price,"
                + "lot_shares,shares_offered\nAAPL,Apple,NASDAQ,USD," + listed + ",,,\n", StandardCharsets.UTF_8);
        Files.write(input.resolve("prices/AAPL.csv"), prices, StandardCharsets.UTF_8);
        Files.write(input.resolve("benchmarks.csv"), levels, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("benchmark-map.csv"), "exchange,board,ticker,benchmark\nNASDAQ,,,SPY\n",
                StandardCharsets.UTF_8);
        Files.writeString(input.resolve("events.csv"), "ticker,date,kind,description\n"
                + "AAPL,2007-01-09,product announcement,the iPhone\n", StandardCharsets.UTF_8);
        StringBuilder windows = new StringBuilder();
        for (int tau = -2; tau <= 10; tau++) {
            windows.append(windows.isEmpty() ? "" : " ").append("[-2,").append(tau > 0 ? "+" : "").append(tau).append(']');
        }

        JobRun run = JobRun.launch("--input", input.toString(), "--output", work.resolve("out").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2007-12-31", "--settle-seconds=0",
                "--ipo.event-windows=" + windows, "--ipo.estimation-window-start=-332",
                "--ipo.estimation-gap-days=30", "--ipo.market-model-min-days=300");
        assertEquals(0, run.exitCode(), run.out() + run.err());

        List<Map<String, String>> cars = csv(work.resolve("out/latest/abnormal-returns.csv")).stream()
                .filter(r -> r.get("event_kind").equals("product announcement")).toList();
        assertEquals(13, cars.size(), cars.toString());
        for (int tau = -2; tau <= 10; tau++) {
            Map<String, String> car = cars.get(tau + 2);
            assertEquals("[-2," + (tau > 0 ? "+" : "") + tau + "]", car.get("window"));
            assertEquals("market model", car.get("model"));
            assertEquals("300", car.get("estimation_days"));
            assertEquals(new BigDecimal(IphoneExample.CAR[tau + 2]), new BigDecimal(car.get("car_fraction"))
                    .setScale(3, RoundingMode.HALF_EVEN), "CAR(-2, " + tau + ")");
        }
    }
}
