package io.github.ipoanalyzer.store;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/** Keeps one basis of the latest published report's series, as bytes the report package reads (see SeriesBasis). */
public class SeriesBasisStore {

    private final JdbcTemplate jdbc;

    public SeriesBasisStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<byte[]> load() {
        List<byte[]> saved = jdbc.query("SELECT BASIS FROM SERIES_BASIS WHERE ID = 1", (rs, n) -> rs.getBytes(1));
        return saved.stream().findFirst();
    }

    public void save(byte[] basis) {
        if (jdbc.update("UPDATE SERIES_BASIS SET BASIS = ? WHERE ID = 1", (Object) basis) == 0) {
            jdbc.update("INSERT INTO SERIES_BASIS (ID, BASIS) VALUES (1, ?)", (Object) basis);
        }
    }
}
