package io.github.ipoanalyzer.store;

import io.github.ipoanalyzer.market.DailyPrice;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scans of every stored block are read a page at a time, and miss no block across pages. */
class PriceStoreTest {

    @Test
    void everyDateOfEveryBlockIsSeenAcrossPages() {
        SimpleDriverDataSource db = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:mem:prices" + System.nanoTime(), "SA", "");
        new MarketDataStore(db, List.of("LISTING", PriceStore.TABLE)).createTablesIfMissing();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        PriceStore store = new PriceStore(db);
        LocalDate first = LocalDate.of(2026, 1, 5);
        int tickers = 2 * PriceStore.PAGE_BLOCKS + 7; // three pages, the last one short
        for (int t = 0; t < tickers; t++) {
            String ticker = "T" + t;
            jdbc.update("INSERT INTO LISTING (TICKER, NAME_EN, EXCHANGE, CURRENCY, LISTING_DATE, OFFER_PRICE, LOT_SHARES, "
                    + "SHARES_OFFERED, SOURCE_FILE, SOURCE_LINE) VALUES (?, ?, ?, 'CNY', ?, 10, 100, 1000, 'listings.csv', ?)",
                    ticker, ticker, t % 2 == 0 ? "SSE" : "HKEX", java.sql.Date.valueOf(first), t + 2);
            // Each ticker its own block and its own day: ticker t traded on day t only.
            List<Sourced<DailyPrice>> rows = new ArrayList<>();
            rows.add(new Sourced<>(new DailyPrice(ticker, first.plusDays(t), null, null, null, BigDecimal.ONE, null, null,
                    null), "prices/" + ticker + ".csv", 2));
            store.write(rows);
        }
        // Every third ticker's day again, from another file: a repeated date, found across pages.
        for (int t = 0; t < tickers; t += 3) {
            store.write(List.of(new Sourced<>(new DailyPrice("T" + t, first.plusDays(t), null, null, null, BigDecimal.ONE,
                    null, null, null), "prices/again.csv", t + 2)));
        }
        Map<String, BitSet> repeated = store.repeatedDates(ticker -> first.toEpochDay());
        assertEquals((tickers + 2) / 3, repeated.size());
        for (int t = 0; t < tickers; t += 3) {
            assertEquals(Set.of(t), repeated.get("T" + t).stream().boxed().collect(java.util.stream.Collectors.toSet()));
        }
        Map<String, Set<LocalDate>> byExchange = store.datesByExchange();
        assertEquals((tickers + 1) / 2, byExchange.get("SSE").size());
        assertEquals(tickers / 2, byExchange.get("HKEX").size());
        for (int t = 0; t < tickers; t++) {
            assertTrue(byExchange.get(t % 2 == 0 ? "SSE" : "HKEX").contains(first.plusDays(t)), "day " + t);
        }
    }
}
