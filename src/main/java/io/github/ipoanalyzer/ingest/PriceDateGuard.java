package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.store.MarketDataStore;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The duplicate rule of prices (one row per ticker and date) for markets of millions of rows:
 * it remembers only which dates each ticker has, a bit per day since its listing (a few hundred
 * bytes per listing, where remembering every row ran out of a 1 GiB heap), plus the rows of the
 * chunk not yet committed. The earlier row, needed only when a date repeats, is then looked up.
 */
public final class PriceDateGuard implements RowGuard<DailyPrice> {

    static final String KEY = "ticker and date";

    private final MarketDataStore store;
    private final Map<String, Long> listingDay = new HashMap<>();
    private final Map<String, Sourced<DailyPrice>> uncommitted = new HashMap<>();
    private Map<String, BitSet> loaded = new HashMap<>();

    public PriceDateGuard(MarketDataStore store) {
        this.store = store;
    }

    @Override
    public void seed() {
        listingDay.clear();
        for (Listing l : store.listingsByTicker().values()) {
            listingDay.put(l.ticker(), l.listingDate().toEpochDay());
        }
        loaded = store.prices().datesByTicker(t -> listingDay.getOrDefault(t, 0L));
        uncommitted.clear();
    }

    /** Called for validated rows only: the ticker is listed and the date not before its listing. */
    @Override
    public Sourced<DailyPrice> admit(Sourced<DailyPrice> row) {
        DailyPrice p = row.row();
        String key = p.ticker() + " " + p.date();
        int day = (int) (p.date().toEpochDay() - listingDay.get(p.ticker()));
        BitSet dates = loaded.computeIfAbsent(p.ticker(), t -> new BitSet());
        if (!dates.get(day)) {
            dates.set(day);
            uncommitted.put(key, row);
            return row;
        }
        Sourced<DailyPrice> earlier = uncommitted.get(key);
        if (earlier == null) {
            earlier = store.prices().find(p.ticker(), p.date()).orElseThrow(() -> new IllegalStateException(
                    "the price of " + key + " is marked loaded but is not in the store"));
        }
        throw DuplicateGuard.repeated(earlier, row, key, KEY);
    }

    @Override
    public void committed() {
        uncommitted.clear();
    }
}
