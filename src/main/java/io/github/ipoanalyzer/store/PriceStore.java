package io.github.ipoanalyzer.store;

import io.github.ipoanalyzer.market.DailyPrice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import javax.sql.DataSource;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Daily prices, stored as PRICE_BLOCK rows: one per ticker, file and chunk, each holding its rows
 * in {@link PriceBlockCodec} form with the first and last line and date it covers. A listing's
 * history is a few blocks read and decoded; removing a file's rows deletes a few blocks.
 */
public class PriceStore implements RowStore<DailyPrice> {

    public static final String TABLE = "PRICE_BLOCK";

    private static final long DAY_ZERO = LocalDate.of(1800, 1, 1).toEpochDay();

    private final JdbcTemplate jdbc;

    public PriceStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Writes validated rows as one block per (file, ticker) run, in the caller's transaction. */
    @Override
    public void write(List<? extends Sourced<DailyPrice>> rows) {
        Map<List<String>, List<Sourced<DailyPrice>>> blocks = new LinkedHashMap<>();
        for (Sourced<DailyPrice> r : rows) {
            blocks.computeIfAbsent(List.of(r.file(), r.row().ticker()), k -> new ArrayList<>()).add(r);
        }
        List<Object[]> inserts = new ArrayList<>();
        blocks.forEach((key, block) -> inserts.add(blockRow(key.get(1), key.get(0), block)));
        jdbc.batchUpdate("INSERT INTO PRICE_BLOCK (TICKER, SOURCE_FILE, FIRST_LINE, LAST_LINE, FIRST_DATE, LAST_DATE, "
                + "ROW_COUNT, ROWS_DATA) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", inserts);
    }

    private static Object[] blockRow(String ticker, String file, List<Sourced<DailyPrice>> block) {
        LocalDate first = block.get(0).row().date();
        LocalDate last = first;
        for (Sourced<DailyPrice> r : block) {
            first = r.row().date().isBefore(first) ? r.row().date() : first;
            last = r.row().date().isAfter(last) ? r.row().date() : last;
        }
        return new Object[] {ticker, file, block.get(0).line(), block.get(block.size() - 1).line(), Date.valueOf(first),
                Date.valueOf(last), block.size(), PriceBlockCodec.encode(block)};
    }

    /** A listing's prices in date order. */
    public List<DailyPrice> prices(String ticker) {
        List<DailyPrice> prices = new ArrayList<>();
        jdbc.query("SELECT SOURCE_FILE, ROWS_DATA FROM PRICE_BLOCK WHERE TICKER = ?", rs -> {
            PriceBlockCodec.decode(rs.getBytes(2), ticker, rs.getString(1)).forEach(r -> prices.add(r.row()));
        }, ticker);
        prices.sort(Comparator.comparing(DailyPrice::date));
        return prices;
    }

    /**
     * What identifies each stored block of prices that starts on or before {@code day}: its id
     * and row count (a block is never changed in place: a row removed rewrites it under a new
     * id) with its first date. Metadata only; no price is decoded.
     */
    public List<BlockMark> blockMarks(LocalDate day) {
        return jdbc.query("SELECT ID, ROW_COUNT, FIRST_DATE FROM PRICE_BLOCK WHERE FIRST_DATE <= ?",
                (rs, n) -> new BlockMark(rs.getLong(1), rs.getInt(2), rs.getDate(3).toLocalDate()), Date.valueOf(day));
    }

    /** A stored block of prices: its id, its rows and its first date. */
    public record BlockMark(long id, int rows, LocalDate firstDate) {
    }

    /**
     * The dates that more than one stored row gives, per ticker, as days since
     * {@code origin(ticker)}; tickers without such a date are left out.
     */
    public Map<String, BitSet> repeatedDates(java.util.function.ToLongFunction<String> origin) {
        Map<String, BitSet> seen = new HashMap<>();
        Map<String, BitSet> repeated = new HashMap<>();
        eachBlock("p.TICKER, p.ROWS_DATA", "", rs -> {
            String ticker = rs.getString(2);
            BitSet set = seen.computeIfAbsent(ticker, t -> new BitSet());
            long base = origin.applyAsLong(ticker);
            for (long day : PriceBlockCodec.epochDays(rs.getBytes(3))) {
                int bit = (int) (day - base);
                if (set.get(bit)) {
                    repeated.computeIfAbsent(ticker, t -> new BitSet()).set(bit);
                }
                set.set(bit);
            }
        });
        return repeated;
    }

