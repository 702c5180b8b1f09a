package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;

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
    /** Each day's returns are computed once: an event study asks for the same days many times. */
    private final Map<Integer, Optional<BigDecimal>> stockReturns = new HashMap<>();
    private final Map<Integer, BenchmarkSeries.Return> marketReturns = new HashMap<>();
    private final Map<Integer, Optional<BigDecimal[]>> fits = new HashMap<>();
    private final Map<Integer, List<BigDecimal[]>> samples = new HashMap<>();

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

    public int listingIndex() {
        return listingIndex;
    }

    public BigDecimal close(int day) {
        return closes.get(day);
    }

    /** The stock's return on calendar day {@code k} (k ≥ listing day), or null when unknown. */
    public BigDecimal stock(int k) {
        return stockReturns.computeIfAbsent(k, day -> {
            BigDecimal close = closes.get(day);
            if (close == null || day < listingIndex) {
                return Optional.empty();
            }
            BigDecimal previous = day == listingIndex ? listing.offerPrice() : closes.get(day - 1);
            return previous == null ? Optional.empty() : Optional.of(Rounding.change(close, previous));
        }).orElse(null);
    }

    /** The benchmark's return on calendar day {@code k} (k ≥ listing day). */
    public BenchmarkSeries.Return market(int k) {
        return marketReturns.computeIfAbsent(k, day -> day == listingIndex ? benchmark.onListingDay(calendar.day(day))
                : benchmark.between(calendar.day(day - 1), calendar.day(day)));
    }

    /**
     * The post-listing days strictly before {@code end} with both returns, as {stock, market}
     * pairs, and the market-model fit on them (empty when there are fewer than two points or the
     * benchmark does not vary). Cached per {@code end}: windows of one event share it.
     */
    Optional<BigDecimal[]> marketModel(int end, int minDays) {
        List<BigDecimal[]> points = estimationSample(end);
        if (points.size() < Math.max(2, minDays)) {
            return Optional.empty();
        }
        return fits.computeIfAbsent(end, e -> Optional.ofNullable(CumulativeAbnormalReturn.leastSquares(points)));
    }

    List<BigDecimal[]> estimationSample(int end) {
        return samples.computeIfAbsent(end, e -> {
            List<BigDecimal[]> points = new ArrayList<>();
            for (int k = listingIndex + 1; k < e; k++) {
                BigDecimal stock = stock(k);
                BigDecimal market = market(k).value();
                if (stock != null && market != null) {
                    points.add(new BigDecimal[] {stock, market});
                }
            }
            return points;
        });
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
