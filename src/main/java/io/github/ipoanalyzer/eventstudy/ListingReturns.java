package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily returns of one listing and of its benchmark on its market's trading calendar. Day 0 is
 * the listing day: the stock's return is from the offer price to the first close, the
 * benchmark's from its last close before listing. Later days run close to close; a day without
 * a close (or without a previous one) has no return, never an interpolated one.
 */
public final class ListingReturns {

    private final Listing listing;
    private final TradingCalendar calendar;
    private final BenchmarkSeries benchmark;
    private final int listingIndex;
    private final Map<Integer, BigDecimal> closes = new HashMap<>();

    public ListingReturns(Listing listing, List<DailyPrice> prices, TradingCalendar calendar, BenchmarkSeries benchmark) {
        this.listing = listing;
        this.calendar = calendar;
        this.benchmark = benchmark;
        this.listingIndex = calendar.indexOf(listing.listingDate())
                .orElseThrow(() -> new IllegalArgumentException("the calendar lacks the listing day " + listing.listingDate()));
        for (DailyPrice p : prices) {
            if (p.close() != null) {
                calendar.indexOf(p.date()).ifPresent(i -> closes.put(i, p.close()));
            }
        }
    }

    public Listing listing() {
        return listing;
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    public BenchmarkSeries benchmark() {
        return benchmark;
    }

    public int listingIndex() {
        return listingIndex;
    }

    public BigDecimal close(int day) {
        return closes.get(day);
    }

    /** The stock's return on calendar day {@code k} (k ≥ listing day), or null when unknown. */
    public BigDecimal stock(int k) {
        BigDecimal close = closes.get(k);
        if (close == null || k < listingIndex) {
            return null;
        }
        BigDecimal previous = k == listingIndex ? listing.offerPrice() : closes.get(k - 1);
        return previous == null ? null : Rounding.change(close, previous);
    }

    /** The benchmark's return on calendar day {@code k} (k ≥ listing day). */
    public BenchmarkSeries.Return market(int k) {
        return k == listingIndex ? benchmark.onListingDay(calendar.day(k))
                : benchmark.between(calendar.day(k - 1), calendar.day(k));
    }

    /** True when day {@code k} is in the data and both the stock's and the benchmark's return are known. */
    public boolean hasBothReturns(int k) {
        return k >= listingIndex && k <= lastDay() && stock(k) != null && market(k).value() != null;
    }

    /** The last calendar day of the data. */
    public int lastDay() {
        return calendar.size() - 1;
    }
}
