package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.store.MarketDataStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What rows are checked against: the listings already loaded, by ticker, and their exchanges'
 * calendars (which, with the listings, say what exchanges there are). A row's ticker finds its listing however either spells it (06082 finds 6082.HK).
 */
public record ListingLookup(Map<String, Listing> byTicker, TradingDays calendars, Map<String, Listing> byKey) {

    public static final ListingLookup NONE = new ListingLookup(Map.of(), TradingDays.NONE);

    public ListingLookup(Map<String, Listing> byTicker, TradingDays calendars) {
        this(byTicker, calendars, keyed(byTicker));
    }

    private static Map<String, Listing> keyed(Map<String, Listing> byTicker) {
        Map<String, Listing> byKey = new HashMap<>();
        byTicker.values().forEach(l -> byKey.put(TickerSymbols.key(l.ticker()), l));
        return Map.copyOf(byKey);
    }

    /**
     * The exchange a row's market column names, in the spelling of the listings (else of the
     * calendars): exchange codes are matched without case, so {@code sse} is SSE.
     */
    public Optional<String> exchange(String market) {
        return Stream.concat(byTicker.values().stream().map(Listing::exchange), calendars.exchanges().stream().sorted())
                .filter(e -> e.equalsIgnoreCase(market)).findFirst();
    }

    /** Every exchange a listing or a calendar is on, sorted. */
    public SortedSet<String> exchanges() {
        SortedSet<String> exchanges = new TreeSet<>(calendars.exchanges());
        byTicker.values().forEach(l -> exchanges.add(l.exchange()));
        return exchanges;
    }

    /** The currencies the listings of {@code exchange} trade in: empty when it has only a calendar. */
    public SortedSet<String> tradingCurrencies(String exchange) {
        return byTicker.values().stream().filter(l -> l.exchange().equals(exchange)).map(l -> l.currency().getCurrencyCode())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The listing of the row's ticker column. A row of a ticker the listings do not name (an
     * export's other tickers, the rows left in every file of a listing taken out of listings.csv)
     * is set aside by ticker ({@link MarketDataStore#SET_ASIDE_RULE}) and told once per ticker
     * and file, not counted as a reject, so that it never stops the report of the others.
     */
    public Listing of(RowValues values) {
        String ticker = values.text("ticker");
        Listing listing = byTicker.get(ticker);
        if (listing == null) {
            listing = byKey.get(TickerSymbols.key(ticker));
        }
        if (listing == null) {
            throw values.reject("ticker", MarketDataStore.SET_ASIDE_RULE, "no listing for ticker " + ticker
                    + " in listings.csv");
        }
        return listing;
    }
}
