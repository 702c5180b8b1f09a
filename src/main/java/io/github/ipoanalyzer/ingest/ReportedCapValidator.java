package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.ReportedCap;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;

import java.util.List;

/** reported-caps.csv: market caps as published in the news. */
public class ReportedCapValidator extends RowValidator<ReportedCap> {

    public static final CsvFormat FORMAT = new CsvFormat(
            List.of("ticker", "date", "reported_cap", "currency"),
            List.of("note"));

    public ReportedCapValidator(MarketDataStore store) {
        super(store, MarketTables.REPORTED_CAP, c -> c.ticker() + " " + c.date(), "ticker and date");
    }

    @Override
    protected ReportedCap validate(RowValues v) {
        return new ReportedCap(listingOf(v).ticker(), v.date("date"),
                new Money(v.positiveDecimal("reported_cap"), v.currency("currency")), v.optionalText("note"));
    }
}
