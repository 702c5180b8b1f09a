package io.github.ipoanalyzer.store;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.market.ReportedCap;
import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.money.FxRate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads and writes the analysis tables. */
public class MarketDataStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final DataSource dataSource;
    private final PriceStore prices;
    private final SeriesBasisStore seriesBasis;
    private final EstimationSumsStore estimationSums;
    private final List<String> dataTables;

    /** {@code dataTables}: the tables of loaded rows, rows that refer to listings before LISTING. */
    public MarketDataStore(DataSource dataSource, List<String> dataTables) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.prices = new PriceStore(dataSource);
        this.seriesBasis = new SeriesBasisStore(dataSource);
        this.estimationSums = new EstimationSumsStore(dataSource);
        this.dataTables = List.copyOf(dataTables);
    }

    /** Writes rows into one table, in the caller's transaction. */
    public <T> RowStore<T> writer(Table<T> table) {
        return rows -> {
            int[] inserted = named.batchUpdate(table.insertSql(), rows.stream()
                    .map(r -> new MapSqlParameterSource(table.parameters(r))).toArray(MapSqlParameterSource[]::new));
            for (int n : inserted) {
                if (n != 1 && n != java.sql.Statement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException("an insert into " + table.name() + " wrote " + n + " rows");
                }
            }
        };
    }

    public PriceStore prices() {
        return prices;
    }

    /** What the latest published report's series were computed from. */
    public SeriesBasisStore seriesBasis() {
        return seriesBasis;
    }

    /** Each listing's estimation sums, kept between runs. */
    public EstimationSumsStore estimationSums() {
        return estimationSums;
    }

    /** Creates the tables on first use, one process at a time on a shared database (see {@link SchemaLock}). */
    public void createTablesIfMissing() {
        SchemaLock.holding(dataSource, () -> {
            createTables();
            return null;
        });
    }

    private void createTables() {
        new ResourceDatabasePopulator(new ByteArrayResource(Dialect.of(dataSource).schema()
                .getBytes(StandardCharsets.UTF_8))).execute(dataSource);
        // Columns added by later versions; the rows of an older version are reloaded anyway (new version).
        addColumnIfMissing("INPUT_FILE", "SIZE_BYTES", "BIGINT DEFAULT -1 NOT NULL");
        addColumnIfMissing("INPUT_FILE", "LINES", "BIGINT DEFAULT -1 NOT NULL");
        addColumnIfMissing("LISTING", "OFFER_PRICE_MAX", "DECIMAL(38, 12)");
        addColumnIfMissing("LISTING", "FLOAT_SHARES", "BIGINT");
        addColumnIfMissing("REJECTED_ROW", "OTHER_VALUE", "VARCHAR(4000)");
    }

    private void addColumnIfMissing(String table, String column, String type) {
        // PostgreSQL keeps unquoted names in lower case, HSQLDB in upper case.
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE "
                + "UPPER(TABLE_NAME) = ? AND UPPER(COLUMN_NAME) = ?", Integer.class, table, column);
        if (present == 0) {
            jdbc.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        }
    }

    public <T> List<Sourced<T>> loadAll(Table<T> table) {
        return jdbc.query(table.selectAll(), table.rowMapper());
    }

    public <T> List<T> rows(Table<T> table) {
        return loadAll(table).stream().map(Sourced::row).toList();
    }

    /**
     * The listings' histories for a report: every listing's revenue and reported caps read here,
     * at once (a few rows a listing), and each listing's prices when its history is asked for.
     */
    public Histories histories() {
        return new Histories(byTicker(MarketTables.REVENUE, RevenuePeriod::ticker),
                byTicker(MarketTables.REPORTED_CAP, ReportedCap::ticker));
    }

    /** A table's rows by ticker, each ticker's in the table's order (which starts with the ticker). */
    private <T> Map<String, List<T>> byTicker(Table<T> table, Function<T, String> ticker) {
        Map<String, List<T>> rows = new HashMap<>();
        for (T row : rows(table)) {
            rows.computeIfAbsent(ticker.apply(row), t -> new ArrayList<>()).add(row);
        }
        rows.replaceAll((t, list) -> List.copyOf(list));
        return rows;
    }

    /** Listings' histories, on any thread: the revenue and caps held, the prices read one listing at a time. */
    public final class Histories {
        private final Map<String, List<RevenuePeriod>> revenue;
        private final Map<String, List<ReportedCap>> reportedCaps;

        private Histories(Map<String, List<RevenuePeriod>> revenue, Map<String, List<ReportedCap>> reportedCaps) {
            this.revenue = revenue;
            this.reportedCaps = reportedCaps;
        }

        /** One listing with its prices (in date order), revenue and reported caps. */
        public ListingHistory of(Listing listing) {
            return new ListingHistory(listing, prices.prices(listing.ticker()),
                    revenue.getOrDefault(listing.ticker(), List.of()), reportedCaps.getOrDefault(listing.ticker(), List.of()));
        }
    }

    /** Every date with a price of a listing of each exchange: the trading calendars of the event study. */
    public Map<String, Set<LocalDate>> priceDatesByExchange() {
        return prices.datesByExchange();
    }

    public List<FxRate> fxRates() {
        return rows(MarketTables.FX_RATE);
    }

    public Map<String, Listing> listingsByTicker() {
        return rows(MarketTables.LISTING).stream().collect(Collectors.toMap(Listing::ticker, l -> l));
    }

    public void recordReject(RejectedRow reject) {
        recordRejects(List.of(reject));
    }

    /** Records rows not loaded (rejects and repeats) in one batch. */
    public void recordRejects(List<RejectedRow> rejects) {
        jdbc.batchUpdate("INSERT INTO REJECTED_ROW (SOURCE_FILE, SOURCE_LINE, COLUMN_NAME, RAW_VALUE, RULE_NAME, REASON, "
                + "OTHER_FILE, OTHER_LINE, OTHER_VALUE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rejects.stream().map(r ->
                new Object[] {r.file(), r.line(), r.column(), shortened(r.rawValue()), r.rule(), shortened(r.reason()),
                        r.otherFile(), r.otherFile() == null ? null : r.otherLine(), shortened(r.otherValue())}).toList());
    }

    /**
     * The second half of "conflicting rows are both rejected": each conflict reject names the
     * earlier row it collided with, which was loaded (perhaps in an earlier chunk); that row is
     * removed from its table and rejected in turn, with its own value and the same reason (it
     * names both rows and both values). Idempotent: a row already removed is skipped. One pass over the rejects and
     * over the blocks they touch, however many rows conflict.
     */
    public int rejectConflictingRows() {
        List<RejectedRow> conflicts = jdbc.query("SELECT * FROM REJECTED_ROW WHERE RULE_NAME = 'conflict' "
                + "AND OTHER_FILE IS NOT NULL ORDER BY ID", (rs, n) -> rejectedRow(rs));
        Map<String, Set<Long>> others = new java.util.LinkedHashMap<>();
        conflicts.forEach(c -> others.computeIfAbsent(c.otherFile(), f -> new java.util.HashSet<>()).add(c.otherLine()));
        Map<String, Set<Long>> removed = new java.util.HashMap<>();
        for (String table : dataTables) {
            removeLoaded(table, others).forEach((file, lines) ->
                    removed.computeIfAbsent(file, f -> new java.util.HashSet<>()).addAll(lines));
        }
        List<RejectedRow> rejected = new java.util.ArrayList<>();
        for (RejectedRow c : conflicts) {
            Set<Long> lines = removed.get(c.otherFile());
            if (lines != null && lines.remove(c.otherLine())) {
                rejected.add(new RejectedRow(c.otherFile(), c.otherLine(), c.column(), c.otherValue(), "conflict",
                        c.reason(), c.file(), c.line(), c.rawValue()));
            }
        }
        recordRejects(rejected);
        return rejected.size();
    }

    /** Removes the given lines of each file from {@code table}; returns those that were loaded there. */
    public Map<String, Set<Long>> removeLoaded(String table, Map<String, ? extends Set<Long>> linesByFile) {
        if (table.equals(PriceStore.TABLE)) {
            return prices.removeAll(linesByFile);
        }
        List<Object[]> keys = new java.util.ArrayList<>();
        linesByFile.forEach((file, lines) -> lines.forEach(line -> keys.add(new Object[] {file, line})));
        int[] deleted = jdbc.batchUpdate("DELETE FROM " + table + " WHERE SOURCE_FILE = ? AND SOURCE_LINE = ?", keys);
        Map<String, Set<Long>> removed = new java.util.HashMap<>();
        for (int i = 0; i < deleted.length; i++) {
            if (deleted[i] > 0) {
                removed.computeIfAbsent((String) keys.get(i)[0], f -> new java.util.HashSet<>()).add((Long) keys.get(i)[1]);
            }
        }
        return removed;
    }

    /**
     * The rule of rows set aside rather than rejected: price rows of a ticker that listings.csv
     * does not name. They are counted apart and told once per ticker and file, never listed one by
     * one in rejects.csv nor held against the reject limit.
     */
    public static final String SET_ASIDE_RULE = "ticker-not-in-listings";

    public void recordNotice(String file, String message) {
        jdbc.update("MERGE INTO INPUT_NOTICE n USING (VALUES (CAST(? AS VARCHAR(1000)), CAST(? AS VARCHAR(1000)))) "
                + "AS v(F, M) ON n.SOURCE_FILE = v.F AND n.MESSAGE = v.M "
                + "WHEN NOT MATCHED THEN INSERT VALUES (v.F, v.M)", file, shortened(message));
    }

    /** Notices per input file, in file order; the rows set aside are told there, once per ticker. */
    public Map<String, List<String>> notices() {
        Map<String, List<String>> notices = new TreeMap<>();
        jdbc.query("SELECT SOURCE_FILE, MESSAGE FROM INPUT_NOTICE ORDER BY SOURCE_FILE, MESSAGE", rs -> {
            notices.computeIfAbsent(rs.getString(1), f -> new java.util.ArrayList<>()).add(rs.getString(2));
        });
        jdbc.query("SELECT SOURCE_FILE, RAW_VALUE, COUNT(*) FROM REJECTED_ROW WHERE RULE_NAME = ? "
                + "GROUP BY SOURCE_FILE, RAW_VALUE ORDER BY SOURCE_FILE, RAW_VALUE", rs -> {
            notices.computeIfAbsent(rs.getString(1), f -> new java.util.ArrayList<>()).add(String.format(
                    java.util.Locale.ROOT, "%s (%,d row%s in %s): not in listings.csv — add a row for it; its rows are "
                            + "set aside until then", rs.getString(2), rs.getLong(3), rs.getLong(3) == 1 ? "" : "s",
                    rs.getString(1)));
        }, SET_ASIDE_RULE);
        return notices;
    }

    /** The rows rejected, in file and line order; not the repeats, nor the rows set aside (see {@link #notices()}). */
    public List<RejectedRow> rejects() {
        return jdbc.query("SELECT * FROM REJECTED_ROW WHERE RULE_NAME <> 'repeat' AND RULE_NAME <> ? "
                + "ORDER BY SOURCE_FILE, SOURCE_LINE, ID", (rs, n) -> rejectedRow(rs), SET_ASIDE_RULE);
    }

    /** Of each file with a record of {@code rule}, the first line that has one. */
    public Map<String, Long> firstLineOf(String rule) {
        Map<String, Long> lines = new TreeMap<>();
        jdbc.query("SELECT SOURCE_FILE, MIN(SOURCE_LINE) FROM REJECTED_ROW WHERE RULE_NAME = ? GROUP BY SOURCE_FILE",
                rs -> {
                    lines.put(rs.getString(1), rs.getLong(2));
                }, rule);
        return lines;
    }

    /** Removes the records of the rows after line {@code line} of {@code file}; returns how many. */
    public int removeRecordsAfter(String file, long line) {
        return jdbc.update("DELETE FROM REJECTED_ROW WHERE SOURCE_FILE = ? AND SOURCE_LINE > ?", file, line);
    }

    /** The first {@code limit} rejected rows of {@link #rejects()} and how many there are: for a summary, bounded however many. */
    public Listed firstRejects(int limit) {
        return first("RULE_NAME <> 'repeat' AND RULE_NAME <> ?", limit, SET_ASIDE_RULE);
    }

    /**
     * The first {@code limit} rows not loaded because a row of the same key says the same (see
     * ingest.Observations), and how many there are (a re-export can repeat millions).
     */
    public Listed firstRepeats(int limit) {
        return first("RULE_NAME = 'repeat'", limit);
    }

    /** Some records of rows not loaded, and how many there are in all. */
    public record Listed(List<RejectedRow> first, long total) {
    }

    /**
     * The rows of the files read most recently first (a file not recorded yet, as in a run that
     * stopped at the reject limit, first of all), then by file and line: what a run has just
     * read is what its reader needs to see, not the rejects of files unchanged for months.
     */
    private Listed first(String where, int limit, Object... args) {
        List<RejectedRow> first = jdbc.query("SELECT r.* FROM REJECTED_ROW r LEFT JOIN INPUT_FILE f ON f.PATH = "
                + "r.SOURCE_FILE WHERE " + where + " ORDER BY COALESCE(f.PARSED_IN_RUN, " + Long.MAX_VALUE + ") DESC, "
                + "r.SOURCE_FILE, r.SOURCE_LINE, r.ID FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                (rs, n) -> rejectedRow(rs), args);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM REJECTED_ROW WHERE " + where, Long.class, args);
        return new Listed(first.subList(0, Math.min(limit, first.size())), total == null ? 0 : total);
    }

    private static RejectedRow rejectedRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RejectedRow(rs.getString("SOURCE_FILE"), rs.getLong("SOURCE_LINE"), rs.getString("COLUMN_NAME"),
                rs.getString("RAW_VALUE"), rs.getString("RULE_NAME"), rs.getString("REASON"), rs.getString("OTHER_FILE"),
                rs.getLong("OTHER_LINE"), rs.getString("OTHER_VALUE"));
    }

    /** Rows loaded, repeated, rejected and set aside per input file (relative path), in file order. */
    public Map<String, FileCounts> countsByFile() {
        Map<String, FileCounts> counts = new TreeMap<>();
        for (String table : dataTables) {
            jdbc.query("SELECT SOURCE_FILE, " + MarketTables.rowCount(table) + " FROM " + table
                    + " GROUP BY SOURCE_FILE", rs -> {
                counts.merge(rs.getString(1), new FileCounts(rs.getLong(2), 0, 0, 0), FileCounts::plus);
            });
        }
        jdbc.query("SELECT SOURCE_FILE, RULE_NAME, COUNT(*) FROM REJECTED_ROW GROUP BY SOURCE_FILE, RULE_NAME", rs -> {
            long n = rs.getLong(3);
            String rule = rs.getString(2);
            counts.merge(rs.getString(1), rule.equals("repeat") ? new FileCounts(0, n, 0, 0)
                    : SET_ASIDE_RULE.equals(rule) ? new FileCounts(0, 0, 0, n) : new FileCounts(0, 0, n, 0),
                    FileCounts::plus);
        });
        return counts;
    }

    /** A raw value may be a whole broken file on one line: keep its start and say how long it was. */
    private static String shortened(String s) {
        return s == null || s.length() <= 1000 ? s
                : s.substring(0, 200) + "… (" + String.format(java.util.Locale.ROOT, "%,d", s.length()) + " characters)";
    }

    /** A row not loaded: where it is, the column and value at fault, the rule and a reason; the row it repeats, if any. */
    /** {@code otherValue}: of a conflict, the value of the other row (see {@link #rejectConflictingRows}). */
    public record RejectedRow(String file, long line, String column, String rawValue, String rule, String reason,
                              String otherFile, long otherLine, String otherValue) {
    }

    /**
     * Every row read is loaded, a repeat of a row already loaded, rejected, or set aside (a
     * price row of a ticker not in listings.csv, see {@link #SET_ASIDE_RULE}).
     */
    public record FileCounts(long loaded, long repeated, long rejected, long setAside) {

        public static final FileCounts NONE = new FileCounts(0, 0, 0, 0);

        public long read() {
            return loaded + repeated + rejected + setAside;
        }

        FileCounts plus(FileCounts other) {
            return new FileCounts(loaded + other.loaded, repeated + other.repeated, rejected + other.rejected,
                    setAside + other.setAside);
        }
    }
}
