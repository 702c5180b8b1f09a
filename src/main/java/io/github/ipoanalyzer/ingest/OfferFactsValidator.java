package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.OfferFacts;

import java.time.LocalDate;

/**
 * offers.csv: an offer's dates and terms. Its dates must be in the order an offer runs:
 * applications close before the refund (or results) day and before listing; the refund comes by
 * the listing day; a lock-up or stabilization ends after listing. Tranches and the subscription
 * cap are whole numbers of the listing's lots.
 */
public class OfferFactsValidator implements RowRule<OfferFacts> {

    @Override
    public OfferFacts apply(RowValues v, ListingLookup listings) {
        Listing listing = listings.of(v);
        OfferFacts o = new OfferFacts(listing.ticker(), v.optionalDate("application_close"), v.optionalDate("refund_date"),
                v.optionalPositiveWholeNumber("public_tranche_initial"), v.optionalPositiveWholeNumber("public_tranche_final"),
                v.optionalText("regime"), v.optionalPositiveWholeNumber("subscription_cap_shares"),
                v.optionalPositiveDecimal("market_value_required"), v.optionalPositiveWholeNumber("cornerstone_shares"),
                v.optionalDate("cornerstone_lockup_end"), v.optionalDate("stabilization_end"), v.optionalText("source"),
                v.optionalText("note"));
        before(v, "application_close", o.applicationClose(), "refund_date", o.refundDate(), false);
        before(v, "application_close", o.applicationClose(), "listing date", listing.listingDate(), false);
        before(v, "refund_date", o.refundDate(), "listing date", listing.listingDate(), true);
        before(v, "listing date", listing.listingDate(), "cornerstone_lockup_end", o.cornerstoneLockupEnd(), false);
        before(v, "listing date", listing.listingDate(), "stabilization_end", o.stabilizationEnd(), true);
        if (o.subscriptionCapShares() != null && listing.lotShares() > 0
                && o.subscriptionCapShares() % listing.lotShares() != 0) {
            throw v.reject("subscription_cap_shares", "whole-lots", o.subscriptionCapShares() + " shares is not a whole "
                    + "number of lots (签) of " + listing.lotShares());
        }
        return o;
    }

    /** {@code early} before {@code late} (or on the same day, where {@code sameDay}); the reject names the later column where it is the row's. */
    private static void before(RowValues v, String earlyName, LocalDate early, String lateName, LocalDate late,
                               boolean sameDay) {
        if (early == null || late == null || early.isBefore(late) || (sameDay && early.equals(late))) {
            return;
        }
        String column = lateName.equals("listing date") ? earlyName : lateName;
        throw v.reject(column, "date-order", earlyName + " " + early + " and " + lateName + " " + late
                + " are in the wrong order: " + earlyName + " comes " + (sameDay ? "on or before" : "before") + " "
                + lateName);
    }
}
