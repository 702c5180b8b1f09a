package io.github.ipoanalyzer.store;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each listing's estimation sums between runs, as bytes the event study reads and checks
 * (see eventstudy.EstimationMemo): a row per ticker, written in the caller's transaction.
 */
public class EstimationSumsStore {

    private final JdbcTemplate jdbc;

    public EstimationSumsStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Every listing's kept state by ticker, in one query: a report asks for every listing's, and a
     * query per listing was prepared and run again for each (half a kilobyte a listing at 10M rows).
     */
    public Map<String, byte[]> loadAll() {
        Map<String, byte[]> all = new HashMap<>();
        jdbc.query("SELECT TICKER, STATE FROM ESTIMATION_SUMS", rs -> {
            all.put(rs.getString(1), rs.getBytes(2));
        });
        return all;
    }

    public void save(String ticker, byte[] state) {
        if (jdbc.update("UPDATE ESTIMATION_SUMS SET STATE = ? WHERE TICKER = ?", state, ticker) == 0) {
            jdbc.update("INSERT INTO ESTIMATION_SUMS (TICKER, STATE) VALUES (?, ?)", ticker, state);
        }
    }
}
