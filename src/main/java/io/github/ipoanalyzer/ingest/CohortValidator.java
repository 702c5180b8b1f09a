package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.CohortMember;

/** cohorts.csv: named lists of listings to compare (one row per cohort and ticker). */
public class CohortValidator implements RowRule<CohortMember> {

    @Override
    public CohortMember apply(RowValues v, ListingLookup listings) {
        return new CohortMember(v.text("cohort"), listings.of(v).ticker());
    }
}
