package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.RevenuePeriod;

import java.time.LocalDate;

/** revenue.csv: revenue by named period; an empty revenue is unknown. */
public class RevenueValidator implements RowRule<RevenuePeriod> {

    @Override
    public RevenuePeriod apply(RowValues v, ListingLookup listings) {
        String ticker = listings.of(v).ticker();
        LocalDate start = v.date("period_start");
        LocalDate end = v.date("period_end");
        if (end.isBefore(start)) {
            throw v.reject("period_end", "period-order", "period_end " + end + " is before period_start " + start);
        }
        return new RevenuePeriod(ticker, v.text("period"), start, end, v.optionalNonNegativeDecimal("revenue"),
                v.currency("currency"), v.optionalText("note"));
    }
}
