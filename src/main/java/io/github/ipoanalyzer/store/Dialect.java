package io.github.ipoanalyzer.store;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What differs between the two databases the analysis tables live in: the embedded HSQLDB (the
 * default) and PostgreSQL (the team option). The schema is written once, in HSQLDB's words
 * ({@code db/analysis-schema.sql}); for PostgreSQL its four HSQLDB-only phrases are translated
 * here, so the two never drift apart.
 */
public enum Dialect {
    HSQLDB,
    POSTGRESQL;

    public static Dialect of(DataSource dataSource) {
        String product = new JdbcTemplate(dataSource).execute((ConnectionCallback<String>) c ->
                c.getMetaData().getDatabaseProductName());
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("hsql")) {
            return HSQLDB;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("ipo-analyzer keeps its tables in HSQLDB or PostgreSQL, not in " + product);
    }

    /** The analysis tables' schema in this database's words. */
    String schema() {
        String hsqldb;
        try {
            hsqldb = new ClassPathResource("db/analysis-schema.sql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (this == HSQLDB) {
            return hsqldb;
        }
        return hsqldb.replace("CREATE CACHED TABLE", "CREATE TABLE")
                .replaceAll("VARBINARY\\(\\d+\\)", "BYTEA")
                .replaceAll("DROP TABLE (\\w+) IF EXISTS", "DROP TABLE IF EXISTS $1")
                .replaceAll("ALTER COLUMN (\\w+) SET NULL", "ALTER COLUMN $1 DROP NOT NULL");
    }

    /** Deletes at most {@code limit} rows of {@code table} that match {@code condition}. */
    String deleteAtMost(String table, String condition, int limit) {
        return this == HSQLDB ? "DELETE FROM " + table + " WHERE " + condition + " LIMIT " + limit
                : "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE " + condition
                + " LIMIT " + limit + ")";
    }
}
