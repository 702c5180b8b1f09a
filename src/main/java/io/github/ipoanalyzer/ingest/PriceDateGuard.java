package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.store.MarketDataStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-row-per-ticker-and-date rule of prices for markets of millions of rows: it remembers
 * only which dates each ticker has, a bit per day since its listing (a few hundred bytes per
 * listing, where remembering every row ran out of a 1 GiB heap), plus the rows of the chunk not
 * yet committed. When a date repeats, the earlier row is looked up among the committed prices of
 * that one ticker, read once and kept while its rows keep coming (a file of tens of thousands of
 * repeated days reads its ticker once, not a block per row).
 */
public final class PriceDateGuard implements RowGuard<DailyPrice> {

    static final String KEY = "ticker and date";

    private final MarketDataStore store;
    private final Map<String, Long> listingDay = new HashMap<>();
    private final Map<String, Sourced<DailyPrice>> uncommitted = new HashMap<>();
    private Map<String, BitSet> loaded = new HashMap<>();
    private String committedTicker;
    private Map<LocalDate, Sourced<DailyPrice>> committedRows = Map.of();
    private List<Replacement<DailyPrice>> replaced = new ArrayList<>();

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
        replaced.clear();
        committedTicker = null;
        committedRows = Map.of();
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
            earlier = committed(p.ticker()).get(p.date());
            if (earlier == null) {
                throw new IllegalStateException("the price of " + key + " is marked loaded but is not in the store");
            }
        }
        Sourced<DailyPrice> merged = Observations.merge(earlier, row, key, KEY);
        replaced.add(new Replacement<>(earlier, merged, key, KEY));
        uncommitted.put(key, merged);
        return merged;
    }

    private Map<LocalDate, Sourced<DailyPrice>> committed(String ticker) {
        if (!ticker.equals(committedTicker)) {
            committedRows = store.prices().sourcedByDate(ticker);
            committedTicker = ticker;
        }
        return committedRows;
    }

    @Override
    public List<Replacement<DailyPrice>> takeReplacements() {
        List<Replacement<DailyPrice>> taken = replaced;
        replaced = new ArrayList<>();
        return taken;
    }

    @Override
    public void committed() {
        if (committedTicker != null) {
            uncommitted.values().stream().filter(r -> r.row().ticker().equals(committedTicker))
                    .forEach(r -> committedRows.put(r.row().date(), r));
        }
        uncommitted.clear();
    }
}
