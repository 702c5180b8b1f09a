package io.github.ipoanalyzer.job;

import com.zaxxer.hikari.HikariDataSource;
import io.github.ipoanalyzer.IpoAnalyzerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every partition thread holds a connection for its chunk's transaction, so a pool smaller than
 * the threads made partitions wait for one and fail after the pool's timeout: 6 report threads
 * on a pool of 2 failed a 2M-row run with "Connection is not available". The pool is sized from
 * the busiest thread setting plus the connections the rest of the run holds.
 */
@SpringBootTest(classes = IpoAnalyzerApplication.class, properties = {
        "ipo.load-threads=3", "ipo.report-threads=7", "ipo.worker-threads=2"})
class ConnectionPoolSizeTest {

    private static final Path WORK = temporaryFolder();

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void databaseInATemporaryFolder(DynamicPropertyRegistry registry) {
        registry.add("ipo.db-dir", () -> WORK.resolve("db").toString());
        registry.add("logging.file.name", () -> WORK.resolve("db/ipo-analyzer.log").toString());
    }

    @Test
    void thePoolHoldsTheBusiestThreadsAndTheRunsOwnConnections() {
        // 7 report threads, the busiest setting, + 3: the job's own steps, the run's lock, one spare
        assertEquals(10, ((HikariDataSource) dataSource).getMaximumPoolSize());
    }

    @Test
    void raisedBeforeThePoolStartsOnlyTheConfiguredConnectionsStayOpenWhenIdle() throws Exception {
        // Hikari keeps its maximum open when no minimum is set: a pool raised before it started
        // would hold 10 sessions of a shared PostgreSQL's max_connections (100 by default) in
        // every process, the manager and each worker, idle or not. The configured 4 stay the
        // idle floor; the others are opened when threads ask for them.
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:hsqldb:mem:pool-size-" + System.nanoTime());
            pool.setUsername("SA");
            pool.setMaximumPoolSize(4);
            ConnectionPoolSize.fit(pool, IpoSettings.of(java.util.Map.of("ipo.report-threads", "7")));
            try (java.sql.Connection started = pool.getConnection()) {
                assertEquals(10, pool.getMaximumPoolSize());
                assertEquals(4, pool.getMinimumIdle());
            }
        }
    }

    @Test
    void aLargerPoolSetByTheUserIsKept() {
        assertEquals(40, ConnectionPoolSize.atLeastTheThreads(40, 7, 3, 2));
        assertEquals(4 + ConnectionPoolSize.RESERVED, ConnectionPoolSize.atLeastTheThreads(4, 1, 4, 2));
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("pool-size");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
