package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Lockup;
import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.IpoAnalyzer;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import static io.github.ipoanalyzer.eventstudy.EventStudyTest.d;
import static io.github.ipoanalyzer.eventstudy.EventStudyTest.price;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortAndEventsTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency HKD = Currency.getInstance("HKD");
    private static final FxRates RATES = new FxRates(List.of(new FxRate(d("2026-01-08"), HKD, new BigDecimal("0.8957"))));
    private static final IpoAnalyzer ANALYZER = new IpoAnalyzer(RATES, d("2026-11-28"), 5);

    private static final Listing MOORE = new Listing("688795.SH", "Moore Threads", null, "SSE", "STAR Market", CNY,
            d("2025-12-05"), new BigDecimal("114.28"), 500, 70_000_000L, 470_028_217L, null, null);
    private static final Listing BIREN = new Listing("6082.HK", "Biren", null, "HKEX", null, HKD, d("2026-01-02"),
            new BigDecimal("19.60"), 200, 284_846_600L, 2_396_000_000L, null, null);
    private static final Listing ILUVATAR = new Listing("9903.HK", "Iluvatar CoreX", null, "HKEX", null, HKD,
            d("2026-01-08"), new BigDecimal("144.60"), 100, 25_431_800L, 254_317_736L, null, null);

    private static IpoAnalysis analyse(Listing l, DailyPrice... prices) {
        return ANALYZER.analyse(new ListingHistory(l, List.of(prices), List.of(), List.of()));
    }

    @Test
    void aCohortWithMixedCurrenciesSumsInCnyAtDatedRatesAndSaysWhoIsLeftOut() {
        Cohort cohort = new Cohort("GPU", "named list", List.of("688795.SH", "6082.HK", "9903.HK"));
        CohortStats s = CohortStats.of(cohort, List.of(
                analyse(MOORE, price("688795.SH", "2025-12-05", "600.50")),
                analyse(BIREN, price("6082.HK", "2026-01-02", "34.46")),
                analyse(ILUVATAR, price("9903.HK", "2026-01-08", "156.80"))), RATES);

        assertEquals(3, s.n());
        // (4.2546377 + 0.7581633 + 0.0843707) / 3 = 1.6990572; the median is Biren's 0.7581633
        assertEquals(new BigDecimal("1.699057"), Rounding.fraction(s.meanFirstDayReturn()));
        assertEquals(new BigDecimal("0.758163"), Rounding.fraction(s.medianFirstDayReturn()));
        assertEquals(1, s.doubled(), "only Moore Threads closed at twice its offer price or more");
        // Biren has no CNY/HKD rate on or before its listing day: out of the CNY figures.
        assertEquals(2, s.nInCny());
        // Money left: 34,035,400,000 + 25,431,800 × 12.20 × 0.8957 = 34,313,307,011.77;
        // proceeds: 7,999,600,000 + 25,431,800 × 144.60 × 0.8957 = 11,293,481,467.40; ratio 3.0383285
        assertEquals(new BigDecimal("34313307011.77"), Rounding.money(s.aggregateMoneyLeftCny()));
        assertEquals(new BigDecimal("11293481467.40"), Rounding.money(s.aggregateProceedsCny()));
        assertEquals(new BigDecimal("3.038329"), Rounding.fraction(s.proceedsWeightedReturn()));
        assertEquals(List.of("CNY", 2), List.of(s.weightedIn().getCurrencyCode(), s.nWeighted()));
        assertEquals("left out: Biren (no CNY/HKD rate on or before 2026-01-02: not in the CNY figures nor the "
                + "proceeds-weighted mean)", s.note());
    }

    @Test
    void aCohortInOneCurrencyIsWeightedInItAndLeavesNobodyOut() {
        Cohort hk = new Cohort("exchange HKEX", "listed on HKEX", List.of("6082.HK", "9903.HK"));
        CohortStats s = CohortStats.of(hk, List.of(analyse(BIREN, price("6082.HK", "2026-01-02", "34.46")),
                analyse(ILUVATAR, price("9903.HK", "2026-01-08", "156.80"))), RATES);
        // In HKD, no rate needed: (284,846,600 × 14.86 + 25,431,800 × 12.20) / (284,846,600 × 19.60 + 25,431,800 × 144.60)
        // = (4,232,820,476 + 310,267,960) / (5,582,993,360 + 3,677,438,280) = 4,543,088,436 / 9,260,431,640 = 0.490591
        assertEquals(new BigDecimal("0.490591"), Rounding.fraction(s.proceedsWeightedReturn()));
        assertEquals(List.of("HKD", 2), List.of(s.weightedIn().getCurrencyCode(), s.nWeighted()));
        // The CNY aggregates still leave Biren out, and say only that.
        assertEquals("left out: Biren (no CNY/HKD rate on or before 2026-01-02: not in the CNY aggregates)", s.note());
    }

    @Test
    void crossSectionalMeanCarWithItsTStatistic() {
        Cohort cohort = new Cohort("all", "every listing", List.of());
        // mean 0.2, sd √((0.01 + 0.01) / 1) = 0.1414214, t = 0.2 / (0.1414214 / √2) = 2 (with a minimum n of 2)
        List<CohortCar.Observation> two = List.of(new CohortCar.Observation(new BigDecimal("0.1"), d("2025-01-02")),
                new CohortCar.Observation(new BigDecimal("0.3"), d("2025-06-02")));
        CohortCar car = CohortCar.of(cohort, Event.LISTING, new EventWindow(0, 0), two, 2);
        assertEquals(2, car.n());
        assertEquals(new BigDecimal("0.200000"), Rounding.fraction(car.mean()));
        assertEquals(new BigDecimal("2.000000"), Rounding.fraction(car.t()));
        assertEquals(1, car.degreesOfFreedom());
        assertNull(CohortCar.of(cohort, Event.LISTING, new EventWindow(0, 0), two.subList(0, 1), 2).t(),
                "no t statistic from one IPO");
    }

    @Test
    void derivedEventsOfMooreThreads() {
        IpoAnalysis moore = analyse(MOORE, price("688795.SH", "2025-12-05", "600.50"),
                price("688795.SH", "2025-12-11", "941.08"), price("688795.SH", "2025-12-17", "714.80"));
        TradingCalendar calendar = TradingCalendar.of(List.of(d("2025-12-05"), d("2025-12-11"), d("2025-12-17"),
                d("2026-06-08")));
        List<Event> events = new EventDeriver(List.of(new BigDecimal("100000000000"),
                new BigDecimal("400000000000"), new BigDecimal("1000000000000")))
                .derive(moore, calendar, List.of(new Lockup("688795.SH", 6, "offline investors"),
                        new Lockup("688795.SH", 12, "strategic investors")));

        assertEquals(List.of(Event.LISTING, Event.LOCKUP_EXPIRY, Event.LOCKUP_EXPIRY, Event.CAP_MILESTONE,
                Event.CAP_MILESTONE, Event.PEAK_MARKET_VALUE), events.stream().map(Event::kind).toList());
        // 2025-12-05 + 6 months = 2026-06-05, a Friday the data has no price for: moved to 2026-06-08.
        Event sixMonths = events.get(1);
        assertEquals(d("2026-06-08"), sixMonths.date());
        assertEquals(d("2026-06-05"), sixMonths.scheduledDate());
        assertEquals("moved from 2026-06-05 to the next trading day", sixMonths.note());
        // 2026-12-05 is after the data: not moved.
        assertEquals("after the last trading day in the data: not moved, no returns yet", events.get(2).note());
        // The offer value, 114.28 × 470,028,217 = 53.71 billion, is below CNY 100 billion: the first close,
        // 600.50 × 470,028,217 = 282.25 billion, crosses it; 941.08 × 470,028,217 = 442.33 billion crosses 400.
        assertEquals(d("2025-12-05"), events.get(3).date());
        assertEquals("market value crossed CNY 100 billion", events.get(3).description());
        assertEquals(d("2025-12-11"), events.get(4).date());
        assertEquals("market value crossed CNY 400 billion", events.get(4).description());
        assertEquals(d("2025-12-11"), events.get(5).date());
        // The same highest close again later: the peak is where it was first reached.
        IpoAnalysis twice = analyse(MOORE, price("688795.SH", "2025-12-05", "600.50"),
                price("688795.SH", "2025-12-11", "941.08"), price("688795.SH", "2025-12-17", "941.080"));
        assertEquals(List.of(d("2025-12-11")), new EventDeriver(List.of()).derive(twice, calendar, List.of()).stream()
                .filter(e -> e.kind().equals(Event.PEAK_MARKET_VALUE)).map(Event::date).toList());
        // A milestone below the offer value is crossed by nothing: CNY 50 billion < 53.71 billion.
        assertTrue(new EventDeriver(List.of(new BigDecimal("50000000000"))).derive(moore, calendar, List.of()).stream()
                .noneMatch(e -> e.kind().equals(Event.CAP_MILESTONE)), "a cap already above a milestone crosses nothing");
    }

    @Test
    void aBrokeIssueHasAFirstCloseBelowOfferEvent() {
        IpoAnalysis broke = analyse(BIREN, price("6082.HK", "2026-01-02", "34.46"), price("6082.HK", "2026-01-05", "18"));
        List<Event> events = new EventDeriver(List.of()).derive(broke,
                TradingCalendar.of(List.of(d("2026-01-02"), d("2026-01-05"))), List.of());
        Event below = events.stream().filter(e -> e.kind().equals(Event.FIRST_CLOSE_BELOW_OFFER)).findFirst().orElseThrow();
        assertEquals(d("2026-01-05"), below.date());
        assertEquals("first close below the offer price (18.00 < 19.60)", below.description());
    }
}
