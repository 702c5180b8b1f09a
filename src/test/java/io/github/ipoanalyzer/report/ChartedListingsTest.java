package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.money.FxRates;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The charts show the largest IPOs by proceeds in CNY; an amount in another currency is never compared unconverted. */
class ChartedListingsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    private static Listing ipo(String ticker, String currency, String offerPrice, long shares) {
        return new Listing(ticker, ticker, null, currency.equals("CNY") ? "SSE" : "HKEX", "main",
                Currency.getInstance(currency), DAY, new BigDecimal(offerPrice), 100, shares, null, null, null, null);
    }

    @Test
    void theLargestInCnyComeFirstThenThoseWithoutARateThenPeers() {
        Listing a = ipo("A.SH", "CNY", "10", 100);        // CNY 1,000
        Listing b = ipo("B.HK", "USD", "10", 10_000);     // USD 100,000, no USD rate: not comparable
        Listing c = ipo("C.HK", "HKD", "5", 100);         // HKD 500 × 0.9 = CNY 450
        Listing d = ipo("D.HK", "HKD", "20", 100);        // HKD 2,000 × 0.9 = CNY 1,800
        Listing peer = new Listing("P.SH", "P", null, "SSE", "main", Currency.getInstance("CNY"), DAY, null, 0, 0,
                null, null, null, null);
        FxRates rates = new FxRates(List.of(new FxRate(DAY, Currency.getInstance("HKD"), new BigDecimal("0.9"))));
        List<Listing> all = List.of(peer, b, a, c, d);

        assertEquals(List.of("D.HK", "A.SH"), List.copyOf(ChartedListings.largestByProceeds(all, rates, 2)));
        assertEquals(List.of("D.HK", "A.SH", "C.HK", "B.HK", "P.SH"),
                List.copyOf(ChartedListings.largestByProceeds(all, rates, 5)));
    }
}
