package io.github.ipoanalyzer.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One run at a time across machines that share one PostgreSQL database: a session-level
 * advisory lock, held on a connection of its own for the whole run. The server releases it
 * when that connection ends, so a manager killed with -9 (or a machine that died) never blocks
 * the next run. The holder names itself in its connection's application name, which a refused
 * run reads back. The embedded HSQLDB lives on one machine, where the launcher's file lock
 * already does this: there the lock is taken at once.
 */
public final class SharedRunLock implements AutoCloseable {

    /** The advisory lock's key: "ipo-analyzer run" in a 64-bit number of its own. */
    public static final long KEY = 0x69706F2D72756EL;

    private final Connection connection;

    private SharedRunLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * The lock, or empty with who holds it; {@code holder} (at most 63 characters are kept) says
     * who this run is.
     */
    public static Result tryAcquire(DataSource dataSource, String holder) throws SQLException {
        if (Dialect.of(dataSource) != Dialect.POSTGRESQL) {
            return new Result(Optional.of(new SharedRunLock(null)), null);
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement name = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                name.setString(1, holder);
                name.execute();
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new Result(Optional.of(new SharedRunLock(connection)), null);
                    }
                }
            }
            String holding = holder(connection);
            connection.close();
            return new Result(Optional.empty(), holding);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The lock if taken, else who holds it (as it named itself, with its client address). */
    public record Result(Optional<SharedRunLock> lock, String holder) {
    }

    private static String holder(Connection connection) throws SQLException {
        // An advisory lock on a bigint key shows in pg_locks as its high and low 32 bits.
        try (PreparedStatement who = connection.prepareStatement("SELECT a.application_name, a.client_addr, "
                + "a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = "
                + "'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1")) {
            who.setLong(1, KEY >>> 32);
            who.setLong(2, KEY & 0xFFFFFFFFL);
            try (ResultSet rs = who.executeQuery()) {
                if (!rs.next()) {
                    return "a run that has just ended";
                }
                String address = rs.getString(2);
                return rs.getString(1) + (address == null ? "" : ", from " + address);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close(); // ends the session: the server releases the lock
        }
    }
}
