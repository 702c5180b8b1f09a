package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Listing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * listings.csv: one row per listing. An IPO has its offer terms (offer price, lot, shares
 * offered); a peer or a seasoned stock leaves all three empty and gets no IPO figures.
 */
public class ListingValidator implements RowRule<Listing> {

    private static final List<String> OFFER_TERMS = List.of("offer_price", "lot_shares", "shares_offered");

    @Override
    public Listing apply(RowValues v, ListingLookup listings) {
        List<String> given = OFFER_TERMS.stream().filter(c -> v.optionalText(c) != null).toList();
        if (!given.isEmpty() && given.size() < OFFER_TERMS.size()) {
            String missing = OFFER_TERMS.stream().filter(c -> !given.contains(c)).collect(Collectors.joining(", "));
            throw v.reject(missing.split(", ")[0], "offer-terms", "the offer terms are all or none: "
                    + String.join(", ", given) + " given, " + missing + " empty (leave all three empty for a peer "
                    + "or a seasoned stock whose IPO is not studied)");
        }
        boolean ipo = !given.isEmpty();
        Listing l = new Listing(v.text("ticker"), v.text("name_en"), v.optionalText("name_local"), v.text("exchange"),
                v.optionalText("board"), v.currency("currency"), v.date("listing_date"),
                ipo ? v.positiveDecimal("offer_price") : null, ipo ? v.positiveWholeNumber("lot_shares") : 0,
                ipo ? v.positiveWholeNumber("shares_offered") : 0, v.optionalPositiveWholeNumber("total_shares_after_listing"),
                v.optionalPositiveDecimal("gross_proceeds"), v.optionalText("note"),
                v.optionalPositiveDecimal("offer_price_max"), v.optionalPositiveWholeNumber("float_shares"));
        if (l.offerPriceMax() != null && !ipo) {
            throw v.reject("offer_price_max", "offer-terms", "offer_price_max is given without an offer price");
        }
        if (l.offerPriceMax() != null && l.offerPriceMax().compareTo(l.offerPrice()) < 0) {
            throw v.reject("offer_price_max", "offer-range", "the top of the offer range " + l.offerPriceMax()
                    .toPlainString() + " is below the offer price " + l.offerPrice().toPlainString());
        }
        return l;
    }
}
