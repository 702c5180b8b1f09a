package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden values worked by hand for benchmark returns, CAR windows, the market model and BHAR. */
class EventStudyTest {

    private static final Currency HKD = Currency.getInstance("HKD");
    private static final Listing BIREN = new Listing("6082.HK", "Biren", "壁仞科技", "HKEX", "Main Board", HKD,
            LocalDate.of(2026, 1, 2), new BigDecimal("19.60"), 200, 284_846_600L, 2_396_000_000L, null, null);

    /** The Hang Seng Index as the facts give it: 2026-01-02 close with its stated +2.76%; 01-07 derived; 01-08; 01-09. */
    private static BenchmarkSeries hsi() {
        return new BenchmarkSeries("HSI",
                Map.of(d("2026-01-02"), new BigDecimal("26338.47"), d("2026-01-07"), new BigDecimal("26458.95"),
                        d("2026-01-08"), new BigDecimal("26149.31"), d("2026-01-09"), new BigDecimal("26231.79")),
                Map.of(d("2026-01-02"), new BigDecimal("0.0276")));
    }

    private static TradingCalendar hkex() {
        return TradingCalendar.of(List.of(d("2026-01-02"), d("2026-01-07"), d("2026-01-08"), d("2026-01-09")));
    }

    @Test
    void benchmarkReturnsFromLevelsFromAStatedReturnOrCarriedForward() {
        BenchmarkSeries hsi = hsi();
        // 26149.31 / 26458.95 − 1 = −309.64 / 26458.95 = −0.0117027 (the reported −1.17%)
        assertEquals(new BigDecimal("-0.011703"), Rounding.fraction(hsi.onListingDay(d("2026-01-08")).value()));
        // No level before 2026-01-02: the stated one-day return.
        BenchmarkSeries.Return firstDay = hsi.onListingDay(d("2026-01-02"));
        assertEquals(new BigDecimal("0.0276"), firstDay.value());
        assertEquals("HSI one-day return on 2026-01-02 as stated", firstDay.note());
        // The stated one-day return is for the listing day only: between levels it is never used.
        // 26458.95 / 26338.47 − 1 = 0.0045743
        assertEquals(new BigDecimal("0.004574"), Rounding.fraction(hsi.between(d("2026-01-02"), d("2026-01-07")).value()));
        // A missing day (2026-01-12 has no level): the 01-09 level carried forward, a return of 0, said so.
        BenchmarkSeries.Return missing = hsi.between(d("2026-01-09"), d("2026-01-12"));
        assertEquals(0, missing.value().signum());
        assertEquals("HSI level of 2026-01-09 carried forward to 2026-01-12", missing.note());
    }

    @Test
    void birenMarketAdjustedFirstDayAndWindowsThatRunOutOfData() {
        ListingReturns r = new ListingReturns(BIREN, List.of(price("6082.HK", "2026-01-02", "34.46")), hkex(), hsi());
        // AR(0) = (34.46 / 19.60 − 1) − 0.0276 = 0.7581633 − 0.0276 = 0.7305633
        CumulativeAbnormalReturn day0 = CumulativeAbnormalReturn.of(r, 0, new EventWindow(0, 0), 60);
        assertEquals(new BigDecimal("0.730563"), Rounding.fraction(day0.car()));
        assertEquals(CumulativeAbnormalReturn.MARKET_ADJUSTED, day0.model());
        assertEquals(1, day0.daysAvailable());
        assertTrue(day0.note().contains("market-adjusted: 0 post-listing day(s) in the estimation window"), day0.note());

        CumulativeAbnormalReturn around = CumulativeAbnormalReturn.of(r, 0, new EventWindow(-1, 1), 60);
        assertEquals(new BigDecimal("0.730563"), Rounding.fraction(around.car()));
        assertEquals(1, around.daysAvailable());
        assertTrue(around.note().contains("day -1 is before listing"), around.note());
        assertTrue(around.note().contains("no close (or no previous close) on 2026-01-07"), around.note());

        CumulativeAbnormalReturn later = CumulativeAbnormalReturn.of(r, 0, new EventWindow(1, 20), 60);
        assertNull(later.car());
        assertEquals(0, later.daysAvailable());
        assertTrue(later.note().contains("the data ends before day 4"), later.note());
    }

