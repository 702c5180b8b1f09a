package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.fees.FeeRounding;
import io.github.ipoanalyzer.fees.FeeRule;
import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.fees.NetLotGain;
import io.github.ipoanalyzer.fees.Side;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.ExchangeHoliday;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where an IPO stands now, on a listing made up for the purpose: offer 10.00, lots of 500, listed
 * on Monday 2026-03-02, a close every weekday to Friday 2026-03-13:
 * 12.00, 11, 10, 9.50, 8.00 (Fri 03-06), 9, 9, 9, 9, 9.60 (Fri 03-13).
 */
class StandingTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Listing IPO = new Listing("600000.SH", "Example", "示例", "SSE", "Main Board", CNY,
            LocalDate.of(2026, 3, 2), new BigDecimal("10.00"), 500, 1_000_000L, 10_000_000L, null, null);
    private static final String[][] CLOSES = {{"2026-03-02", "12.00"}, {"2026-03-03", "11"}, {"2026-03-04", "10"},
            {"2026-03-05", "9.50"}, {"2026-03-06", "8.00"}, {"2026-03-09", "9"}, {"2026-03-10", "9"},
            {"2026-03-11", "9"}, {"2026-03-12", "9"}, {"2026-03-13", "9.60"}};

    /** The mainland sale charges in force in 2026, as input/fees.csv has them. */
    private static final FeeSchedule SSE_FEES = new FeeSchedule(List.of(sale("stamp duty", "0.0005"),
            sale("transfer fee", "0.00001"), sale("exchange handling fee", "0.0000341"),
            sale("CSRC management fee", "0.00002")));

    @Test
    void theLatestCloseItsReturnsAndOneLotSoldThere() {
        Standing s = standing(prices(), LocalDate.of(2026, 3, 13), TradingDays.NONE);
        assertEquals(new BigDecimal("9.60"), s.latestClose());
        assertEquals(LocalDate.of(2026, 3, 13), s.latestCloseDate());
        // Sessions after the listing day up to 03-13: 03-03 … 03-06 (4) and 03-09 … 03-13 (5).
        assertEquals(9, s.sessionsSinceListing());
        // 9.60 / 10.00 − 1 = −0.04: below issue now.
        assertEquals(new BigDecimal("-0.040000"), Rounding.fraction(s.returnSinceOffer()));
        assertTrue(s.belowIssue());
        // 9.60 / 12.00 − 1 = −0.2
        assertEquals(new BigDecimal("-0.200000"), Rounding.fraction(s.returnSinceFirstClose()));
        // 5 sessions before 03-13 is 03-06 (12, 11, 10, 09, 06): 9.60 / 8.00 − 1 = +0.2.
        assertEquals(LocalDate.of(2026, 3, 6), s.recent().get(0).from());
        assertEquals(new BigDecimal("0.200000"), Rounding.fraction(s.recentReturn(5).orElseThrow()));
        // 20 and 60 sessions reach before the listing day: unknown, and said.
        assertTrue(s.recentReturn(20).isEmpty());
        assertTrue(s.recentReturn(60).isEmpty());
        assertTrue(s.note().contains("20 and 60-session returns unknown: listed 9 sessions before 2026-03-13"), s.note());
        // One lot: 500 × (9.60 − 10.00) = −200.00 gross. Sold for 4,800.00: stamp duty 0.05% 2.40, transfer fee
        // 0.001% 0.048 → 0.05, handling fee 0.00341% 0.16368 → 0.16, CSRC fee 0.002% 0.096 → 0.10; 2.71 in all.
        // Net: 4,800.00 − 2.71 − 5,000.00 = −202.71.
        LotGain lot = s.lotGain().orElseThrow();
        assertEquals(new BigDecimal("-200.00"), Rounding.money(lot.gain()));
        assertEquals(new BigDecimal("-202.71"), Rounding.money(lot.netOfFees().map(NetLotGain::net).orElseThrow()));
        assertEquals(ReferencePrice.LATEST_CLOSE, lot.reference());
        // The data ends on the as-of day: fresh. No calendar: weekdays counted, and said.
        assertEquals(LocalDate.of(2026, 3, 13), s.dataLastDate());
        assertEquals(0, s.sessionsSinceDataLastDate());
        assertFalse(s.stale());
        assertTrue(s.note().contains("sessions counted as weekdays where calendars.csv has no SSE calendar"), s.note());
    }

    @Test
    void aRunAsOfADaySeesNothingDatedAfterIt() {
        List<DailyPrice> prices = new ArrayList<>(prices());
        prices.add(close("2026-03-16", "20.00"));
        // As of 03-12: the latest close is 03-12's 9, whatever 03-13 and 03-16 say.
        Standing s = standing(prices, LocalDate.of(2026, 3, 12), TradingDays.NONE);
        assertEquals(new BigDecimal("9"), s.latestClose());
        assertEquals(LocalDate.of(2026, 3, 12), s.dataLastDate());
        // 5 sessions before 03-12 is 03-05: 9 / 9.50 − 1 = −0.052631…
        assertEquals(new BigDecimal("-0.052632"), Rounding.fraction(s.recentReturn(5).orElseThrow()));
    }

    @Test
    void dataEndingMoreThanFiveSessionsBeforeTheAsOfDayIsStale() {
        // After Friday 03-13, to Friday 03-20: 16, 17, 18, 19, 20 = 5 sessions, not more than 5: not stale.
        Standing fresh = standing(prices(), LocalDate.of(2026, 3, 20), TradingDays.NONE);
        assertEquals(5, fresh.sessionsSinceDataLastDate());
        assertFalse(fresh.stale());
        // To Monday 03-23: 6 sessions: stale, with its last date; the figures are still those of 03-13.
        Standing stale = standing(prices(), LocalDate.of(2026, 3, 23), TradingDays.NONE);
        assertEquals(6, stale.sessionsSinceDataLastDate());
        assertTrue(stale.stale());
        assertEquals(LocalDate.of(2026, 3, 13), stale.dataLastDate());
        assertEquals(new BigDecimal("9.60"), stale.latestClose());
        assertTrue(stale.note().startsWith("stale: the data ends on 2026-03-13, 6 sessions before 2026-03-23"),
                stale.note());
    }

    @Test
    void sessionsAreTheExchangesWhereItsCalendarCoversThem() {
        // The calendar closes Monday 03-09 (and covers 2026), so the data has no price that day.
        TradingDays calendar = new TradingDays(List.of(new ExchangeHoliday("SSE", LocalDate.of(2026, 3, 9), "test")));
        List<DailyPrice> prices = prices().stream().filter(p -> !p.date().equals(LocalDate.of(2026, 3, 9))).toList();
        Standing s = standing(prices, LocalDate.of(2026, 3, 13), calendar);
        // 03-03 … 03-06 (4) and 03-10 … 03-13 (4).
        assertEquals(8, s.sessionsSinceListing());
        // 5 sessions before 03-13: 12, 11, 10, 06, 05 → 9.60 / 9.50 − 1 = 0.010526…
        assertEquals(LocalDate.of(2026, 3, 5), s.recent().get(0).from());
        assertEquals(new BigDecimal("0.010526"), Rounding.fraction(s.recentReturn(5).orElseThrow()));
        assertFalse(s.note().contains("weekdays"), s.note());
    }

    @Test
    void sessionsPastTheCalendarsLastYearAreWeekdaysAndTheNoteSaysSo() {
        // The calendar covers 2026 (one holiday: Monday 03-16). After Friday 03-13 to 2026-12-31 are 209 weekdays,
        // 208 sessions; as of Monday 2027-01-04 the count runs past the calendar's year, where Friday 01-01 and
        // Monday 01-04 count as weekdays: 210.
        TradingDays calendar = new TradingDays(List.of(new ExchangeHoliday("SSE", LocalDate.of(2026, 3, 16), "test")));
        Standing s = standing(prices(), LocalDate.of(2027, 1, 4), calendar);
        assertEquals(210, s.sessionsSinceDataLastDate());
        assertTrue(s.stale());
        assertTrue(s.note().contains("sessions counted as weekdays where calendars.csv has no SSE calendar"), s.note());
        // Within the year the calendar covers, the same count says nothing of weekdays.
        Standing covered = standing(prices(), LocalDate.of(2026, 12, 31), calendar);
        assertEquals(208, covered.sessionsSinceDataLastDate());
        assertFalse(covered.note().contains("weekdays"), covered.note());
    }

    @Test
    void aCountFromTheDayBeforeTheCalendarsFirstYearIsTheCalendarsAlone() {
        // Listed on Wednesday 2025-12-31, the day before the calendar's year (2026, New Year's Day a holiday):
        // every session counted since then is in 2026, so nothing is counted as a weekday.
        Listing listed = new Listing("600001.SH", "Example", "示例", "SSE", "Main Board", CNY,
                LocalDate.of(2025, 12, 31), new BigDecimal("10.00"), 500, 1_000_000L, 10_000_000L, null, null);
        TradingDays calendar = new TradingDays(List.of(new ExchangeHoliday("SSE", LocalDate.of(2026, 1, 1), "test")));
        List<DailyPrice> prices = new ArrayList<>();
        for (LocalDate day = listed.listingDate(); !day.isAfter(LocalDate.of(2026, 6, 30)); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5 && !day.equals(LocalDate.of(2026, 1, 1))) {
                prices.add(Fixtures.day(listed.ticker(), day.toString(), null, null, null, "11.00"));
            }
        }
        FirstDay firstDay = FirstDay.locate(listed.listingDate(), prices, 5, calendar, listed.exchange());
        Standing s = Standing.of(listed, firstDay, prices, LocalDate.of(2026, 6, 30), calendar, Fixtures.NO_RATES, SSE_FEES);
        // 2026-01-01 to 06-30: 129 weekdays, less New Year's Day.
        assertEquals(128, s.sessionsSinceListing());
        assertFalse(s.note().contains("weekdays"), s.note());
    }

    @Test
    void withoutACloseOnTheSessionKSessionsBackTheReturnIsUnknownNotTakenFromAnotherDay() {
        List<DailyPrice> prices = prices().stream().filter(p -> !p.date().equals(LocalDate.of(2026, 3, 6))).toList();
        Standing s = standing(prices, LocalDate.of(2026, 3, 13), TradingDays.NONE);
        assertTrue(s.recentReturn(5).isEmpty());
        assertTrue(s.note().contains("5-session return unknown: no close on 2026-03-06, 5 sessions before 2026-03-13"),
                s.note());
    }

    @Test
    void aListingWithNoPriceYetIsStaleWithNothingToShow() {
        Standing s = standing(List.of(), LocalDate.of(2026, 3, 13), TradingDays.NONE);
        assertNull(s.latestClose());
        assertNull(s.dataLastDate());
        assertTrue(s.stale());
        assertTrue(s.lotGain().isEmpty());
        assertTrue(s.note().startsWith("stale: no price on or before 2026-03-13"), s.note());
    }

    private static Standing standing(List<DailyPrice> prices, LocalDate asOf, TradingDays calendar) {
        FirstDay firstDay = FirstDay.locate(IPO.listingDate(), prices, 5, calendar, IPO.exchange());
        return Standing.of(IPO, firstDay, prices, asOf, calendar, Fixtures.NO_RATES, SSE_FEES);
    }

    private static List<DailyPrice> prices() {
        List<DailyPrice> prices = new ArrayList<>();
        for (String[] c : CLOSES) {
            prices.add(close(c[0], c[1]));
        }
        return prices;
    }

    private static DailyPrice close(String date, String close) {
        return Fixtures.day(IPO.ticker(), date, null, null, null, close);
    }

    private static FeeSchedule.Row sale(String charge, String rate) {
        return new FeeSchedule.Row(new FeeRule("SSE", Side.SALE, charge, new BigDecimal(rate), null, null,
                FeeRounding.HALF_UP_CENT, null, null, CNY, null), "test");
    }
}
