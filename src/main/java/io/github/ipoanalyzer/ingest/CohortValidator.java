package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.CohortMember;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;

import java.util.List;

/** cohorts.csv: named lists of listings to compare (one row per cohort and ticker). */
public class CohortValidator extends RowValidator<CohortMember> {

    public static final CsvFormat FORMAT = new CsvFormat(
            List.of("cohort", "ticker"),
            List.of("note"));

    public CohortValidator(MarketDataStore store) {
        super(store, MarketTables.COHORT_MEMBER, c -> c.cohort() + " " + c.ticker(), "cohort and ticker");
    }

    @Override
    protected CohortMember validate(RowValues v) {
        return new CohortMember(v.text("cohort"), listingOf(v).ticker());
    }
}
