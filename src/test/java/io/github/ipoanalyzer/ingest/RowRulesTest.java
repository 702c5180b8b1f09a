package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.fees.FeeRule;
import io.github.ipoanalyzer.market.BenchmarkAssignment;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.ExchangeHoliday;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.store.MarketDataStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each input kind's row rule alone: values in, a record or a reject out (no Spring Batch, no database). */
class RowRulesTest {

    private static final Listing MOORE_THREADS = new Listing("688795.SH", "Moore Threads", "摩尔线程", "SSE", "STAR Market",
            Currency.getInstance("CNY"), LocalDate.of(2025, 12, 5), new BigDecimal("114.28"), 500, 70_000_000L,
            470_028_217L, null, null);
    /** SSE closed on New Year's Day 2026 (and, the calendar covering 2025 and 2026, every weekend then). */
    private static final ListingLookup LISTINGS = new ListingLookup(Map.of(MOORE_THREADS.ticker(), MOORE_THREADS),
            new TradingDays(List.of(new ExchangeHoliday("SSE", LocalDate.of(2025, 1, 1), null),
                    new ExchangeHoliday("SSE", LocalDate.of(2026, 1, 1), null))));

    private static RowValues row(InputKind<?> kind, String header, String line) {
        return new RowValues(new CsvRecord("file.csv", 2, Arrays.asList(header.split(",", -1)),
                Arrays.asList(line.split(",", -1))));
    }

    @Test
    void aListingRowBecomesAListingWithItsUnknownsLeftUnknown() {
        Listing l = InputKinds.LISTINGS.rule().apply(row(InputKinds.LISTINGS,
                "ticker,name_en,exchange,currency,listing_date,offer_price,lot_shares,shares_offered,total_shares_after_listing",
                "688795.SH,Moore Threads,SSE,CNY,2025-12-05,114.28,500,70000000,"), ListingLookup.NONE);
        assertEquals(List.of("688795.SH", new BigDecimal("114.28"), 500L, 70_000_000L),
                List.of(l.ticker(), l.offerPrice(), l.lotShares(), l.sharesOffered()));
        assertEquals(null, l.totalShares(), "an empty cell is unknown, never zero");
    }

    @Test
    void aPriceRowIsCheckedAgainstItsListingAndItsOwnOrder() {
        String header = "ticker,date,open,high,low,close";
        DailyPrice p = InputKinds.PRICES.rule().apply(row(InputKinds.PRICES, header,
                "688795.SH,2025-12-05,650.00,688.00,556.00,600.50"), LISTINGS);
        assertEquals(0, new BigDecimal("600.50").compareTo(p.close()));
        assertReject("before-listing", header, "688795.SH,2025-12-04,,,,600.50");
        assertReject("price-order", header, "688795.SH,2025-12-05,650.00,640.00,556.00,600.50");
        assertReject("no-price", header, "688795.SH,2025-12-05,,,,");
        assertReject("ticker-not-in-listings", header, "000001.SZ,2025-12-05,,,,10.00"); // set aside by ticker, not a reject
        // The calendar closes New Year's Day and the weekends of the years it covers.
        assertReject("closed-day", header, "688795.SH,2026-01-01,,,,600.00");
        assertReject("closed-day", header, "688795.SH,2025-12-06,,,,600.00");
        assertEquals(LocalDate.of(2025, 12, 8), InputKinds.PRICES.rule().apply(row(InputKinds.PRICES, header,
                "688795.SH,2025-12-08,,,,600.00"), LISTINGS).date(), "a Monday is a session");
    }

    private static void assertReject(String rule, String header, String line) {
        RejectedRowException e = assertThrows(RejectedRowException.class,
                () -> InputKinds.PRICES.rule().apply(row(InputKinds.PRICES, header, line), LISTINGS));
        assertEquals(rule, e.rule(), e.reason());
    }

    @Test
    void anFxRateForCnyItselfIsRejected() {
        FxRate rate = InputKinds.FX_RATES.rule().apply(row(InputKinds.FX_RATES, "date,currency,cny_per_unit",
                "2026-01-08,HKD,0.8957"), ListingLookup.NONE);
        assertEquals(new BigDecimal("0.8957"), rate.cnyPerUnit());
        RejectedRowException e = assertThrows(RejectedRowException.class, () -> InputKinds.FX_RATES.rule()
                .apply(row(InputKinds.FX_RATES, "date,currency,cny_per_unit", "2026-01-08,CNY,1"), ListingLookup.NONE));
        assertEquals("cny-rate", e.rule());
    }

    @Test
    void aBenchmarkAssignmentNeedsAnExchangeOrATicker() {
        BenchmarkAssignment a = InputKinds.BENCHMARK_MAP.rule().apply(row(InputKinds.BENCHMARK_MAP,
                "benchmark,exchange,board,ticker", "STAR 50,SSE,STAR Market,"), ListingLookup.NONE);
        assertEquals(new BenchmarkAssignment("SSE", "STAR Market", null, "STAR 50"), a);
        RejectedRowException e = assertThrows(RejectedRowException.class, () -> InputKinds.BENCHMARK_MAP.rule()
                .apply(row(InputKinds.BENCHMARK_MAP, "benchmark,exchange,board,ticker", "HSI,,,"), ListingLookup.NONE));
        assertEquals("no-target", e.rule());
    }

