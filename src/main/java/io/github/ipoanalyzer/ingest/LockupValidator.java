package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Lockup;

/** lockups.csv: lock-up periods in months after listing, by holder group. */
public class LockupValidator implements RowRule<Lockup> {

    @Override
    public Lockup apply(RowValues v, ListingLookup listings) {
        long months = v.positiveWholeNumber("months");
        if (months > 120) {
            throw v.reject("months", "lockup-length", "a lock-up of " + months + " months is longer than ten years");
        }
        return new Lockup(listings.of(v).ticker(), (int) months, v.text("holders"));
    }
}
