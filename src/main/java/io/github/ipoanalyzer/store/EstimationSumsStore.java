package io.github.ipoanalyzer.store;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each listing's estimation sums between runs, as bytes the event study reads and checks
 * (see eventstudy.EstimationMemo): a row per ticker, written in the caller's transaction.
 */
public class EstimationSumsStore {

    private final JdbcTemplate jdbc;

    public EstimationSumsStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<byte[]> load(String ticker) {
        List<byte[]> saved = jdbc.query("SELECT STATE FROM ESTIMATION_SUMS WHERE TICKER = ?", (rs, n) -> rs.getBytes(1),
                ticker);
        return saved.stream().findFirst();
    }

    public void save(String ticker, byte[] state) {
        if (jdbc.update("UPDATE ESTIMATION_SUMS SET STATE = ? WHERE TICKER = ?", state, ticker) == 0) {
            jdbc.update("INSERT INTO ESTIMATION_SUMS (TICKER, STATE) VALUES (?, ?)", ticker, state);
        }
    }
}
