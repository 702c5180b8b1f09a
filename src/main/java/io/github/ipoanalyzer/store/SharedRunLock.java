package io.github.ipoanalyzer.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One run at a time across machines that share one PostgreSQL database: a session-level
 * advisory lock, held on a connection of its own for the whole run. The server releases it
 * when that connection ends, so a manager killed with -9 (or a machine that died) never blocks
 * the next run. The holder names itself in its connection's application name, which a refused
 * run reads back. The embedded HSQLDB lives on one machine, where the launcher's file lock
 * already does this: there the lock is taken at once.
 * <p>
 * The lock's connection can end while its run lives (an administrator's pg_terminate_backend,
 * a proxy or a network fault): the lock is then free for another run. So the holder beats
 * every {@link #BEAT} on that very connection (a row of {@code IPO_RUN_LEASE}, with the
 * server's clock); the first beat that fails calls the run's {@link #watch} action, which stops
 * the process at once. A beat cannot hang longer than {@link #NETWORK_TIMEOUT}, so a holder is
 * gone within {@code BEAT + NETWORK_TIMEOUT} of its last beat; the next holder waits until the
 * last beat is {@link #STOPPED_AFTER} old before it starts. A run that ended cleanly clears its
 * beat: the next starts at once.
 */
public final class SharedRunLock implements AutoCloseable {

    /** The advisory lock's key: "ipo-analyzer run" in a 64-bit number of its own. */
    public static final long KEY = 0x69706F2D72756EL;
    static final Duration BEAT = Duration.ofSeconds(1);
    static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(3);
    /** Well past {@code BEAT + NETWORK_TIMEOUT}, the longest a holder that lost its connection lives on. */
    public static final Duration STOPPED_AFTER = Duration.ofSeconds(10);

    private final Connection connection;
    private final String holder;
    /** Who said how the run ended first: the run itself (ENDED) or the watch (LOST). */
    private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.OPEN);
    private ScheduledExecutorService beats;

    private SharedRunLock(Connection connection, String holder) {
        this.connection = connection;
        this.holder = holder;
    }

    /**
     * The lock, or empty with who holds it; {@code holder} (at most 63 characters are kept) says
     * who this run is. When the run that held it before lost its connection less than
     * {@link #STOPPED_AFTER} ago, {@code waiting} is told (who it was, how long) and the lock is
     * returned once that run has certainly stopped.
     */
    public static Result tryAcquire(DataSource dataSource, String holder, Consumer<String> waiting)
            throws SQLException, InterruptedException {
        if (Dialect.of(dataSource) != Dialect.POSTGRESQL) {
            return new Result(Optional.of(new SharedRunLock(null, holder)), null);
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
            try (PreparedStatement name = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                name.setString(1, holder);
                name.execute();
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        awaitPreviousHolder(connection, waiting);
                        beat(connection, holder);
                        return new Result(Optional.of(new SharedRunLock(connection, holder)), null);
                    }
                }
            }
            String holding = holder(connection);
            connection.close();
            return new Result(Optional.empty(), holding);
        } catch (SQLException | RuntimeException | InterruptedException e) {
            connection.close();
            throw e;
        }
    }

    /** The lock if taken, else who holds it (as it named itself, with its client address). */
    public record Result(Optional<SharedRunLock> lock, String holder) {
    }

    /** Holding the lock: the run before, if its beat is recent, lost its connection; it is waited out. */
    private static void awaitPreviousHolder(Connection connection, Consumer<String> waiting)
            throws SQLException, InterruptedException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS IPO_RUN_LEASE (ID INT PRIMARY KEY, HOLDER VARCHAR(200) NOT NULL, "
                    + "LAST_BEAT TIMESTAMP WITH TIME ZONE)");
            try (ResultSet rs = s.executeQuery("SELECT HOLDER, EXTRACT(EPOCH FROM clock_timestamp() - LAST_BEAT) "
                    + "FROM IPO_RUN_LEASE WHERE ID = 1 AND LAST_BEAT IS NOT NULL")) {
                if (rs.next()) {
                    long leftMillis = STOPPED_AFTER.toMillis() - (long) (rs.getDouble(2) * 1000);
                    if (leftMillis > 0) {
                        waiting.accept(String.format(java.util.Locale.ROOT, "Waiting %.1f s: the run that held the "
                                + "shared database's lock before (%s) lost its connection %.1f s ago and stops itself "
                                + "within %d s of it", leftMillis / 1000.0, rs.getString(1), rs.getDouble(2),
                                STOPPED_AFTER.toSeconds()));
                        Thread.sleep(leftMillis);
                    }
                }
            }
        }
    }

    private static void beat(Connection connection, String holder) throws SQLException {
        try (PreparedStatement beat = connection.prepareStatement("INSERT INTO IPO_RUN_LEASE (ID, HOLDER, LAST_BEAT) "
                + "VALUES (1, ?, clock_timestamp()) ON CONFLICT (ID) DO UPDATE SET HOLDER = EXCLUDED.HOLDER, "
                + "LAST_BEAT = EXCLUDED.LAST_BEAT")) {
            beat.setString(1, holder.length() > 200 ? holder.substring(0, 200) : holder);
            beat.executeUpdate();
        }
    }

    /**
     * Beats every {@link #BEAT} on the lock's connection; if a beat fails (the connection ended,
     * or hung past {@link #NETWORK_TIMEOUT}), {@code lost} is called once, with why, unless the
     * run {@link #settle settled} first. {@code lost} must stop the run at once.
     */
    public void watch(Consumer<Exception> lost) {
        if (connection == null) {
            return;
        }
        beats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "shared-run-lock");
            thread.setDaemon(true);
            return thread;
        });
        beats.scheduleWithFixedDelay(() -> {
            try {
                beat(connection, holder);
            } catch (Exception e) {
                if (outcome.compareAndSet(Outcome.OPEN, Outcome.LOST)) {
                    lost.accept(e);
                }
            }
        }, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Called when the run has ended, before it says how: true if it still held the lock (the
     * watch no longer acts; asking again gives true again); false if the lock was lost first (the
     * watch's action is stopping the process).
     */
    public boolean settle() {
        return outcome.compareAndSet(Outcome.OPEN, Outcome.ENDED) || outcome.get() == Outcome.ENDED;
    }

    private enum Outcome { OPEN, ENDED, LOST }

    private static String holder(Connection connection) throws SQLException {
        // An advisory lock on a bigint key shows in pg_locks as its high and low 32 bits.
        try (PreparedStatement who = connection.prepareStatement("SELECT a.application_name, a.client_addr, "
                + "a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = "
                + "'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1 "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
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
        if (connection == null) {
            return;
        }
        settle();
        if (beats != null) {
            beats.shutdown();
            try {
                beats.awaitTermination(NETWORK_TIMEOUT.toMillis() + BEAT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Statement clear = connection.createStatement()) {
            clear.executeUpdate("UPDATE IPO_RUN_LEASE SET LAST_BEAT = NULL WHERE ID = 1"); // the next run need not wait
        } catch (SQLException e) {
            // the connection is gone: the next run waits out the last beat
        } finally {
            connection.close(); // ends the session: the server releases the lock
        }
    }
}
