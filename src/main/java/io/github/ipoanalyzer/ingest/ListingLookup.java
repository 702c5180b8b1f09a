package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.TradingDays;

import java.util.Map;

/** What rows are checked against: the listings already loaded, by ticker, and their exchanges' calendars. */
public record ListingLookup(Map<String, Listing> byTicker, TradingDays calendars) {

    public static final ListingLookup NONE = new ListingLookup(Map.of(), TradingDays.NONE);

    /** The listing of the row's ticker column, or a reject saying the ticker is not in listings.csv. */
    public Listing of(RowValues values) {
        String ticker = values.text("ticker");
        Listing listing = byTicker.get(ticker);
        if (listing == null) {
            throw values.reject("ticker", "unknown-ticker", "no listing for ticker " + ticker + " in listings.csv");
        }
        return listing;
    }
}
