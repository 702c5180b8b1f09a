package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Listing;

/** listings.csv: one row per IPO. */
public class ListingValidator implements RowRule<Listing> {

    @Override
    public Listing apply(RowValues v, ListingLookup listings) {
        Listing l = new Listing(v.text("ticker"), v.text("name_en"), v.optionalText("name_local"), v.text("exchange"),
                v.optionalText("board"), v.currency("currency"), v.date("listing_date"),
                v.positiveDecimal("offer_price"), v.positiveWholeNumber("lot_shares"),
                v.positiveWholeNumber("shares_offered"), v.optionalPositiveWholeNumber("total_shares_after_listing"),
                v.optionalPositiveDecimal("gross_proceeds"), v.optionalText("note"),
                v.optionalPositiveDecimal("offer_price_max"), v.optionalPositiveWholeNumber("float_shares"));
        if (l.offerPriceMax() != null && l.offerPriceMax().compareTo(l.offerPrice()) < 0) {
            throw v.reject("offer_price_max", "offer-range", "the top of the offer range " + l.offerPriceMax()
                    .toPlainString() + " is below the offer price " + l.offerPrice().toPlainString());
        }
        return l;
    }
}
