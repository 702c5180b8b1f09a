package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;

import java.util.List;

/** listings.csv: one row per IPO. */
public class ListingValidator extends RowValidator<Listing> {

    public static final CsvFormat FORMAT = new CsvFormat(
            List.of("ticker", "name_en", "exchange", "currency", "listing_date", "offer_price", "lot_shares",
                    "shares_offered"),
            List.of("name_local", "board", "total_shares_after_listing", "gross_proceeds", "note"));

    public ListingValidator(MarketDataStore store) {
        super(store, MarketTables.LISTING, Listing::ticker, "ticker");
    }

    @Override
    protected Listing validate(RowValues v) {
        return new Listing(v.text("ticker"), v.text("name_en"), v.optionalText("name_local"), v.text("exchange"),
                v.optionalText("board"), v.currency("currency"), v.date("listing_date"),
                v.positiveDecimal("offer_price"), v.positiveWholeNumber("lot_shares"),
                v.positiveWholeNumber("shares_offered"), v.optionalPositiveWholeNumber("total_shares_after_listing"),
                v.optionalPositiveDecimal("gross_proceeds"), v.optionalText("note"));
    }
}
