package io.github.ipoanalyzer.job;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

/**
 * The connection pool sized from the thread settings. Each load, report or worker thread holds a
 * connection for its chunk's transaction, which can last seconds on a large market; with fewer
 * connections than threads, a waiting partition fails after the pool's timeout ("Connection is
 * not available"). The pool is raised, never lowered: a larger pool set by the user is kept.
 */
final class ConnectionPoolSize {

    /** Connections beside the threads': the main thread's steps, the run's lock on a shared database, one spare. */
    static final int RESERVED = 3;

    private ConnectionPoolSize() {
    }

    /**
     * Raises a Hikari pool's maximum to what the settings' threads need. The connections kept open
     * while idle stay the configured pool's: Hikari's own default keeps the maximum open, which in
     * every process on a shared PostgreSQL (the manager, each worker) would take that many of its
     * {@code max_connections} whether its threads work or not.
     */
    static void fit(DataSource dataSource, IpoSettings settings) {
        if (dataSource instanceof HikariDataSource pool) {
            if (pool.getMinimumIdle() < 0) { // not set, and the pool not started yet
                pool.setMinimumIdle(pool.getMaximumPoolSize());
            }
            pool.setMaximumPoolSize(atLeastTheThreads(pool.getMaximumPoolSize(), settings.loadThreadCount(),
                    settings.reportThreadCount(), settings.workerThreadCount()));
        }
    }

    static int atLeastTheThreads(int configured, int loadThreads, int reportThreads, int workerThreads) {
        return Math.max(configured, Math.max(loadThreads, Math.max(reportThreads, workerThreads)) + RESERVED);
    }
}
