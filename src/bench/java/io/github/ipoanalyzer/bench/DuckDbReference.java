package io.github.ipoanalyzer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * What a user would write instead: DuckDB SQL over the same CSV files, computing the same
 * first-day metrics (returns at open, high, low and close; lot gains; market value at the offer
 * and the first close; money left on the table) and the market-value series (every close, change
 * since offer, running peak, drawdown), written to CSV as the job writes its report.
 * Usage: DuckDbReference MARKET_DIR OUT_DIR
 */
public final class DuckDbReference {

    public static void main(String[] args) throws Exception {
        Path market = Path.of(args[0]).toAbsolutePath();
        Path out = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            lap("open DuckDB (JDBC driver, native library)", start);
            s.execute("CREATE TABLE l AS SELECT * FROM read_csv('" + market.resolve("listings.csv") + "', header = true, "
                    + "types = {'offer_price': 'DECIMAL(18,2)', 'listing_date': 'DATE', 'lot_shares': 'BIGINT', "
                    + "'shares_offered': 'BIGINT', 'total_shares_after_listing': 'BIGINT'})");
            // Columns declared, no sniffing: detecting the dialect of each of thousands of files is what
            // a user who knows the format would switch off (it took 39 of 42 s at 1M rows in 500 files).
            s.execute("CREATE TABLE p AS SELECT ticker, date, open, high, low, close FROM read_csv('"
                    + market.resolve("prices") + "/*.csv', header = true, auto_detect = false, columns = {"
                    + "'ticker': 'VARCHAR', 'date': 'DATE', 'open': 'DECIMAL(18,2)', 'high': 'DECIMAL(18,2)', "
                    + "'low': 'DECIMAL(18,2)', 'close': 'DECIMAL(18,2)', 'volume': 'BIGINT', 'turnover': 'DECIMAL(18,2)', "
                    + "'note': 'VARCHAR'})");
            lap("read the CSV files", start);
            s.execute("COPY (SELECT l.ticker, p.close / l.offer_price - 1 AS first_day_return, "
                    + "p.open / l.offer_price - 1 AS return_open, p.high / l.offer_price - 1 AS return_high, "
                    + "p.low / l.offer_price - 1 AS return_low, l.lot_shares * (p.open - l.offer_price) AS lot_gain_open, "
                    + "l.lot_shares * (p.high - l.offer_price) AS lot_gain_high, l.lot_shares * (p.low - l.offer_price) "
                    + "AS lot_gain_low, l.lot_shares * (p.close - l.offer_price) AS lot_gain_close, "
                    + "l.offer_price * l.total_shares_after_listing AS cap_offer, "
                    + "p.close * l.total_shares_after_listing AS cap_first_close, "
                    + "l.shares_offered * (p.close - l.offer_price) AS money_left "
                    + "FROM l JOIN p ON p.ticker = l.ticker AND p.date = l.listing_date ORDER BY l.ticker) TO '"
                    + out.resolve("first-day.csv") + "' (HEADER)");
            lap("first-day metrics to CSV", start);
            s.execute("COPY (SELECT ticker, date, cap, cap / cap_offer - 1 AS change_since_offer, "
                    + "max(cap) OVER (PARTITION BY ticker ORDER BY date) AS peak, "
                    + "cap / max(cap) OVER (PARTITION BY ticker ORDER BY date) - 1 AS drawdown FROM ("
                    + "SELECT p.ticker, p.date, p.close * l.total_shares_after_listing AS cap, "
                    + "l.offer_price * l.total_shares_after_listing AS cap_offer FROM p JOIN l USING (ticker) "
                    + "WHERE p.close IS NOT NULL) ORDER BY ticker, date) TO '" + out.resolve("market-value.csv")
                    + "' (HEADER)");
            lap("market-value series to CSV", start);
        }
    }

    private static void lap(String what, long start) {
        System.out.printf(java.util.Locale.ROOT, "%-45s %6.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }
}
