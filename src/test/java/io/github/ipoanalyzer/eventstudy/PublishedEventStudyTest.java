package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The published example of an established open-source event-study package ({@link IphoneExample}),
 * reproduced to the digits it prints, from prices built from its returns (a base of 100 on the day
 * before), so that the returns this project computes are the package's exactly.
 */
class PublishedEventStudyTest {

    @Test
    void theMarketModelOfApplesIphoneAnnouncementAsTheEventstudyPackagePrintsIt() throws Exception {
        IphoneExample example = IphoneExample.load();
        List<LocalDate> days = new ArrayList<>();
        List<DailyPrice> prices = new ArrayList<>();
        Map<LocalDate, BigDecimal> levels = new HashMap<>();
        BigDecimal stock = new BigDecimal("100");
        BigDecimal market = new BigDecimal("100");
        for (int i = 0; i < example.days().size(); i++) {
            String[] row = example.days().get(i);
            LocalDate day = LocalDate.parse(row[0]);
            if (i > 0) {
                stock = stock.multiply(BigDecimal.ONE.add(new BigDecimal(row[1])));
                market = market.multiply(BigDecimal.ONE.add(new BigDecimal(row[2])));
            }
            days.add(day);
            levels.put(day, market);
            prices.add(new DailyPrice("AAPL", day, null, null, null, stock, null, null, null));
        }
        Listing listing = new Listing("AAPL", "Apple", null, "NASDAQ", null, Currency.getInstance("USD"), days.get(0),
                new BigDecimal("100"), 1, 1L, null, null, null);
        ListingReturns r = new ListingReturns(listing, prices, TradingCalendar.of(days),
                new BenchmarkSeries("SPY", levels, Map.of()));
        int eventDay = example.event();
        EstimationWindow estimation = new EstimationWindow(-332, 30, 300);

        BigDecimal previous = BigDecimal.ZERO;
        for (int tau = -2; tau <= 10; tau++) {
            CumulativeAbnormalReturn car = CumulativeAbnormalReturn.of(r, eventDay, new EventWindow(-2, tau), estimation);
            assertEquals(CumulativeAbnormalReturn.MARKET_MODEL, car.model());
            assertEquals(300, car.estimationDays());
            assertEquals(new BigDecimal(IphoneExample.CAR[tau + 2]), car.car().setScale(3, RoundingMode.HALF_EVEN), "CAR to day " + tau);
            assertEquals(new BigDecimal(IphoneExample.AR[tau + 2]), car.car().subtract(previous).setScale(3, RoundingMode.HALF_EVEN),
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
