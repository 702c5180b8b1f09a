package io.github.ipoanalyzer.store;

import io.github.ipoanalyzer.ingest.CsvRecord;
import io.github.ipoanalyzer.ingest.RejectedRowException;
import io.github.ipoanalyzer.ingest.Sourced;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.market.ReportedCap;
import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.money.FxRate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and writes the analysis tables. */
public class MarketDataStore {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public MarketDataStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void createTablesIfMissing() {
        new ResourceDatabasePopulator(new ClassPathResource("db/analysis-schema.sql")).execute(dataSource);
    }

    public void clearAll() {
        MarketTables.ALL.forEach(t -> jdbc.update("DELETE FROM " + t));
    }

    public <T> List<Sourced<T>> loadAll(Table<T> table) {
        return jdbc.query(table.selectAll(), table.rowMapper());
    }

    public <T> List<T> rows(Table<T> table) {
        return loadAll(table).stream().map(Sourced::row).toList();
    }

    /** Every listing with its prices, revenue and reported caps, in ticker order. */
    public List<ListingHistory> histories() {
        Map<String, List<DailyPrice>> prices = byTicker(rows(MarketTables.DAILY_PRICE), DailyPrice::ticker);
        Map<String, List<RevenuePeriod>> revenue = byTicker(rows(MarketTables.REVENUE), RevenuePeriod::ticker);
        Map<String, List<ReportedCap>> caps = byTicker(rows(MarketTables.REPORTED_CAP), ReportedCap::ticker);
        return rows(MarketTables.LISTING).stream().map(l -> new ListingHistory(l,
                prices.getOrDefault(l.ticker(), List.of()), revenue.getOrDefault(l.ticker(), List.of()),
                caps.getOrDefault(l.ticker(), List.of()))).toList();
    }

    public List<FxRate> fxRates() {
        return rows(MarketTables.FX_RATE);
    }

    public Map<String, Listing> listingsByTicker() {
        return rows(MarketTables.LISTING).stream().collect(Collectors.toMap(Listing::ticker, l -> l));
    }

    public void recordReject(CsvRecord record, RejectedRowException reject) {
        jdbc.update("INSERT INTO REJECTED_ROW (SOURCE_FILE, SOURCE_LINE, COLUMN_NAME, RAW_VALUE, RULE_NAME, REASON) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", record.file(), record.line(), reject.column(),
                truncate(reject.rawValue()), reject.rule(), truncate(reject.reason()));
    }

    public List<RejectedRow> rejects() {
        return jdbc.query("SELECT * FROM REJECTED_ROW ORDER BY SOURCE_FILE, SOURCE_LINE, ID", (rs, n) -> new RejectedRow(
                rs.getString("SOURCE_FILE"), rs.getLong("SOURCE_LINE"), rs.getString("COLUMN_NAME"),
                rs.getString("RAW_VALUE"), rs.getString("RULE_NAME"), rs.getString("REASON")));
    }

    /** Rows loaded and rejected per input file (relative path), in file order. */
    public Map<String, FileCounts> countsByFile() {
        Map<String, FileCounts> counts = new TreeMap<>();
        for (String table : MarketTables.ALL) {
            boolean rejects = table.equals("REJECTED_ROW");
            jdbc.query("SELECT SOURCE_FILE, COUNT(*) FROM " + table + " GROUP BY SOURCE_FILE", rs -> {
                FileCounts c = counts.getOrDefault(rs.getString(1), new FileCounts(0, 0));
                counts.put(rs.getString(1), rejects ? new FileCounts(c.loaded(), c.rejected() + rs.getLong(2))
                        : new FileCounts(c.loaded() + rs.getLong(2), c.rejected()));
            });
        }
        return counts;
    }

    private static <T> Map<String, List<T>> byTicker(List<T> rows, Function<T, String> ticker) {
        return rows.stream().collect(Collectors.groupingBy(ticker));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3990) + "…";
    }

    public record RejectedRow(String file, long line, String column, String rawValue, String rule, String reason) {
    }

    public record FileCounts(long loaded, long rejected) {
        public long read() {
            return loaded + rejected;
        }
    }
}