    /**
     * Removes the rows loaded from the lines after {@code line} of {@code file}: the blocks wholly
     * after it at once, and each block across it rewritten with its rows up to it.
     */
    public void removeAfter(String file, long line) {
        jdbc.update("DELETE FROM PRICE_BLOCK WHERE SOURCE_FILE = ? AND FIRST_LINE > ?", file, line);
        Map<Long, List<Sourced<DailyPrice>>> across = new LinkedHashMap<>();
        jdbc.query("SELECT ID, TICKER, ROWS_DATA FROM PRICE_BLOCK WHERE SOURCE_FILE = ? AND LAST_LINE > ?",
                rs -> {
                    across.put(rs.getLong(1), PriceBlockCodec.decode(rs.getBytes(3), rs.getString(2), file).stream()
                            .filter(r -> r.line() <= line).toList());
                }, file, line);
        rewrite(across);
    }

    /**
     * Merges, in every file this run read from its appended rows on (the ledger's
     * {@code INPUT_TAIL}: the lines of the file before them), each ticker's blocks of the rows
     * appended into the last earlier block of that ticker dated in their month, when all their
     * dates fall in that calendar month, none after {@code asOf}, and they hold at most
     * {@code maxRows} rows together. A nightly feed appends a row a day: a block each would make
     * every listing's history, and every pass over the store, a block longer each night; merged,
     * a month of appends is one block. The merged block is new (its rows changed), and its first
     * date is in the month of the rows appended, so it marks no earlier month of a report's
     * series as changed than they do (a ticker whose appended rows go past the as-of date, which
     * that report does not see, is left as it is). The blocks' spans come in two queries
     * whatever the number of files (the appended blocks, then the earlier blocks dated in the
     * first month any of them could join); only the merged blocks' rows are read, a page of ids
     * at a time. Returns how many blocks were merged away.
     */
    public int mergeAppended(LocalDate asOf, int maxRows) {
        String spans = "SELECT p.ID, p.SOURCE_FILE, p.TICKER, p.FIRST_LINE, p.LAST_LINE, p.FIRST_DATE, p.LAST_DATE, "
                + "p.ROW_COUNT, t.LINES_BEFORE FROM PRICE_BLOCK p JOIN INPUT_TAIL t ON t.PATH = p.SOURCE_FILE WHERE ";
        Map<List<String>, List<BlockSpan>> blocks = new LinkedHashMap<>();
        Map<String, Long> linesBefore = new HashMap<>();
        jdbc.query(spans + "p.LAST_LINE > t.LINES_BEFORE", rs -> {
            blocks.computeIfAbsent(List.of(rs.getString(2), rs.getString(3)), k -> new ArrayList<>()).add(span(rs));
            linesBefore.put(rs.getString(2), rs.getLong(9));
        });
        // The first month an appended block could be merged in; a block that cannot be merged leaves it alone.
        Optional<LocalDate> since = blocks.values().stream().flatMap(List::stream)
                .filter(b -> YearMonth.from(b.firstDate()).equals(YearMonth.from(b.lastDate()))
                        && !b.lastDate().isAfter(asOf) && b.rows() < maxRows)
                .map(b -> b.firstDate().withDayOfMonth(1)).min(Comparator.naturalOrder());
        if (since.isEmpty()) {
            return 0;
        }
        jdbc.query(spans + "p.LAST_LINE <= t.LINES_BEFORE AND p.LAST_DATE >= ?", rs -> {
            List<BlockSpan> appended = blocks.get(List.of(rs.getString(2), rs.getString(3)));
            if (appended != null) {
                appended.add(span(rs));
            }
        }, Date.valueOf(since.get()));
        Map<Long, List<String>> merged = new LinkedHashMap<>();
        int groups = 0;
        for (Map.Entry<List<String>, List<BlockSpan>> fileAndTicker : blocks.entrySet()) {
            List<BlockSpan> spansInLineOrder = new ArrayList<>(fileAndTicker.getValue());
            spansInLineOrder.sort(Comparator.comparingLong(BlockSpan::firstLine));
            List<BlockSpan> group = mergeable(spansInLineOrder, linesBefore.get(fileAndTicker.getKey().get(0)), asOf,
                    maxRows);
            group.forEach(block -> merged.put(block.id(), fileAndTicker.getKey()));
            groups += group.isEmpty() ? 0 : 1;
        }
        if (groups == 0) {
            return 0;
        }
        Map<Long, List<Sourced<DailyPrice>>> rows = new HashMap<>();
        List<Long> ids = new ArrayList<>(merged.keySet());
        for (int from = 0; from < ids.size(); from += PAGE_BLOCKS) {
            List<Long> page = ids.subList(from, Math.min(ids.size(), from + PAGE_BLOCKS));
            jdbc.query("SELECT ID, ROWS_DATA FROM PRICE_BLOCK WHERE ID IN (" + String.join(", ",
                    java.util.Collections.nCopies(page.size(), "?")) + ")", rs -> {
                List<String> fileAndTicker = merged.get(rs.getLong(1));
                rows.put(rs.getLong(1), PriceBlockCodec.decode(rs.getBytes(2), fileAndTicker.get(1), fileAndTicker.get(0)));
            }, page.toArray());
        }
        jdbc.batchUpdate("DELETE FROM PRICE_BLOCK WHERE ID = ?", ids.stream().map(id -> new Object[] {id}).toList());
        // In the groups' order, each group's blocks in line order: a block for each file and ticker.
        write(ids.stream().flatMap(id -> rows.get(id).stream()).toList());
        return ids.size() - groups;
    }

