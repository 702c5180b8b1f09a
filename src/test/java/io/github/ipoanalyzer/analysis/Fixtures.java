package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.money.FxRates;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;

import java.math.BigDecimal;
import java.util.List;
import java.time.LocalDate;
import java.util.Currency;

/** Listings and prices as the shipped input/ states them (src/site/markdown/inputs.md, "The shipped input"). */
final class Fixtures {

    static final Listing MOORE_THREADS = new Listing("688795.SH", "Moore Threads", "摩尔线程", "SSE", "STAR Market",
            Currency.getInstance("CNY"), LocalDate.of(2025, 12, 5), new BigDecimal("114.28"), 500, 70_000_000L,
            470_028_217L, new BigDecimal("7999600000"), null);

    static final Listing METAX = new Listing("688802.SH", "MetaX", "沐曦股份", "SSE", "STAR Market",
            Currency.getInstance("CNY"), LocalDate.of(2025, 12, 17), new BigDecimal("104.66"), 500, 40_100_000L,
            400_100_000L, null, null);

    static final Listing ILUVATAR = new Listing("9903.HK", "Iluvatar CoreX", "天数智芯", "HKEX", "Main Board",
            Currency.getInstance("HKD"), LocalDate.of(2026, 1, 8), new BigDecimal("144.60"), 100, 25_431_800L,
            254_317_736L, null, null);

    private Fixtures() {
    }

    /** No FX rates at all: conversions to CNY are unknown (CNY itself converts at 1). */
    static final FxRates NO_RATES = new FxRates(List.of());
    /** No fee schedule: net figures unknown. */
    static final FeeSchedule NO_FEES = new FeeSchedule(List.of());

    static DailyPrice day(String ticker, String date, String open, String high, String low, String close) {
        return new DailyPrice(ticker, LocalDate.parse(date), dec(open), dec(high), dec(low), dec(close), null, null, null);
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
