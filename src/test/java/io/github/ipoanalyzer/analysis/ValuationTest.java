package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.market.ReportedCap;
import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.market.ExchangeHoliday;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.money.FxRates;
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

/** Price-to-sales, money left on the table and reconciliation with reported caps, worked by hand. */
class ValuationTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final FxRates HKD_RATE = new FxRates(List.of(
            new FxRate(LocalDate.of(2026, 1, 8), Currency.getInstance("HKD"), new BigDecimal("0.8957"))));

    @Test
    void priceToSalesInOneCurrency() {
        RevenuePeriod fy2024 = new RevenuePeriod("688795.SH", "FY2024", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), new BigDecimal("438459500"), CNY, null);
        // 53,714,824,638.76 / 438,459,500 = 122.5079…
        PriceToSales ps = PriceToSales.of(fy2024, ReferencePrice.OFFER, LocalDate.of(2025, 12, 5),
                Money.of("53714824638.76", "CNY"), HKD_RATE);
        assertEquals(new BigDecimal("122.51"), Rounding.multiple(ps.multiple()));
        assertEquals(12, fy2024.months());
    }

    @Test
    void priceToSalesConvertsAHongKongCapToCnyAtTheDatedRate() {
        RevenuePeriod fy2024 = new RevenuePeriod("9903.HK", "FY2024", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), new BigDecimal("539500000"), CNY, null);
        // 144.60 × 254,317,736 = 36,774,344,625.60 HKD × 0.8957 = 32,938,780,481.15 CNY / 539,500,000 = 61.054…
        PriceToSales ps = PriceToSales.of(fy2024, ReferencePrice.OFFER, LocalDate.of(2026, 1, 8),
                Money.of("36774344625.60", "HKD"), HKD_RATE);
        assertEquals(new BigDecimal("61.05"), Rounding.multiple(ps.multiple()));
        assertEquals(LocalDate.of(2026, 1, 8), ps.capInCny().rateDate());
    }

    @Test
    void noRateOnOrBeforeTheCapDateLeavesPriceToSalesUnknownAndSaysWhy() {
        RevenuePeriod fy2024 = new RevenuePeriod("6082.HK", "FY2024", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), new BigDecimal("337000000"), CNY, null);
        PriceToSales ps = PriceToSales.of(fy2024, ReferencePrice.OFFER, LocalDate.of(2026, 1, 2), Money.of("46961600000", "HKD"),
                HKD_RATE);
        assertNull(ps.multiple());
        assertEquals("no CNY/HKD rate on or before 2026-01-02", ps.note());
    }

    @Test
    void unknownRevenueIsNotZero() {
        RevenuePeriod h1 = new RevenuePeriod("688802.SH", "2025H1", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 6, 30), null, CNY, "not published");
        PriceToSales ps = PriceToSales.of(h1, ReferencePrice.OFFER, LocalDate.of(2025, 12, 17), Money.of("1", "CNY"), HKD_RATE);
        assertNull(ps.multiple());
        assertEquals(6, h1.months());
    }

    @Test
    void moneyLeftOnTableAndGrossProceeds() {
        // N × (C1 − P0) = 70,000,000 × 486.22 = 34,035,400,000; N × P0 = 7,999,600,000 (as stated)
        OfferProceeds p = OfferProceeds.of(Fixtures.MOORE_THREADS, new BigDecimal("600.50"));
        assertEquals(new BigDecimal("34035400000.00"), Rounding.money(p.moneyLeftOnTable()));
        assertEquals(new BigDecimal("7999600000.00"), Rounding.money(p.grossProceeds()));
        assertNull(OfferProceeds.of(Fixtures.MOORE_THREADS, null).moneyLeftOnTable());
    }

    @Test
    void aReportedCapIsReconciledWithPriceTimesShares() {
        var series = MarketCapSeries.of(Fixtures.MOORE_THREADS, Fixtures.NO_RATES,
                List.of(day("688795.SH", "2025-12-22", null, null, null, "673")));
        ReportedCap reported = new ReportedCap("688795.SH", LocalDate.of(2025, 12, 22), Money.of("317700000000", "CNY"), null);
        CapReconciliation r = CapReconciliation.of(reported, series, HKD_RATE);
        // 673 × 470,028,217 = 316,328,990,041; gap −1,371,009,959; −0.4315%
        assertEquals(new BigDecimal("316328990041.00"), Rounding.money(r.computed()));
        assertEquals(new BigDecimal("-1371009959.00"), Rounding.money(r.gap()));
        assertEquals(new BigDecimal("-0.004315"), Rounding.fraction(r.gapFraction()));
    }

    @Test
    void aComputedCnyCapIsReconciledWithAReportedHkdCapAtTheDatedRate() {
        var series = MarketCapSeries.of(Fixtures.MOORE_THREADS, Fixtures.NO_RATES,
                List.of(day("688795.SH", "2025-12-22", null, null, null, "673")));
        FxRates rates = new FxRates(List.of(new FxRate(LocalDate.of(2025, 12, 19), Currency.getInstance("HKD"),
                new BigDecimal("0.9"))));
        ReportedCap reported = new ReportedCap("688795.SH", LocalDate.of(2025, 12, 22), Money.of("351000000000", "HKD"), null);
        CapReconciliation r = CapReconciliation.of(reported, series, rates);
        // 316,328,990,041 CNY / 0.9 = 351,476,655,601.11 HKD; gap 476,655,601.11; +0.1358%
        assertEquals(Money.of("351476655601.11", "HKD"), new Money(Rounding.money(r.computed()), r.computed().currency()));
        assertEquals(new BigDecimal("476655601.11"), Rounding.money(r.gap()));
        assertEquals(new BigDecimal("0.001358"), Rounding.fraction(r.gapFraction()));
    }

    @Test
    void aCapReportedOnASundayIsComparedWithTheLatestCloseBeforeItWithTheLag() {
        var series = MarketCapSeries.of(Fixtures.METAX, Fixtures.NO_RATES, List.of(day("688802.SH", "2025-12-19", null, null, null, "703.35")));
        ReportedCap sunday = new ReportedCap("688802.SH", LocalDate.of(2025, 12, 21), Money.of("274500000000", "CNY"), null);
        // SSE's calendar covers 2025 (a closure on New Year's Day): Saturday and Sunday have no session.
        TradingDays sse = new TradingDays(List.of(new ExchangeHoliday("SSE", LocalDate.of(2025, 1, 1), null)));
        CapReconciliation r = CapReconciliation.of(sunday, series, Fixtures.NO_RATES, sse, "SSE");
        // 703.35 × 400,100,000 = 281,410,335,000; gap 6,910,335,000; 281,410,335,000 / 274,500,000,000 − 1 = 0.025174
        assertEquals(new BigDecimal("281410335000.00"), Rounding.money(r.computed()));
        assertEquals(new BigDecimal("6910335000.00"), Rounding.money(r.gap()));
        assertEquals(new BigDecimal("0.025174"), Rounding.fraction(r.gapFraction()));
        assertEquals(0, r.lagTradingDays(), "Friday's close is the last session before Sunday");
        assertEquals(LocalDate.of(2025, 12, 19), r.computedPoint().date());
        assertEquals("2025-12-21 is a Sunday: compared with the close of 2025-12-19, the last session before it", r.note());
        // A Tuesday's cap with the last close on the Thursday before: Friday and Monday lie between.
        ReportedCap tuesday = new ReportedCap("688802.SH", LocalDate.of(2025, 12, 23), Money.of("274500000000", "CNY"), null);
        TradingDays withHoliday = new TradingDays(List.of(new ExchangeHoliday("SSE", LocalDate.of(2025, 12, 23), null)));
        CapReconciliation holiday = CapReconciliation.of(tuesday, series, Fixtures.NO_RATES, withHoliday, "SSE");
        assertEquals(1, holiday.lagTradingDays(), "on a holiday Tuesday: Monday 2025-12-22 lies between");
        assertEquals("2025-12-23 is " + new TradingDays(List.of(new ExchangeHoliday("SSE", LocalDate.of(2025, 12, 23), null)))
                .closedBecause("SSE", LocalDate.of(2025, 12, 23)).orElseThrow() + ": compared with the close of 2025-12-19, "
                + "the latest before it (1 later session(s) without a close)", holiday.note());
    }

    @Test
    void aReportedCapOnADayWithoutACloseIsNotReconciled() {
        var series = MarketCapSeries.of(Fixtures.METAX, Fixtures.NO_RATES, List.of(day("688802.SH", "2025-12-19", null, null, null, "703.35")));
        ReportedCap sunday = new ReportedCap("688802.SH", LocalDate.of(2025, 12, 21), Money.of("274500000000", "CNY"), null);
        CapReconciliation r = CapReconciliation.of(sunday, series, HKD_RATE);
        assertNull(r.computed());
        assertEquals("no close on 2025-12-21", r.note());
    }

    @Test
    void trailingTwelveMonthsWhereTheHalfYearsAllowAndEveryPeriodNamesItsBasis() {
        Currency cny = Currency.getInstance("CNY");
        RevenuePeriod fy = new RevenuePeriod("T", "FY2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                new BigDecimal("438459500"), cny, null);
        RevenuePeriod h1 = new RevenuePeriod("T", "2025H1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30),
                new BigDecimal("702000000"), cny, null);
        RevenuePeriod priorH1 = new RevenuePeriod("T", "2024H1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30),
                new BigDecimal("60000000"), cny, null);
        List<RevenuePeriod> periods = TrailingRevenue.withTrailingTwelveMonths(List.of(fy, h1, priorH1));
        // TTM to 2025-06-30 = 438,459,500 + 702,000,000 − 60,000,000 = 1,080,459,500
        RevenuePeriod ttm = periods.get(3);
        assertEquals("TTM to 2025-06-30", ttm.period());
        assertEquals(new BigDecimal("1080459500"), ttm.amount());
        assertEquals(List.of(LocalDate.of(2024, 7, 1), 12L), List.of(ttm.start(), ttm.months()));
        assertEquals("trailing twelve months: FY2024 + 2025H1 − 2024H1", ttm.note());
        assertEquals(List.of("fiscal year", "half-year (not annualised)", "half-year (not annualised)",
                "trailing twelve months"), periods.stream().map(TrailingRevenue::basis).toList());
        // Without the prior half-year (as the shipped data is) there is no trailing figure.
        assertEquals(2, TrailingRevenue.withTrailingTwelveMonths(List.of(fy, h1)).size());
    }
}
