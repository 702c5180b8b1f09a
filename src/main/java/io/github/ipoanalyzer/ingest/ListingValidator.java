package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Listing;

/** listings.csv: one row per IPO. */
public class ListingValidator implements RowRule<Listing> {

    @Override
    public Listing apply(RowValues v, ListingLookup listings) {
        return new Listing(v.text("ticker"), v.text("name_en"), v.optionalText("name_local"), v.text("exchange"),
                v.optionalText("board"), v.currency("currency"), v.date("listing_date"),
                v.positiveDecimal("offer_price"), v.positiveWholeNumber("lot_shares"),
                v.positiveWholeNumber("shares_offered"), v.optionalPositiveWholeNumber("total_shares_after_listing"),
                v.optionalPositiveDecimal("gross_proceeds"), v.optionalText("note"));
    }
}