    private static BlockSpan span(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BlockSpan(rs.getLong(1), rs.getLong(4), rs.getLong(5), rs.getDate(6).toLocalDate(),
                rs.getDate(7).toLocalDate(), rs.getInt(8));
    }

    /** What {@link #mergeAppended} knows of a block when it decides: where it is, not its prices. */
    record BlockSpan(long id, long firstLine, long lastLine, LocalDate firstDate, LocalDate lastDate, int rows) {
    }

    /**
     * Of one ticker's blocks of a file in line order, its last block before line
     * {@code linesBefore} and every block after it, when they may be merged (see
     * {@link #mergeAppended}); otherwise none.
     */
    static List<BlockSpan> mergeable(List<BlockSpan> blocks, long linesBefore, LocalDate asOf, int maxRows) {
        BlockSpan before = null;
        List<BlockSpan> group = new ArrayList<>();
        for (BlockSpan block : blocks) {
            if (block.firstLine() > linesBefore) {
                group.add(block);
            } else if (block.lastLine() > linesBefore) {
                return List.of(); // rows of both sides of the line in one block: not an append
            } else if (before == null || block.lastLine() > before.lastLine()) {
                before = block;
            }
        }
        if (before == null || group.isEmpty()) {
            return List.of();
        }
        group.add(0, before);
        YearMonth month = YearMonth.from(before.firstDate());
        int rows = 0;
        for (BlockSpan block : group) {
            rows += block.rows();
            if (!month.equals(YearMonth.from(block.firstDate())) || !month.equals(YearMonth.from(block.lastDate()))
                    || block.lastDate().isAfter(asOf)) {
                return List.of();
            }
        }
        return rows <= maxRows ? group : List.of();
    }

    /** A listing's stored blocks, each with its id and its rows in line order. */
    public List<StoredBlock> blocks(String ticker) {
        return jdbc.query("SELECT ID, SOURCE_FILE, ROWS_DATA FROM PRICE_BLOCK WHERE TICKER = ? ORDER BY ID",
                (rs, n) -> new StoredBlock(rs.getLong(1), PriceBlockCodec.decode(rs.getBytes(3), ticker, rs.getString(2))),
                ticker);
    }

    /** A stored block: its id and its rows. */
    public record StoredBlock(long id, List<Sourced<DailyPrice>> rows) {
    }

