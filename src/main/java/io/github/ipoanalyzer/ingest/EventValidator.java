package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;

import java.util.List;

/** events.csv: events of a listing that its data cannot tell (index inclusion, results, news). */
public class EventValidator extends RowValidator<Event> {

    public static final CsvFormat FORMAT = new CsvFormat(
            List.of("ticker", "date", "kind"),
            List.of("description", "note"));

    public EventValidator(MarketDataStore store) {
        super(store, MarketTables.LISTING_EVENT, e -> e.ticker() + " " + e.date() + " " + e.kind(), "ticker, date and kind");
    }

    @Override
    protected Event validate(RowValues v) {
        return new Event(listingOf(v).ticker(), v.date("date"), null, v.text("kind"), v.optionalText("description"),
                "input", v.optionalText("note"));
    }
}
