package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Lockup;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;

import java.util.List;

/** lockups.csv: lock-up periods in months after listing, by holder group. */
public class LockupValidator extends RowValidator<Lockup> {

    public static final CsvFormat FORMAT = new CsvFormat(
            List.of("ticker", "months", "holders"),
            List.of("note"));

    public LockupValidator(MarketDataStore store) {
        super(store, MarketTables.LOCKUP, l -> l.ticker() + " " + l.months() + " " + l.holders(), "ticker, months and holders");
    }

    @Override
    protected Lockup validate(RowValues v) {
        long months = v.positiveWholeNumber("months");
        if (months > 120) {
            throw v.reject("months", "lockup-length", "a lock-up of " + months + " months is longer than ten years");
        }
        return new Lockup(listingOf(v).ticker(), (int) months, v.text("holders"));
    }
}