    @Test
    void feeAndAllotmentRowsOutsideTheirRangesAreRejected() {
        String fees = "market,side,charge,rate,minimum,maximum,rounding,effective_from,effective_to,currency";
        assertEquals("fee-rate", rejectRule(InputKinds.FEES, fees, "SSE,sale,stamp duty,1,,,,,,CNY"));
        assertEquals("fee-rate", rejectRule(InputKinds.FEES, fees, "SSE,sale,stamp duty,-0.001,,,,,,CNY"));
        assertEquals("fee-amount", rejectRule(InputKinds.FEES, fees, "SSE,sale,broker commission,,,,,,,CNY"));
        assertEquals("period-order", rejectRule(InputKinds.FEES, fees, "SSE,sale,stamp duty,0.001,,,,2024-01-02,2024-01-01,CNY"));
        String allotments = "ticker,application_lots,applicants,successful_applicants,success_rate";
        assertEquals("success-rate", rejectRule(InputKinds.ALLOTMENTS, allotments, "688795.SH,1,,,1.5"));
        assertEquals("success-rate", rejectRule(InputKinds.ALLOTMENTS, allotments, "688795.SH,1,10,11,"));
        assertEquals(MarketDataStore.SET_ASIDE_RULE, rejectRule(InputKinds.ALLOTMENTS, allotments, "000001.SZ,1,,,0.01"));
        assertEquals("grey-market-date", rejectRule(InputKinds.GREY_MARKET, "ticker,date,broker,close",
                "688795.SH,2025-12-05,Futu,700"));
    }

    @Test
    void aFeeRowsMarketIsAnExchangeOfTheListingsOrCalendarsAndItsCurrencyTheOneTheyTradeIn() {
        // Moore Threads trades on SSE in CNY; SZSE has a calendar but no listing.
        ListingLookup lookup = new ListingLookup(Map.of(MOORE_THREADS.ticker(), MOORE_THREADS), new TradingDays(List.of(
                new ExchangeHoliday("SSE", LocalDate.of(2026, 1, 1), null),
                new ExchangeHoliday("SZSE", LocalDate.of(2026, 1, 1), null))));
        String header = "market,side,charge,rate,minimum,maximum,rounding,effective_from,effective_to,currency";
        FeeRule lowerCase = InputKinds.FEES.rule().apply(row(InputKinds.FEES, header,
                "sse,sale,stamp duty,0.0005,,,,2023-08-28,,CNY"), lookup);
        assertEquals("SSE", lowerCase.market(), "an exchange code in another case is that exchange");
        assertEquals("SZSE", InputKinds.FEES.rule().apply(row(InputKinds.FEES, header,
                "SZSE,sale,stamp duty,0.0005,,,,2023-08-28,,CNY"), lookup).market());

        RejectedRowException usd = assertThrows(RejectedRowException.class, () -> InputKinds.FEES.rule().apply(
                row(InputKinds.FEES, header, "SSE,sale,stamp duty,0.0005,,,,2023-08-28,,USD"), lookup));
        assertEquals(List.of("currency", "USD", "fee-currency", "a charge in USD on SSE, whose listings trade in CNY: "
                + "write the charge in CNY"), List.of(usd.column(), usd.rawValue(), usd.rule(), usd.reason()));

        RejectedRowException unknown = assertThrows(RejectedRowException.class, () -> InputKinds.FEES.rule().apply(
                row(InputKinds.FEES, header, "NYSE,sale,SEC fee,0.0000278,,,,,,USD"), lookup));
        assertEquals(List.of("market", "NYSE", "fee-market", "no listing or calendar is on market NYSE: "
                + "the known markets are SSE, SZSE"), List.of(unknown.column(), unknown.rawValue(), unknown.rule(),
                unknown.reason()));
    }

    private static String rejectRule(InputKind<?> kind, String header, String line) {
        return assertThrows(RejectedRowException.class, () -> kind.rule().apply(row(kind, header, line), LISTINGS)).rule();
    }

    @Test
    void theTableOfKindsDerivesTheStepsAndTables() {
        assertEquals(List.of("loadListings", "loadCalendars", "loadPrices", "loadRevenue", "loadFxRates", "loadReportedCaps",
                "loadBenchmarks", "loadBenchmarkMap", "loadEvents", "loadLockups", "loadCohorts", "loadFees",
                "loadAllotments", "loadAllotmentBasis", "loadOffers", "loadGreyMarket"),
                InputKinds.ALL.stream().map(InputKind::stepName).toList());
        assertEquals(List.of("GREY_MARKET", "OFFER_FACTS", "ALLOTMENT_BASIS", "ALLOTMENT", "FEE_RULE", "COHORT_MEMBER", "LOCKUP", "LISTING_EVENT", "BENCHMARK_MAP", "BENCHMARK_LEVEL",
                "REPORTED_CAP", "FX_RATE", "REVENUE", "PRICE_BLOCK", "EXCHANGE_HOLIDAY", "LISTING"), InputKinds.tables(),
                "rows that refer to listings first");
        assertEquals(List.of("listings"), InputKinds.ALL.stream().filter(InputKind::required).map(InputKind::name).toList());
    }
}
