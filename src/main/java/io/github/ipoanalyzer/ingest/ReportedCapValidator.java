package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.ReportedCap;
import io.github.ipoanalyzer.money.Money;

/** reported-caps.csv: market caps as published in the news. */
public class ReportedCapValidator implements RowRule<ReportedCap> {

    @Override
    public ReportedCap apply(RowValues v, ListingLookup listings) {
        return new ReportedCap(listings.of(v).ticker(), v.date("date"),
                new Money(v.positiveDecimal("reported_cap"), v.currency("currency")), v.optionalText("note"));
    }
}
