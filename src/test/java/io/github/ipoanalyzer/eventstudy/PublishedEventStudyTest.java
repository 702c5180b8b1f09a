package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The published example of an established open-source event-study package, reproduced to the
 * digits it prints: Jean-Baptiste Lemaire's eventstudy (github.com/LemaireJean-Baptiste/eventstudy),
 * "Eventstudy Example.ipynb": the market model of AAPL against SPY around the iPhone's
 * announcement on 2007-01-09, event window (−2, +10), estimation over 300 days ending 30 days
 * (the buffer) before the window, on the daily returns of its example/returns_GAFAM.csv. Its
 * printed AR and CAR (3 decimals) are below.
 * <p>
 * The returns file is that project's data, not this project's: the test reads it from
 * {@code -Deventstudy.example.returns=PATH} (default {@code ../shared/fixtures/eventstudy/returns_GAFAM.csv})
 * and is skipped, saying so, where it is absent.
 */
class PublishedEventStudyTest {

    private static final String[] AR = {"0.004", "-0.003", "0.083", "0.041", "-0.020", "-0.025", "0.028", "-0.024",
            "-0.058", "-0.011", "-0.016", "-0.018", "-0.002"};
    private static final String[] CAR = {"0.004", "0.000", "0.083", "0.125", "0.104", "0.079", "0.107", "0.083",
            "0.024", "0.014", "-0.002", "-0.021", "-0.023"};

    @Test
    void theMarketModelOfApplesIphoneAnnouncementAsTheEventstudyPackagePrintsIt() throws Exception {
        Path returns = Path.of(System.getProperty("eventstudy.example.returns",
                "../shared/fixtures/eventstudy/returns_GAFAM.csv"));
        assumeTrue(Files.isReadable(returns), "the eventstudy package's example returns are not at " + returns
                + " (-Deventstudy.example.returns=PATH): the published example is not checked");
        List<String> lines = Files.readAllLines(returns);
        List<String> header = List.of(lines.get(0).split(","));
        int aapl = header.indexOf("AAPL");
        int spy = header.indexOf("SPY");
        int event = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("2007-01-09,")) {
                event = i;
            }
        }
        // The package's sample: 2 + 30 + 300 days before the event to 10 after; prices are built from its returns
        // (a base of 100 on the day before), so that the returns this project computes are the package's exactly.
        int first = event - 332 - 1;
        List<LocalDate> days = new ArrayList<>();
        List<DailyPrice> prices = new ArrayList<>();
        Map<LocalDate, BigDecimal> levels = new HashMap<>();
        BigDecimal stock = new BigDecimal("100");
        BigDecimal market = new BigDecimal("100");
        for (int i = first; i <= event + 10; i++) {
            String[] row = lines.get(i).split(",");
            LocalDate day = LocalDate.parse(row[0]);
            if (i > first) {
                stock = stock.multiply(BigDecimal.ONE.add(new BigDecimal(row[aapl])));
                market = market.multiply(BigDecimal.ONE.add(new BigDecimal(row[spy])));
            }
            days.add(day);
            levels.put(day, market);
            prices.add(new DailyPrice("AAPL", day, null, null, null, stock, null, null, null));
        }
        Listing listing = new Listing("AAPL", "Apple", null, "NASDAQ", null, Currency.getInstance("USD"), days.get(0),
                new BigDecimal("100"), 1, 1L, null, null, null);
        ListingReturns r = new ListingReturns(listing, prices, TradingCalendar.of(days),
                new BenchmarkSeries("SPY", levels, Map.of()));
        int eventDay = event - first;
        EstimationWindow estimation = new EstimationWindow(-332, 30, 300);

        BigDecimal previous = BigDecimal.ZERO;
        for (int tau = -2; tau <= 10; tau++) {
            CumulativeAbnormalReturn car = CumulativeAbnormalReturn.of(r, eventDay, new EventWindow(-2, tau), estimation);
            assertEquals(CumulativeAbnormalReturn.MARKET_MODEL, car.model());
            assertEquals(300, car.estimationDays());
            assertEquals(new BigDecimal(CAR[tau + 2]), car.car().setScale(3, RoundingMode.HALF_EVEN), "CAR to day " + tau);
            assertEquals(new BigDecimal(AR[tau + 2]), car.car().subtract(previous).setScale(3, RoundingMode.HALF_EVEN),
                    "AR of day " + tau);
            previous = car.car();
            // The package prints the AR's standard error sqrt(SSE / 300): 0.02245. This project divides by the
            // residual degrees of freedom, 298; scaled back, the same figure.
            assertEquals(new BigDecimal("0.02245"), car.residualSd().multiply(
                    new BigDecimal("298").divide(new BigDecimal("300"), java.math.MathContext.DECIMAL128)
                            .sqrt(java.math.MathContext.DECIMAL128)).setScale(5, RoundingMode.HALF_EVEN));
        }
    }
}
