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
        if (p.open() == null && p.high() == null && p.low() == null && p.close() == null) {
            throw v.reject("close", "no-price", "none of open, high, low, close is given");
        }
        if (!p.date().isBefore(listing.listingDate())) {
            throw v.reject("date", "grey-market-date", "dated " + p.date() + ": the grey market trades before the listing "
                    + "day " + listing.listingDate() + " of " + listing.ticker());
        }
        if (p.low() != null && p.high() != null && p.low().compareTo(p.high()) > 0) {
            throw v.reject("low", "price-order", "low " + p.low().toPlainString() + " is above high "
                    + p.high().toPlainString());
        }
        return p;
    }
}
