package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;

import java.math.BigDecimal;

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
        return p;
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
