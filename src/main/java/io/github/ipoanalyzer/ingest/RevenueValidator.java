package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;

import java.time.LocalDate;
import java.util.List;

/** revenue.csv: revenue by named period; an empty revenue is unknown. */
public class RevenueValidator extends RowValidator<RevenuePeriod> {

    public static final CsvFormat FORMAT = new CsvFormat(
            List.of("ticker", "period", "period_start", "period_end", "currency"),
            List.of("revenue", "note"));

    public RevenueValidator(MarketDataStore store) {
        super(store, MarketTables.REVENUE, r -> r.ticker() + " " + r.period(), "ticker and period");
    }

    @Override
    protected RevenuePeriod validate(RowValues v) {
        String ticker = listingOf(v).ticker();
        LocalDate start = v.date("period_start");
        LocalDate end = v.date("period_end");
        if (end.isBefore(start)) {
            throw v.reject("period_end", "period-order", "period_end " + end + " is before period_start " + start);
        }
        return new RevenuePeriod(ticker, v.text("period"), start, end, v.optionalNonNegativeDecimal("revenue"),
                v.currency("currency"), v.optionalText("note"));
    }
}
