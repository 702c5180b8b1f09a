package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Event;

/** events.csv: events of a listing that its data cannot tell (index inclusion, results, news). */
public class EventValidator implements RowRule<Event> {

    @Override
    public Event apply(RowValues v, ListingLookup listings) {
        return new Event(listings.of(v).ticker(), v.date("date"), null, v.text("kind"), v.optionalText("description"),
                "input", v.optionalText("note"));
    }
}
