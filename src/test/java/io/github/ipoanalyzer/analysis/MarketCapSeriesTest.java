package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static io.github.ipoanalyzer.analysis.Fixtures.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketCapSeriesTest {

    @Test
    void changeSinceOfferPeakAndDrawdownOnAWorkedExample() {
        Listing listing = new Listing("T", "Test", null, "SSE", null, Currency.getInstance("CNY"),
                LocalDate.of(2025, 1, 2), new BigDecimal("10"), 500, 100L, 1000L, null, null);
        var series = MarketCapSeries.of(listing, Fixtures.NO_RATES, List.of(
                day("T", "2025-01-02", null, null, null, "20"),
                day("T", "2025-01-03", null, null, null, null),
                day("T", "2025-01-06", null, null, null, "30"),
                day("T", "2025-01-07", null, null, null, "15"))).orElseThrow();

        // Offer value 10 × 1,000 = 10,000; closes 20,000, 30,000, 15,000 (the day without a close is skipped).
        assertEquals(Money.of("10000", "CNY"), series.atOffer().cap());
        assertNull(series.atOffer().changeSinceOffer());
        assertEquals(3, series.closes().size());
        MarketCapPoint last = series.closes().get(2);
        assertEquals(0, last.cap().amount().compareTo(new BigDecimal("15000")));
        assertEquals(new BigDecimal("0.500000"), Rounding.fraction(last.changeSinceOffer()));   // 15,000 / 10,000 − 1
        assertEquals(0, last.peakToDate().amount().compareTo(new BigDecimal("30000")));
        assertEquals(LocalDate.of(2025, 1, 6), last.peakDate());
        assertEquals(new BigDecimal("-0.500000"), Rounding.fraction(last.drawdownFromPeak())); // 15,000 / 30,000 − 1
        assertEquals(new BigDecimal("0.000000"), Rounding.fraction(series.closes().get(1).drawdownFromPeak()));
    }

    @Test
    void mooreThreadsValueAtTheOfferAndTheFirstClose() {
        var series = MarketCapSeries.of(Fixtures.MOORE_THREADS, Fixtures.NO_RATES,
                List.of(day("688795.SH", "2025-12-05", "650.00", "688.00", "556.00", "600.50"))).orElseThrow();
        // 114.28 × 470,028,217 = 53,714,824,638.76; 600.50 × 470,028,217 = 282,251,944,308.50
        assertEquals(new BigDecimal("53714824638.76"), Rounding.money(series.atOffer().cap()));
        assertEquals(new BigDecimal("282251944308.50"), Rounding.money(series.closes().get(0).cap()));
    }

    @Test
    void unknownShareCountGivesNoSeries() {
        Listing noShares = new Listing("T", "Test", null, "SSE", null, Currency.getInstance("CNY"),
                LocalDate.of(2025, 1, 2), BigDecimal.TEN, 500, 100L, null, null, null);
        assertTrue(MarketCapSeries.of(noShares, Fixtures.NO_RATES, List.of()).isEmpty());
    }
}
