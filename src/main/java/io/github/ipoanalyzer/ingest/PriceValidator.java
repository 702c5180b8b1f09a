package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;

import java.math.BigDecimal;
import java.util.List;

/** prices/*.csv: one row per ticker and trading day; any of open, high, low, close may be unknown. */
public class PriceValidator implements RowRule<DailyPrice> {

    @Override
    public DailyPrice apply(RowValues v, ListingLookup listings) {
        Listing listing = listings.of(v);
        DailyPrice p = new DailyPrice(listing.ticker(), v.date("date"), v.optionalPositiveDecimal("open"),
                v.optionalPositiveDecimal("high"), v.optionalPositiveDecimal("low"), v.optionalPositiveDecimal("close"),
                v.optionalNonNegativeWholeNumber("volume"), v.optionalNonNegativeDecimal("turnover"), v.optionalText("note"));
        requireAPrice(v, p.open(), p.high(), p.low(), p.close());
        java.util.Optional<String> closed = listings.calendars().closedBecause(listing.exchange(), p.date());
        if (closed.isPresent()) {
            throw v.reject("date", "closed-day", p.date() + " is " + closed.get() + ": " + listing.exchange()
                    + " has no session that day (calendars.csv)");
        }
        if (p.date().isBefore(listing.listingDate())) {
            throw v.reject("date", "before-listing", "dated " + p.date() + ", before the listing date "
                    + listing.listingDate() + " of " + listing.ticker());
        }
        requireOrder(v, "low", p.low(), "open", p.open());
        requireOrder(v, "low", p.low(), "close", p.close());
        requireOrder(v, "low", p.low(), "high", p.high());
        requireOrder(v, "open", p.open(), "high", p.high());
        requireOrder(v, "close", p.close(), "high", p.high());
        requirePlausibleUnits(v, p);
        return p;
    }

    /**
     * Turnover / volume is the day's average price: far outside the day's prices, one of them is
     * in other units (volume in 手 of 100 shares, turnover in 千元 or 万元), which no later figure
     * would show. A factor of two either way leaves room for rounding and auctions and still
     * catches a factor of ten.
     */
    static void requirePlausibleUnits(RowValues v, DailyPrice p) {
        if (p.volume() == null || p.turnover() == null || p.volume() == 0 || p.turnover().signum() == 0) {
            return;
        }
        List<BigDecimal> known = java.util.stream.Stream.of(p.open(), p.high(), p.low(), p.close())
                .filter(java.util.Objects::nonNull).toList();
        BigDecimal lowest = known.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal highest = known.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal average = p.turnover().divide(BigDecimal.valueOf(p.volume()), 6, java.math.RoundingMode.HALF_EVEN);
        BigDecimal two = BigDecimal.valueOf(2);
        if (average.multiply(two).compareTo(lowest) < 0 || average.compareTo(highest.multiply(two)) > 0) {
            throw v.reject("volume", "volume-units", "turnover / volume = " + average.stripTrailingZeros().toPlainString()
                    + " per share, far from the day's prices " + lowest.toPlainString() + " to " + highest.toPlainString()
                    + ": " + v.unitsRead().orElse("volume must be in shares (not 手 of 100) and turnover in the trading "
                    + "currency (not 千元 or 万元)"));
        }
    }

    /** A row of prices must give at least one of open, high, low and close. */
    static void requireAPrice(RowValues v, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {
        if (open == null && high == null && low == null && close == null) {
            throw v.reject("close", "no-price", "none of open, high, low, close is given");
        }
    }

    static void requireOrder(RowValues v, String lowerName, BigDecimal lower, String higherName, BigDecimal higher) {
        if (lower != null && higher != null && lower.compareTo(higher) > 0) {
            throw v.reject(lowerName, "price-order", lowerName + " " + lower.toPlainString() + " is above "
                    + higherName + " " + higher.toPlainString());
        }
    }
}
