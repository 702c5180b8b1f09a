package io.github.ipoanalyzer.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Creates the schema one process at a time on a shared PostgreSQL database. Every process
 * (a manager, each worker) creates the job repository's and the analysis tables if missing as
 * it starts, and processes started together on an empty database would otherwise create them
 * at once: PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} is not safe against itself (two
 * sessions both find the table missing, and the second fails on the catalog's unique index),
 * so one of them would not start. Here the creation runs holding a session-level advisory lock,
 * taken on a connection of its own and released when the creation ends: the others wait for it,
 * then find the tables there. A process killed meanwhile loses its session, and with it the
 * lock. The embedded HSQLDB has one process: there the creation just runs.
 */
public final class SchemaLock {

    /** The advisory lock's key: "ipo-analyzer schema" in a 64-bit number of its own, not the run lock's. */
    public static final long KEY = 0x69706F2D736368L;

    private SchemaLock() {
    }

    /** Runs {@code create} holding the lock (on PostgreSQL); returns what it returned. */
    public static <T> T holding(DataSource dataSource, Supplier<T> create) {
        if (Dialect.of(dataSource) != Dialect.POSTGRESQL) {
            return create.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            lock(connection, "SELECT pg_advisory_lock(?)");
            try {
                return create.get();
            } finally {
                lock(connection, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the schema's lock on the shared database could not be taken: "
                    + e.getMessage(), e);
        }
    }

    private static void lock(Connection connection, String call) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(call)) {
            statement.setLong(1, KEY);
            statement.execute();
        }
    }
}
