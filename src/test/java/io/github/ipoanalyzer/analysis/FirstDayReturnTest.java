package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.ExchangeHoliday;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static io.github.ipoanalyzer.analysis.Fixtures.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstDayReturnTest {

    private static final LocalDate LISTED = LocalDate.of(2025, 12, 5);

    @Test
    void mooreThreadsReturnsFromTheOfferPrice() {
        FirstDay day = FirstDay.locate(LISTED, List.of(day("688795.SH", "2025-12-05", "650.00", "688.00", "556.00", "600.50")), 5);
        FirstDayReturn r = FirstDayReturn.of(new BigDecimal("114.28"), day);

        // 600.50 / 114.28 − 1 = 486.22 / 114.28 = 4.2546377…: +425.46% as published.
        assertEquals(new BigDecimal("4.254638"), Rounding.fraction(r.atClose()));
        assertEquals(new BigDecimal("425.46"), r.atClose().movePointRight(2).setScale(2, Rounding.MODE));
        // 650 / 114.28 − 1 = 535.72 / 114.28; 688 / 114.28 − 1 = 573.72 / 114.28; 556 / 114.28 − 1 = 441.72 / 114.28
        assertEquals(new BigDecimal("4.687784"), Rounding.fraction(r.atOpen()));
        assertEquals(new BigDecimal("5.020301"), Rounding.fraction(r.atHigh()));
        assertEquals(new BigDecimal("3.865243"), Rounding.fraction(r.atLow()));
        // Intraday 600.50 / 650 − 1 = −49.5 / 650 = −0.0761538…
        assertEquals(new BigDecimal("-0.076154"), Rounding.fraction(r.intraday()));
        assertFalse(r.brokeAtClose());
        assertFalse(r.brokeAtLow());
    }

    @Test
    void theOtherThreeGpuIposMatchThePublishedFigures() {
        assertEquals(new BigDecimal("6.929486"), closeReturn("2025-12-17", "104.66", "829.90")); // +692.95%
        assertEquals(new BigDecimal("0.758163"), closeReturn("2026-01-02", "19.60", "34.46"));   // +75.82%
        assertEquals(new BigDecimal("0.084371"), closeReturn("2026-01-08", "144.60", "156.80")); // +8.44%
    }

    private static BigDecimal closeReturn(String date, String offer, String close) {
        FirstDay day = FirstDay.locate(LocalDate.parse(date), List.of(day("X", date, null, null, null, close)), 5);
        return Rounding.fraction(FirstDayReturn.of(new BigDecimal(offer), day).atClose());
    }

    @Test
    void unknownPricesStayUnknown() {
        // Iluvatar CoreX: open and close known, high and low not published.
        FirstDay day = FirstDay.locate(LocalDate.of(2026, 1, 8),
                List.of(day("9903.HK", "2026-01-08", "190.20", null, null, "156.80")), 5);
        FirstDayReturn r = FirstDayReturn.of(new BigDecimal("144.60"), day);
        assertNull(r.atHigh());
        assertNull(r.atLow());
        assertNull(r.brokeAtLow());
        assertEquals(new BigDecimal("0.315353"), Rounding.fraction(r.atOpen())); // 45.60 / 144.60
    }

    @Test
    void aMissingListingDayCloseIsTakenFromTheFirstLaterCloseWithinTheLimitAndSaysSo() {
        var prices = List.of(day("X", "2025-12-05", "12.00", "13.00", "9.00", null),
                day("X", "2025-12-08", null, null, null, null),
                day("X", "2025-12-09", null, null, null, "11.00"));
        FirstDay day = FirstDay.locate(LISTED, prices, 5);
        assertEquals(new BigDecimal("11.00"), day.close());
        assertEquals(LocalDate.of(2025, 12, 9), day.closeDate());
        assertEquals(2, day.closeLagTradingDays());
        FirstDayReturn r = FirstDayReturn.of(new BigDecimal("10.00"), day);
        assertEquals(new BigDecimal("0.100000"), Rounding.fraction(r.atClose()));
        assertNull(r.intraday(), "no intraday return when the close is not the listing day's");
        assertTrue(r.brokeAtLow(), "low 9.00 under the offer 10.00");
        assertFalse(r.brokeAtClose());
    }

    @Test
    void noCloseWithinTheLimitLeavesTheFirstDayReturnUnknown() {
        var prices = List.of(day("X", "2025-12-05", "12.00", null, null, null),
                day("X", "2025-12-08", null, null, null, null),
                day("X", "2025-12-09", null, null, null, "11.00"));
        FirstDay day = FirstDay.locate(LISTED, prices, 1);
        assertNull(day.close());
        assertNull(FirstDayReturn.of(new BigDecimal("10.00"), day).atClose());
    }

    /** SSE's 2025 calendar: weekdays are sessions but for these holidays. */
    private static final TradingDays SSE_2025 = new TradingDays(List.of(
            new ExchangeHoliday("SSE", LocalDate.of(2025, 10, 1), "National Day"),
            new ExchangeHoliday("SSE", LocalDate.of(2025, 12, 31), "test: a closure in the last month")));

    @Test
    void theLagToTheFirstCloseCountsTheExchangesSessionsNotThePriceRows() {
        // Listed Friday 2025-12-05 with no row that day; the first row is Tuesday 12-09: one row later, but two
        // sessions (Monday 12-08 and Tuesday 12-09).
        FirstDay day = FirstDay.locate(LISTED, List.of(day("X", "2025-12-09", null, null, null, "11.00")), 5,
                SSE_2025, "SSE");
        assertEquals(2, day.closeLagTradingDays());
        assertEquals(new BigDecimal("11.00"), day.close());
        assertEquals("listing-day close unknown: first close taken from 2025-12-09", day.note());
        // Beyond the tolerance in sessions: 12-15 is 6 sessions after 12-05, the limit 5.
        FirstDay late = FirstDay.locate(LISTED, List.of(day("X", "2025-12-15", "10", "11", "9", "10.50")), 5,
                SSE_2025, "SSE");
        assertNull(late.close());
        assertNull(late.closeLagTradingDays());
        assertEquals("no price within 5 sessions of the listing day 2025-12-05: first-day figures unknown", late.note());
    }

    @Test
    void aListingYearsBeforeItsFirstPriceHasNoFirstDay() {
        // Listed 1997-05-15, prices from 2019: without a calendar of those years nothing counts the sessions between,
        // and the first close in the files is not a first-day close.
        Listing amzn = new Listing("AMZN", "Amazon", null, "NASDAQ", null, Currency.getInstance("USD"),
                LocalDate.of(1997, 5, 15), new BigDecimal("18.00"), 100, 3_000_000L, null, null, null);
        List<DailyPrice> prices = List.of(day("AMZN", "2019-01-02", "73.26", "77.67", "73.05", "76.96"),
                day("AMZN", "2019-01-03", "76.00", "76.90", "74.86", "75.01"));
        FirstDay day = FirstDay.locate(amzn.listingDate(), prices, 5);
        assertNull(day.close());
        assertNull(day.closeLagTradingDays());
        assertEquals("the prices start on 2019-01-02, after the listing day 1997-05-15, and no trading calendar covers "
                + "the sessions between: first-day figures unknown (add the listing day's prices, or the years to "
                + "calendars.csv)", day.note());

        IpoAnalysis a = new IpoAnalyzer(Fixtures.NO_RATES, LocalDate.of(2019, 1, 3), 5)
                .analyse(new ListingHistory(amzn, prices, List.of(), List.of()));
        assertNull(a.firstDayReturn().atClose());
        assertNull(a.firstDayReturn().atOpen());
        assertNull(a.proceeds().moneyLeftOnTable(), "no money left on the table without a first close");
        assertTrue(a.lotGains().isEmpty(), "no lot gain from a first day the data does not hold: " + a.lotGains());
    }

    @Test
    void aCloseBelowTheOfferIsABrokeIssue() {
        FirstDay day = FirstDay.locate(LISTED, List.of(day("X", "2025-12-05", "10.00", "10.50", "9.50", "9.90")), 5);
        FirstDayReturn r = FirstDayReturn.of(new BigDecimal("10.00"), day);
        assertTrue(r.brokeAtClose());
        assertEquals(new BigDecimal("-0.010000"), Rounding.fraction(r.atClose()));
    }
    @Test
    void volumeTurnoverAveragePriceAndTurnoverRateAreTheListingDaysOnly() {
        var listingDay = new io.github.ipoanalyzer.market.DailyPrice("688802.SH", LocalDate.of(2025, 12, 17),
                new BigDecimal("700.00"), new BigDecimal("895.00"), null, new BigDecimal("829.90"), 15_000_000L,
                new BigDecimal("11259000000"), null);
        var nextDay = new io.github.ipoanalyzer.market.DailyPrice("688802.SH", LocalDate.of(2025, 12, 18), null, null,
                null, new BigDecimal("760"), 9_000_000L, new BigDecimal("6840000000"), null);
        FirstDay day = FirstDay.locate(LocalDate.of(2025, 12, 17), List.of(listingDay, nextDay), 5);
        assertEquals(15_000_000L, day.volume());
        // 11,259,000,000 / 15,000,000 = 750.6 a share; 15,000,000 / 36,000,000 float shares = 0.416666…
        assertEquals(new BigDecimal("750.6000"), Rounding.averagePrice(day.vwap()));
        assertEquals(new BigDecimal("0.416667"), Rounding.fraction(day.turnoverRate(36_000_000L)));
        assertNull(day.turnoverRate(null), "unknown without a float share count");
        FirstDay lateClose = FirstDay.locate(LocalDate.of(2025, 12, 17), List.of(
                new io.github.ipoanalyzer.market.DailyPrice("688802.SH", LocalDate.of(2025, 12, 17), new BigDecimal("700"),
                        null, null, null, null, new BigDecimal("11259000000"), null), nextDay), 5);
        assertNull(lateClose.vwap(), "the listing day's volume is unknown: the next day's is not used");
        assertEquals(0, new BigDecimal("11259000000").compareTo(lateClose.turnover()));
    }
}