    /**
     * Days 0 to {@code lastDay} on which the stock returns exactly 0.001 + 1.5 × the benchmark's
     * return, but for day {@code jumpDay}, on which it does 0.05 better.
     */
    private static ListingReturns onTheLine(int lastDay, int jumpDay) {
        List<LocalDate> days = new ArrayList<>();
        Map<LocalDate, BigDecimal> levels = new HashMap<>();
        List<DailyPrice> prices = new ArrayList<>();
        LocalDate day = d("2025-01-01");
        BigDecimal level = new BigDecimal("100");
        BigDecimal close = new BigDecimal("10");
        levels.put(day.minusDays(1), level);
        for (int i = 0; i <= lastDay; i++) {
            BigDecimal rm = new BigDecimal(i % 2 == 0 ? "0.01" : "-0.004").add(new BigDecimal(i).movePointLeft(4));
            BigDecimal ri = new BigDecimal("0.001").add(new BigDecimal("1.5").multiply(rm)).add(i == jumpDay
                    ? new BigDecimal("0.05") : BigDecimal.ZERO);
            level = level.multiply(BigDecimal.ONE.add(rm));
            close = i == 0 ? close : close.multiply(BigDecimal.ONE.add(ri));
            days.add(day);
            levels.put(day, level);
            prices.add(price("T", day.toString(), close.toPlainString()));
            day = day.plusDays(1);
        }
        Listing listing = new Listing("T", "Test", null, "SSE", null, Currency.getInstance("CNY"), d("2025-01-01"),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        return new ListingReturns(listing, prices, TradingCalendar.of(days), new BenchmarkSeries("X", levels, Map.of()));
    }

    @Test
    void theMarketModelIsFittedWhenEnoughHistoryExistsAndFallsBackOtherwise() {
        // Ten post-listing days where the stock returns exactly 0.001 + 1.5 × the benchmark's return,
        // then an event day on which it does 0.05 better than the model predicts.
        ListingReturns r = onTheLine(11, 11);

        CumulativeAbnormalReturn fitted = CumulativeAbnormalReturn.of(r, 11, new EventWindow(0, 0), 10);
        assertEquals(CumulativeAbnormalReturn.MARKET_MODEL, fitted.model());
        assertEquals(10, fitted.estimationDays());
        assertEquals(new BigDecimal("0.001000"), Rounding.fraction(fitted.alpha()));
        assertEquals(new BigDecimal("1.500000"), Rounding.fraction(fitted.beta()));
        assertEquals(new BigDecimal("0.050000"), Rounding.fraction(fitted.car()));

        CumulativeAbnormalReturn fallback = CumulativeAbnormalReturn.of(r, 11, new EventWindow(0, 0), 60);
        assertEquals(CumulativeAbnormalReturn.MARKET_ADJUSTED, fallback.model());
        assertTrue(fallback.note().startsWith("market-adjusted: 10 post-listing day(s) in the estimation window (from "
                + "the day after listing to the day before the event's windows, at least 60 days)"), fallback.note());

        // A configured window: event days −6 to −3 (a gap of 2 days before the window): days 5 to 8, four points,
        // on the same exact line, so the same α and β; with at least 5 days needed it falls back.
        CumulativeAbnormalReturn windowed = CumulativeAbnormalReturn.of(r, 11, new EventWindow(0, 0),
                new EstimationWindow(-6, 2, 4));
        assertEquals(List.of(CumulativeAbnormalReturn.MARKET_MODEL, 4), List.of(windowed.model(), windowed.estimationDays()));
        assertEquals(new BigDecimal("1.500000"), Rounding.fraction(windowed.beta()));
        assertEquals(CumulativeAbnormalReturn.MARKET_ADJUSTED, CumulativeAbnormalReturn.of(r, 11, new EventWindow(0, 0),
                new EstimationWindow(-6, 2, 5)).model());
    }

    @Test
    void aWindowThatStartsAfterTheEventIsFittedOnTheDaysBeforeTheEventNotOnTheEventDay() {
        // Thirteen days on the exact line R = 0.001 + 1.5 R_m, except the event day (day 10), which does 0.05 better.
        ListingReturns r = onTheLine(12, 10);
        EstimationWindow estimation = new EstimationWindow(null, 0, 5);

        // One fit per event, on days 1 to 9 (the 9 post-listing days before day 0): α 0.001 and β 1.5 exactly, for
        // [0,2] and for [+1,+2] alike. Fitted on days 1 to 10, the event day's +0.05 would move both.
        CumulativeAbnormalReturn around = CumulativeAbnormalReturn.of(r, 10, new EventWindow(0, 2), estimation);
        CumulativeAbnormalReturn after = CumulativeAbnormalReturn.of(r, 10, new EventWindow(1, 2), estimation);
        for (CumulativeAbnormalReturn car : List.of(around, after)) {
            assertEquals(9, car.estimationDays());
            assertEquals(new BigDecimal("0.001000"), Rounding.fraction(car.alpha()));
            assertEquals(new BigDecimal("1.500000"), Rounding.fraction(car.beta()));
        }
        // Days 11 and 12 are on the line: no abnormal return after the event; the event day's 0.05 is in [0,2] only.
        assertEquals(new BigDecimal("0.050000"), Rounding.fraction(around.car()));
        assertEquals(new BigDecimal("0.000000"), Rounding.fraction(after.car()));
    }

    @Test
    void aRunningCarPathEqualsTheCarOfEachPrefixWindow() {
        List<LocalDate> days = new ArrayList<>();
        Map<LocalDate, BigDecimal> levels = new HashMap<>();
        List<DailyPrice> prices = new ArrayList<>();
        LocalDate day = d("2025-01-01");
        levels.put(day.minusDays(1), new BigDecimal("100"));
        for (int i = 0; i < 80; i++) {
            days.add(day);
            if (i % 7 != 3) { // some days without a benchmark level (carried, then no return)
                levels.put(day, new BigDecimal(100 + (i * 37) % 11));
            }
            if (i % 5 != 2) { // some days without a close
                prices.add(price("T", day.toString(), new BigDecimal(10 + (i * 13) % 7).movePointLeft(0).toPlainString()));
            }
            day = day.plusDays(1);
        }
        Listing listing = new Listing("T", "Test", null, "SSE", null, Currency.getInstance("CNY"), d("2025-01-01"),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        ListingReturns r = new ListingReturns(listing, prices, TradingCalendar.of(days),
                new BenchmarkSeries("X", levels, Map.of()));
        // Around the start (days before listing), in the middle with a fitted model, and past the end.
        for (int eventDay : List.of(0, 70, 78)) {
            for (int minHistory : List.of(10, 1000)) {
                BigDecimal[] running = CumulativeAbnormalReturn.running(r, eventDay, -2, 6,
                        new EstimationWindow(null, 0, minHistory));
                for (int to = -2; to <= 6; to++) {
                    assertEquals(CumulativeAbnormalReturn.of(r, eventDay, new EventWindow(-2, to), minHistory).car(),
                            running[to + 2], "event day " + eventDay + ", window (-2, " + to + ")");
                }
            }
        }
    }

    @Test
    void aHistoryOutOfDateOrderOrWithDaysOffTheCalendarGivesTheClosesOfItsDays() {
        Listing listing = new Listing("T", "Test", null, "SSE", null, Currency.getInstance("CNY"), d("2025-01-02"),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        TradingCalendar calendar = TradingCalendar.of(List.of(d("2025-01-02"), d("2025-01-03"), d("2025-01-06"),
                d("2025-01-07")));
        BenchmarkSeries index = new BenchmarkSeries("X", Map.of(d("2025-01-02"), BigDecimal.ONE), Map.of());
        ListingReturns r = new ListingReturns(listing, List.of(price("T", "2025-01-06", "12"),
                price("T", "2025-01-04", "99"), price("T", "2025-01-02", "11"), price("T", "2025-01-07", "13"),
                price("T", "2025-01-08", "14")), calendar, index);
        assertEquals(java.util.Arrays.asList(new BigDecimal("11"), null, new BigDecimal("12"), new BigDecimal("13")),
                java.util.stream.IntStream.range(0, 4).mapToObj(r::close).toList());
        // The day just before the walk's last, and the calendar's last day after a date past its end.
        ListingReturns back = new ListingReturns(listing, List.of(price("T", "2025-01-06", "12"),
                price("T", "2025-01-03", "99"), price("T", "2025-01-08", "14"), price("T", "2025-01-07", "13")),
                calendar, index);
        assertEquals(java.util.Arrays.asList(null, new BigDecimal("99"), new BigDecimal("12"), new BigDecimal("13")),
                java.util.stream.IntStream.range(0, 4).mapToObj(back::close).toList());
    }

    @Test
    void buyAndHoldFromTheOfferAndFromTheFirstClosePartialWhereTheDataEnds() {
        Listing listing = new Listing("T", "Test", null, "SSE", null, Currency.getInstance("CNY"), d("2025-01-02"),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        TradingCalendar calendar = TradingCalendar.of(List.of(d("2025-01-02"), d("2025-01-03"), d("2025-01-06")));
        BenchmarkSeries index = new BenchmarkSeries("X", Map.of(d("2024-12-31"), new BigDecimal("100"),
                d("2025-01-02"), new BigDecimal("101"), d("2025-01-03"), new BigDecimal("102"),
                d("2025-01-06"), new BigDecimal("100")), Map.of());
        ListingReturns r = new ListingReturns(listing, List.of(price("T", "2025-01-02", "12"),
                price("T", "2025-01-03", "13.2"), price("T", "2025-01-06", "12")), calendar, index);

        // From the offer over 3 days: stock 12 / 10 − 1 = 0.2; index 100 / 100 − 1 = 0; BHAR 0.2.
        BuyAndHold offer3 = BuyAndHold.of(r, BuyAndHold.FROM_OFFER, 3);
        assertEquals(new BigDecimal("0.200000"), Rounding.fraction(offer3.bhar()));
        assertEquals(new BigDecimal("0.000000"), Rounding.fraction(offer3.benchmarkReturn()));
        assertNull(offer3.note());
        // Five days asked, three in the data: partial, and said; as published, blank unless partial figures are asked for.
        BuyAndHold offer5 = BuyAndHold.of(r, BuyAndHold.FROM_OFFER, 5);
        assertEquals(3, offer5.daysAvailable());
        assertEquals("partial: 3 of 5 trading days in the data", offer5.note());
        BuyAndHold blank = offer5.published(false);
        assertNull(blank.bhar());
        assertNull(blank.stockReturn());
        assertEquals("partial: 3 of 5 trading days in the data; left blank (ipo.partial-windows=true shows partial "
                + "figures, marked)", blank.note());
        assertEquals(offer5, offer5.published(true), "asked for: shown, marked partial");
        // From the first close over 2 days: stock 12 / 12 − 1 = 0; index 100 / 101 − 1 = −0.0099010; BHAR +0.0099010.
        BuyAndHold close2 = BuyAndHold.of(r, BuyAndHold.FROM_FIRST_CLOSE, 2);
        assertEquals(new BigDecimal("0.009901"), Rounding.fraction(close2.bhar()));
    }

    @Test
    void listingsWithOneFirstDayShareTheBenchmarksProductsButNotTheListingDaysReturn() {
        // No level on 01-03, a one-day return of 2% stated for it: a listing's day there is the stated
        // return; a day after an earlier listing the level of 01-02 carried forward (0%).
        TradingCalendar calendar = TradingCalendar.of(List.of(d("2025-01-02"), d("2025-01-03"), d("2025-01-06")));
        BenchmarkSeries index = new BenchmarkSeries("X", Map.of(d("2024-12-31"), new BigDecimal("100"),
                d("2025-01-02"), new BigDecimal("100"), d("2025-01-06"), new BigDecimal("110")),
                Map.of(d("2025-01-03"), new BigDecimal("0.02")));
        Listing earlier = new Listing("A", "A", null, "SSE", null, Currency.getInstance("CNY"), d("2025-01-02"),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        Listing later = new Listing("B", "B", null, "SSE", null, Currency.getInstance("CNY"), d("2025-01-03"),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        List<DailyPrice> a = List.of(price("A", "2025-01-02", "11"), price("A", "2025-01-03", "12"),
                price("A", "2025-01-06", "13"));
        List<DailyPrice> b = List.of(price("B", "2025-01-03", "12"), price("B", "2025-01-06", "15"));
        MarketProducts shared = new MarketProducts();

        // A from its first close, days 01-03 and 01-06: 1.00 × 1.10 − 1 = 0.10 (and 0.10 for 01-03 alone, then 01-06 on).
        BuyAndHold aFromClose = BuyAndHold.of(new ListingReturns(earlier, a, calendar, index).sharingMarketProducts(shared),
                BuyAndHold.FROM_FIRST_CLOSE, 2);
        assertEquals(new BigDecimal("0.100000"), Rounding.fraction(aFromClose.benchmarkReturn()));
        // B from its offer, the same days, 01-03 its listing day: 1.02 × 1.10 − 1 = 0.122, not A's product.
        BuyAndHold bFromOffer = BuyAndHold.of(new ListingReturns(later, b, calendar, index).sharingMarketProducts(shared),
                BuyAndHold.FROM_OFFER, 2);
        assertEquals(new BigDecimal("0.122000"), Rounding.fraction(bFromOffer.benchmarkReturn()));
        assertEquals(BuyAndHold.of(new ListingReturns(later, b, calendar, index), BuyAndHold.FROM_OFFER, 2), bFromOffer);
        // A second listing of A's first day takes A's products, shorter and longer: the same as its own.
        for (int horizon : List.of(1, 2)) {
            assertEquals(BuyAndHold.of(new ListingReturns(earlier, a, calendar, index), BuyAndHold.FROM_OFFER, horizon + 1),
                    BuyAndHold.of(new ListingReturns(earlier, a, calendar, index).sharingMarketProducts(shared),
                            BuyAndHold.FROM_OFFER, horizon + 1));
            assertEquals(BuyAndHold.of(new ListingReturns(earlier, a, calendar, index), BuyAndHold.FROM_FIRST_CLOSE, horizon),
                    BuyAndHold.of(new ListingReturns(earlier, a, calendar, index).sharingMarketProducts(shared),
                            BuyAndHold.FROM_FIRST_CLOSE, horizon));
        }
    }

    @Test
    void aLongHorizonCompoundsTheBenchmarkToItsLevelRelativeAt34Digits() {
        // 251 trading days, the index moving by irregular steps: Π(L_k / L_k−1) telescopes to L_end / L_start.
        List<LocalDate> days = new ArrayList<>();
        Map<LocalDate, BigDecimal> levels = new HashMap<>();
        LocalDate day = d("2025-01-01");
        levels.put(day.minusDays(1), new BigDecimal("3000"));
        for (int i = 0; i < 251; i++) {
            days.add(day);
            levels.put(day, new BigDecimal(3000 + (i * 37) % 101 - 50).add(new BigDecimal(i % 7).movePointLeft(2)));
            day = day.plusDays(1);
        }
        Listing listing = new Listing("T", "Test", null, "SSE", null, Currency.getInstance("CNY"), days.get(0),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        ListingReturns r = new ListingReturns(listing, List.of(price("T", days.get(0).toString(), "11"),
                price("T", days.get(250).toString(), "13")), TradingCalendar.of(days), new BenchmarkSeries("X", levels, Map.of()));

        BuyAndHold fromClose = BuyAndHold.of(r, BuyAndHold.FROM_FIRST_CLOSE, 250);
        BigDecimal indexRelative = Rounding.change(levels.get(days.get(250)), levels.get(days.get(0)));
        assertEquals(Rounding.fraction(indexRelative), Rounding.fraction(fromClose.benchmarkReturn()));
        assertEquals(Rounding.fraction(new BigDecimal("13").divide(new BigDecimal("11"), Rounding.DIVISION)
                .subtract(BigDecimal.ONE).subtract(indexRelative)), Rounding.fraction(fromClose.bhar()));
        assertTrue(fromClose.benchmarkReturn().add(BigDecimal.ONE).precision() <= 34, "carried at 34 digits, not 8,500");
    }

    @Test
    void continuouslyCompoundedReturnsForAbnormalReturnsAndSimpleOnesForBuyAndHold() {
        Listing listing = new Listing("T", "Test", null, "SSE", null, Currency.getInstance("CNY"), d("2025-01-02"),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        TradingCalendar calendar = TradingCalendar.of(List.of(d("2025-01-02"), d("2025-01-03")));
        BenchmarkSeries index = new BenchmarkSeries("X", Map.of(d("2024-12-31"), new BigDecimal("100"),
                d("2025-01-02"), new BigDecimal("110"), d("2025-01-03"), new BigDecimal("121")), Map.of());
        ListingReturns log = new ListingReturns(listing, List.of(price("T", "2025-01-02", "12"),
                price("T", "2025-01-03", "15")), calendar, index).as(ReturnKind.LOG);
        // ln(12 / 10) = 0.182321556793954626…; the benchmark's ln(110 / 100) = 0.095310179804324860…
        assertEquals(new BigDecimal("0.182322"), Rounding.fraction(log.stock(0)));
        assertEquals(new BigDecimal("0.095310"), Rounding.fraction(log.market(0).value()));
        // Market-adjusted CAR over both days: ln(15/10) − ln(121/100) = 0.405465 − 0.190620 = 0.214845
        assertEquals(new BigDecimal("0.214845"), Rounding.fraction(CumulativeAbnormalReturn.of(log, 0,
                new EventWindow(0, 1), 60).car()));
    }

    @Test
    void windowsParseAsConfigured() {
        assertEquals(List.of(new EventWindow(0, 0), new EventWindow(0, 1), new EventWindow(0, 5), new EventWindow(-1, 1),
                new EventWindow(1, 20)), EventWindow.parseAll("[0,0],[0,1],[0,5],[-1,+1],[+1,+20]"));
        assertEquals("[-1,+1]", new EventWindow(-1, 1).toString());
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static DailyPrice price(String ticker, String date, String close) {
        return new DailyPrice(ticker, d(date), null, null, null, new BigDecimal(close), null, null, null);
    }
}