    /** Rewrites each block of the given ids with the given rows (or removes it, given none), as {@link #write} writes. */
    public void rewrite(Map<Long, List<Sourced<DailyPrice>>> blocks) {
        blocks.forEach((id, rows) -> {
            jdbc.update("DELETE FROM PRICE_BLOCK WHERE ID = ?", id);
            if (!rows.isEmpty()) {
                write(rows);
            }
        });
    }

    /** Blocks read at a time by {@link #eachBlock}. */
    static final int PAGE_BLOCKS = 256;

    /**
     * Every block, a page of {@link #PAGE_BLOCKS} at a time in id order: HSQLDB holds a query's
     * whole result in memory, and all blocks at once are the whole market's prices (10M prices:
     * 270 MB more of the heap). {@code columns} come after the id, column 1.
     */
    private void eachBlock(String columns, String join, RowCallbackHandler row) {
        long[] after = {Long.MIN_VALUE};
        int[] read = new int[1];
        do {
            read[0] = 0;
            jdbc.query("SELECT p.ID, " + columns + " FROM PRICE_BLOCK p" + join + " WHERE p.ID > ? ORDER BY p.ID "
                    + "LIMIT " + PAGE_BLOCKS, rs -> {
                after[0] = rs.getLong(1);
                read[0]++;
                row.processRow(rs);
            }, after[0]);
        } while (read[0] == PAGE_BLOCKS);
    }

    /** Every date with a price of a listing of each exchange: the trading calendars of the event study. */
    public Map<String, Set<LocalDate>> datesByExchange() {
        // A bit per day (millions of prices, a few thousand dates), counted from a day before any
        // date the input accepts (1900 on).
        Map<String, BitSet> days = new HashMap<>();
        eachBlock("l.EXCHANGE, p.ROWS_DATA", " JOIN LISTING l ON l.TICKER = p.TICKER", rs -> {
            BitSet set = days.computeIfAbsent(rs.getString(2), k -> new BitSet());
            for (long day : PriceBlockCodec.epochDays(rs.getBytes(3))) {
                set.set(Math.toIntExact(day - DAY_ZERO));
            }
        });
        Map<String, Set<LocalDate>> dates = new HashMap<>();
        days.forEach((exchange, set) -> dates.put(exchange, set.stream().mapToObj(i -> LocalDate.ofEpochDay(i + DAY_ZERO))
                .collect(Collectors.toCollection(HashSet::new))));
        return dates;
    }

    /**
     * Removes the rows loaded from the given lines of each file: every block that holds one is
     * read once and rewritten without them (or deleted when none is left), so removing tens of
     * thousands of rows of a file costs a pass over its blocks, not one per row. Returns the lines
     * removed; lines not loaded are left out.
     */
    public Map<String, Set<Long>> removeAll(Map<String, ? extends Set<Long>> linesByFile) {
        Map<String, Set<Long>> removed = new LinkedHashMap<>();
        linesByFile.forEach((file, lines) -> {
            java.util.TreeSet<Long> wanted = new java.util.TreeSet<>(lines);
            List<long[]> blocks = jdbc.query("SELECT ID, FIRST_LINE, LAST_LINE FROM PRICE_BLOCK WHERE SOURCE_FILE = ?",
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, file);
            for (long[] b : blocks) {
                Long first = wanted.ceiling(b[1]);
                if (first == null || first > b[2]) {
                    continue;
                }
                List<Sourced<DailyPrice>> rows = jdbc.queryForObject("SELECT TICKER, ROWS_DATA FROM PRICE_BLOCK WHERE ID = ?",
                        (rs, n) -> PriceBlockCodec.decode(rs.getBytes(2), rs.getString(1), file), b[0]);
                List<Sourced<DailyPrice>> kept = rows.stream().filter(r -> !wanted.contains(r.line())).toList();
                if (kept.size() < rows.size()) {
                    jdbc.update("DELETE FROM PRICE_BLOCK WHERE ID = ?", b[0]);
                    if (!kept.isEmpty()) {
                        write(kept);
                    }
                    rows.stream().filter(r -> wanted.contains(r.line()))
                            .forEach(r -> removed.computeIfAbsent(file, f -> new HashSet<>()).add(r.line()));
                }
            }
        });
        return removed;
    }
}
