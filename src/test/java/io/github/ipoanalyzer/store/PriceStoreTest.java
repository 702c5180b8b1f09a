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

/**
 * The scans of every stored block are read a page at a time, and miss no block across pages; a
 * nightly append's rows join the block of their month's rows appended before.
 */
class PriceStoreTest {

    private static final LocalDate AS_OF = LocalDate.of(2030, 1, 1);

    @Test
    void everyDateOfEveryBlockIsSeenAcrossPages() {
        SimpleDriverDataSource db = database("prices");
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

    @Test
    void appendedRowsJoinTheBlockOfTheirMonthAndNoOther() {
        SimpleDriverDataSource db = database("merge");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        PriceStore store = new PriceStore(db);
        String file = "prices/two.csv";
        // The file as first loaded: lines 2 to 4, January, one block per ticker.
        store.write(List.of(row("A", "2026-01-28", "10.00", file, 2), row("B", "2026-01-28", "20.00", file, 3),
                row("A", "2026-01-30", "10.50", file, 4)));
        // Night 1, line 5: February's first row; January's block is another month.
        store.write(List.of(row("A", "2026-02-02", "11.00", file, 5)));
        assertEquals(0, merge(jdbc, store, file, 4, 100));
        // Night 2, lines 6 and 7: both tickers; A's row joins the row of night 1, B's has no February block before it.
        store.write(List.of(row("A", "2026-02-03", "11.25", file, 6), row("B", "2026-02-03", "21.00", file, 7)));
        assertEquals(1, merge(jdbc, store, file, 5, 100));
        assertEquals(List.of("A 2 4 2026-01-28 2", "A 5 6 2026-02-02 2", "B 3 3 2026-01-28 1", "B 7 7 2026-02-03 1"),
                blocks(jdbc, file));
        // Night 3, line 8: A's February block holds 2 rows, so at most 2 rows a block keeps it apart.
        store.write(List.of(row("A", "2026-02-04", "11.50", file, 8)));
        assertEquals(0, merge(jdbc, store, file, 7, 2));
        assertEquals(1, merge(jdbc, store, file, 7, 3));
        assertEquals(List.of("A 2 4 2026-01-28 2", "A 5 8 2026-02-02 3", "B 3 3 2026-01-28 1", "B 7 7 2026-02-03 1"),
                blocks(jdbc, file));
        // Merging again finds nothing: a restart after the merge changes nothing.
        assertEquals(0, merge(jdbc, store, file, 7, 3));
        // Every row is still there, each with its line, in date order.
        assertEquals(List.of("2026-01-28 10.00", "2026-01-30 10.50", "2026-02-02 11.00", "2026-02-03 11.25",
                "2026-02-04 11.50"), store.prices("A").stream().map(p -> p.date() + " " + p.close()).toList());
        assertEquals(List.of(5L, 6L, 8L), store.blocks("A").get(1).rows().stream().map(Sourced::line).toList());
    }

    @Test
    void eachAppendedFileIsMergedOnItsOwnAndABackdatedRowStaysApart() {
        SimpleDriverDataSource db = database("merge-files");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        PriceStore store = new PriceStore(db);
        String a = "prices/a.csv";
        String b = "prices/b.csv";
        // Two sources of ticker T, and a's ticker U.
        store.write(List.of(row("T", "2026-03-02", "1.00", a, 2), row("U", "2026-03-02", "2.00", a, 3)));
        store.write(List.of(row("T", "2026-03-03", "1.10", b, 2)));
        // The night: a row of T in each file; in a, a row of U from years before (a gap filled late).
        store.write(List.of(row("T", "2026-03-04", "1.20", a, 4), row("U", "2019-05-06", "1.50", a, 5)));
        store.write(List.of(row("T", "2026-03-05", "1.30", b, 3)));
        jdbc.update("INSERT INTO INPUT_TAIL (PATH, FROM_BYTE, LINES_BEFORE) VALUES (?, 0, 3), (?, 0, 2), (?, 0, 7)",
                a, b, "revenue.csv");
        assertEquals(2, store.mergeAppended(AS_OF, 100));
        assertEquals(List.of("T 2 4 2026-03-02 2", "U 3 3 2026-03-02 1", "U 5 5 2019-05-06 1"), blocks(jdbc, a));
        assertEquals(List.of("T 2 3 2026-03-03 2"), blocks(jdbc, b));
        assertEquals(List.of("2026-03-02 1.00 " + a, "2026-03-03 1.10 " + b, "2026-03-04 1.20 " + a, "2026-03-05 1.30 " + b),
                store.blocks("T").stream().flatMap(block -> block.rows().stream())
                        .map(r -> r.row().date() + " " + r.row().close() + " " + r.file()).sorted().toList());
    }

    @Test
    void aBlockAcrossTheAppendsFirstLineOrAnAppendIntoANewMonthIsNotMerged() {
        PriceStore.BlockSpan january = span(1, 2, 20, "2026-01-05", "2026-01-30", 19);
        PriceStore.BlockSpan lateJanuary = span(2, 21, 21, "2026-01-31", "2026-01-31", 1);
        PriceStore.BlockSpan february = span(3, 22, 22, "2026-02-02", "2026-02-02", 1);
        assertEquals(List.of(january, lateJanuary), PriceStore.mergeable(List.of(january, lateJanuary), 20, AS_OF, 100));
        assertEquals(List.of(), PriceStore.mergeable(List.of(january, february), 20, AS_OF, 100), "another month");
        assertEquals(List.of(), PriceStore.mergeable(List.of(january, lateJanuary, february), 20, AS_OF, 100),
                "the appended rows span two months");
        PriceStore.BlockSpan newYear = span(4, 2, 2, "2026-01-02", "2026-01-02", 1);
        PriceStore.BlockSpan rest = span(5, 3, 20, "2026-01-05", "2026-01-30", 18);
        assertEquals(List.of(), PriceStore.mergeable(List.of(newYear, rest, lateJanuary), 10, AS_OF, 100),
                "a block holding lines before and after the append's first line");
        assertEquals(List.of(), PriceStore.mergeable(List.of(january), 20, AS_OF, 100), "nothing appended");
        assertEquals(List.of(), PriceStore.mergeable(List.of(lateJanuary), 20, AS_OF, 100), "nothing before the append");
        assertEquals(List.of(), PriceStore.mergeable(List.of(january, lateJanuary), 20, AS_OF, 19), "more rows than a block holds");
        PriceStore.BlockSpan monthEnd = span(6, 21, 22, "2026-01-31", "2026-02-02", 2);
        assertEquals(List.of(), PriceStore.mergeable(List.of(january, monthEnd), 20, AS_OF, 100),
                "an appended block across a month's end");
        assertEquals(List.of(), PriceStore.mergeable(List.of(january, lateJanuary), 20, LocalDate.parse("2026-01-30"), 100),
                "rows after the as-of date");
        assertEquals(List.of(january, lateJanuary),
                PriceStore.mergeable(List.of(january, lateJanuary), 20, LocalDate.parse("2026-01-31"), 100));
    }

    /** Merges the rows of {@code file} after line {@code linesBefore}, the file being this run's only appended one. */
    private static int merge(JdbcTemplate jdbc, PriceStore store, String file, long linesBefore, int maxRows) {
        jdbc.update("DELETE FROM INPUT_TAIL");
        jdbc.update("INSERT INTO INPUT_TAIL (PATH, FROM_BYTE, LINES_BEFORE) VALUES (?, 0, ?)", file, linesBefore);
        return store.mergeAppended(AS_OF, maxRows);
    }

    private static PriceStore.BlockSpan span(long id, long firstLine, long lastLine, String first, String last, int rows) {
        return new PriceStore.BlockSpan(id, firstLine, lastLine, LocalDate.parse(first), LocalDate.parse(last), rows);
    }

    private static Sourced<DailyPrice> row(String ticker, String date, String close, String file, long line) {
        return new Sourced<>(new DailyPrice(ticker, LocalDate.parse(date), null, null, null, new BigDecimal(close), null,
                null, null), file, line);
    }

    /** Each block of {@code file}: ticker, first and last line, first date, rows. */
    private static List<String> blocks(JdbcTemplate jdbc, String file) {
        return jdbc.query("SELECT TICKER, FIRST_LINE, LAST_LINE, FIRST_DATE, ROW_COUNT FROM PRICE_BLOCK WHERE SOURCE_FILE = ? "
                + "ORDER BY TICKER, FIRST_LINE", (rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3)
                + " " + rs.getDate(4) + " " + rs.getInt(5), file);
    }

    /** A database in memory with the analysis tables. */
    private static SimpleDriverDataSource database(String name) {
        SimpleDriverDataSource db = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:mem:" + name + System.nanoTime(), "SA", "");
        new MarketDataStore(db, List.of("LISTING", PriceStore.TABLE)).createTablesIfMissing();
        return db;
    }
}
