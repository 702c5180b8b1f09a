package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.GreyMarketPrice;
import io.github.ipoanalyzer.market.Listing;

/** grey-market.csv: a broker's grey-market (暗盘) prices of an IPO, traded before its listing day. */
public class GreyMarketValidator implements RowRule<GreyMarketPrice> {

    @Override
    public GreyMarketPrice apply(RowValues v, ListingLookup listings) {
        Listing listing = listings.of(v);
        GreyMarketPrice p = new GreyMarketPrice(listing.ticker(), v.date("date"), v.text("broker"),
                v.optionalPositiveDecimal("open"), v.optionalPositiveDecimal("high"), v.optionalPositiveDecimal("low"),
                v.optionalPositiveDecimal("close"));
        PriceValidator.requireAPrice(v, p.open(), p.high(), p.low(), p.close());
        if (!p.date().isBefore(listing.listingDate())) {
            throw v.reject("date", "grey-market-date", "dated " + p.date() + ": the grey market trades before the listing "
                    + "day " + listing.listingDate() + " of " + listing.ticker());
        }
        PriceValidator.requireOrder(v, "low", p.low(), "high", p.high());
        return p;
    }
}
