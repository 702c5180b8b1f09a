package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.IpoAnalyzerApplication;
import io.github.ipoanalyzer.generate.MarketGenerator;
import io.github.ipoanalyzer.store.SharedRunLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL as the shared store: the job repository and the analysis tables on the server give
 * the embedded run's report byte for byte, on a first run and on a rerun after files changed
 * (a file removed: its rows purged; a day appended: only the tail read); and a second manager
 * on the shared database is refused while one runs, naming it.
 */
@Tag("server")
class SharedDatabaseTest {

    @TempDir
    Path work;
    private String database;

    @BeforeEach
    void server() throws Exception {
        Servers.requirePostgres();
        database = Servers.freshDatabase();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            Servers.drop(database);
        }
    }

    @Test
    void theSharedDatabaseGivesTheEmbeddedRunsBytesOnAFirstRunAndAfterFilesChange() throws Exception {
        Path input = work.resolve("market");
        MarketGenerator market = new MarketGenerator(120, 30, 11);
        market.writeTo(input);
        assertSameReports(input, "first run");

        List<Path> prices;
        try (Stream<Path> files = Files.list(input.resolve("prices"))) {
            prices = files.sorted().toList();
        }
        market.appendDay(input, 1);
        Files.delete(prices.get(0));
        assertSameReports(input, "after a price file was removed and a day appended");
    }

    private void assertSameReports(Path input, String when) throws Exception {
        String[] common = {"--input", input.toString(), "--as-of", "2026-11-28", "--settle-seconds", "0"};
        JobRun embedded = JobRun.launch(concat(common, "--output", work.resolve("out-embedded").toString(),
                "--db", work.resolve("db-embedded").toString()));
        assertEquals(0, embedded.exitCode(), embedded.err());
        JobRun shared = JobRun.launch(concat(concat(common, "--output", work.resolve("out-shared").toString(),
                "--db", work.resolve("db-shared").toString()), Servers.postgresOptions(database)));
        assertEquals(0, shared.exitCode(), shared.err());
        // Each output folder's digest names its own previous report: the figures are what must be equal.
        assertEquals(JobRun.figureFiles(work.resolve("out-embedded/latest"), "manifest.json"),
                JobRun.figureFiles(work.resolve("out-shared/latest"), "manifest.json"), when);
        assertEquals(List.of("BATCH_JOB_EXECUTION", "LISTING", "PRICE_BLOCK"), tablesIn(database,
                "BATCH_JOB_EXECUTION", "LISTING", "PRICE_BLOCK"), "the repository and the tables are in PostgreSQL");
    }

    /**
     * Processes that start together on an empty database (workers brought up with the manager,
     * a unit started on several machines at once) each create the job repository's and the
     * analysis tables if missing: six applications started at the same moment, in threads of
     * this JVM once its classes are loaded so that they reach the schema together, all come up,
     * three times over, and leave Spring Batch's 6 tables and the 22 analysis tables once.
     */
    @Test
    void applicationsStartedTogetherOnAnEmptyDatabaseAllComeUp() throws Exception {
        startTogether(1, database); // loads the classes, so that the six below start in step
        for (int round = 1; round <= 3; round++) {
            String empty = Servers.freshDatabase();
            try {
                List<String> failures = startTogether(6, empty);
                assertEquals(List.of(), failures, "round " + round);
                try (Connection c = DriverManager.getConnection(Servers.POSTGRES_URL + empty, "postgres", "");
                     ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FILTER (WHERE table_name LIKE "
                             + "'batch\\_%'), COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                    rs.next();
                    assertEquals(6, rs.getInt(1));
                    assertEquals(6 + 22, rs.getInt(2));
                }
            } finally {
                Servers.drop(empty);
            }
        }
    }

    /**
     * A pool of one set by the user is raised to the threads' need before the schema is created:
     * creating it on PostgreSQL holds the schema lock's connection and takes another, which a
     * pool of one never gives (the start failed after the pool's timeout).
     */
    @Test
    void aPoolOfOneIsRaisedBeforeTheSchemaIsCreatedOnAnEmptyDatabase() throws Exception {
        String empty = Servers.freshDatabase();
        Path db = work.resolve("pool-of-one");
        try (ConfigurableApplicationContext context = application(db, empty, "--ipo.load-threads=2",
                "--ipo.report-threads=2", "--ipo.worker-threads=2", "--spring.datasource.hikari.maximum-pool-size=1",
                "--spring.datasource.hikari.connection-timeout=2000")) {
            // 2 threads + 3
            assertEquals(5, context.getBean(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize());
        } finally {
            Servers.drop(empty);
        }
    }

    /** The application started on {@code database}, its own files in {@code db}, with {@code settings}. */
    private static ConfigurableApplicationContext application(Path db, String database, String... settings) {
        return new SpringApplicationBuilder(IpoAnalyzerApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).registerShutdownHook(false)
                .run(concat(concat(new String[] {"--ipo.db-dir=" + db, "--logging.file.name="
                        + db.resolve("ipo-analyzer.log")}, settings), Servers.postgresOptions(database)));
    }

    /** Starts {@code count} application contexts on {@code database} at once; the failures' messages. */
    private static final String LOGGING_SYSTEM = org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY;

    private List<String> startTogether(int count, String database) throws Exception {
        CyclicBarrier start = new CyclicBarrier(count);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        // Processes, not threads, start together in use: in one JVM the applications would also configure the one
        // Logback context at once ("No appenders present", a ConcurrentModificationException in a full suite).
        String loggingSystem = System.setProperty(LOGGING_SYSTEM, "none");
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path db = work.resolve("starting-" + database + "-" + i);
                started.add(threads.submit(() -> {
                    start.await();
                    try (ConfigurableApplicationContext context = application(db, database)) {
                        return null;
                    } catch (RuntimeException e) {
                        Throwable root = e;
                        while (root.getCause() != null) {
                            root = root.getCause();
                        }
                        // Where it was thrown too: a bare exception name says nothing of which start raced.
                        return root + java.util.Arrays.stream(root.getStackTrace()).limit(12)
                                .map(f -> "\n    at " + f).collect(java.util.stream.Collectors.joining());
                    }
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> f : started) {
                String failure = f.get(120, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            return failures;
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, loggingSystem);
            }
            threads.shutdownNow();
        }
    }

    @Test
    void aSecondManagerOnTheSharedDatabaseIsRefusedNamingTheOneThatRuns() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(10, 10, 3).writeTo(input);
        String[] args = concat(new String[] {"--input", input.toString(), "--output", work.resolve("out").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-11-28", "--settle-seconds", "0"},
                Servers.postgresOptions(database));
        // Another machine's manager holds the run lock: its session has the advisory lock.
        try (Connection other = DriverManager.getConnection(Servers.POSTGRES_URL + database, "postgres", "")) {
            other.createStatement().execute("SELECT set_config('application_name', 'pid 4242 on desk-7 since "
                    + "2026-12-01T02:00:00Z', false)");
            try (ResultSet locked = other.createStatement().executeQuery("SELECT pg_try_advisory_lock("
                    + io.github.ipoanalyzer.store.SharedRunLock.KEY + ")")) {
                locked.next();
                assertTrue(locked.getBoolean(1));
            }
            JobRun refused = JobRun.launch(args);
            assertEquals(4, refused.exitCode(), refused.out() + refused.err());
            assertTrue(refused.err().contains("Another ipo-analyzer run is in progress on the shared database")
                    && refused.err().contains("pid 4242 on desk-7"), refused.err());
            assertEquals(List.of(), JobRun.reportFolders(work.resolve("out")), "the refused run did nothing");
        }
        // Its session ended (as when that machine's process dies): the lock is free again.
        JobRun next = JobRun.launch(args);
        assertEquals(0, next.exitCode(), next.err());
        assertEquals(10, JobRun.csv(work.resolve("out/latest/first-day.csv")).size());
    }

    @Test
    void aManagerWhoseLockConnectionIsDroppedStopsAtOnceAndNoOtherStartsWhileItLives() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(400, 60, 17).writeTo(input);
        String[] common = concat(new String[] {"--input", input.toString(), "--as-of", "2026-11-28", "--settle-seconds",
                "0"}, Servers.postgresOptions(database));
        ChildJvm first = ChildJvm.start(concat(common, "--output", work.resolve("out-1").toString(), "--db",
                work.resolve("db-1").toString()), work.resolve("first.out"), "-Dipo.report-threads=1",
                "-Dipo.report-chunk-size=10");
        first.waitFor(ChildJvm.REPORT_PROGRESS, 30);
        // Only the lock's own connection ends (an administrator, a proxy, a network fault): the rest of the run goes on.
        try (Connection admin = DriverManager.getConnection(Servers.POSTGRES_URL + database, "postgres", "");
             PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(l.pid) FROM pg_locks l "
                     + "JOIN pg_database d ON d.oid = l.database WHERE d.datname = ? AND l.locktype = 'advisory' "
                     + "AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ?")) {
            terminate.setString(1, database);
            terminate.setLong(2, SharedRunLock.KEY >>> 32);
            terminate.setLong(3, SharedRunLock.KEY & 0xFFFFFFFFL);
            try (ResultSet rs = terminate.executeQuery()) {
                assertTrue(rs.next() && rs.getBoolean(1), "the first manager's lock connection was found and ended");
            }
        }
        // A manager on another machine (its own --db and output folder) starts at once.
        ChildJvm second = ChildJvm.start(concat(common, "--output", work.resolve("out-2").toString(), "--db",
                work.resolve("db-2").toString()), work.resolve("second.out"));
        long dropped = System.nanoTime();
        while (first.process().isAlive()) {
            assertTrue(!second.allOutput().contains("ipo-analyzer: input"), "the second manager began while the "
                    + "first still ran:\n" + first.allOutput() + "\n---\n" + second.allOutput());
            Thread.sleep(20);
        }
        double stoppedAfter = (System.nanoTime() - dropped) / 1e9;
        String console = first.allOutput();
        assertEquals(1, first.exitCode(), console);
        assertTrue(console.contains("Failed: the shared PostgreSQL database cannot be used (the connection holding this "
                + "run's lock on " + Servers.POSTGRES_URL + database + " ended"), console);
        assertTrue(stoppedAfter < 5, "stopped at once: " + stoppedAfter + " s");
        assertTrue(!console.contains("\tat ") && !console.contains("OptimisticLocking"), console);

        String next = second.allOutput();
        assertEquals(0, second.exitCode(), second.allOutput());
        next = second.allOutput();
        assertTrue(next.contains("Run 1 did not finish") && !next.contains("OptimisticLocking"), next);
        assertEquals(400, JobRun.csv(work.resolve("out-2/latest/first-day.csv")).size());
    }

    @Test
    void aDatabaseThatGoesAwayMidRunFailsItCleanlyAndTheRunResumesOnceItIsBack() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(400, 60, 13).writeTo(input);
        try (TcpProxy server = new TcpProxy(5432)) {
            String[] args = concat(new String[] {"--input", input.toString(), "--output", work.resolve("out").toString(),
                    "--db", work.resolve("db").toString(), "--as-of", "2026-11-28", "--settle-seconds", "0",
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database,
                    "--spring.datasource.username=postgres", "--spring.datasource.hikari.connection-timeout=3000"});
            ChildJvm manager = ChildJvm.start(args, work.resolve("manager.out"), "-Dipo.report-threads=1",
                    "-Dipo.report-chunk-size=10");
            manager.waitFor(ChildJvm.REPORT_PROGRESS, 30);
            server.close(); // the database is gone mid-report
            int code = manager.exitCode();
            String console = manager.allOutput();
            assertEquals(1, code, console);
            assertTrue(console.contains("the shared PostgreSQL database cannot be used"), console);
            assertTrue(!console.contains("\tat "), console);
            assertTrue(JobRun.reportFolders(work.resolve("out")).stream().noneMatch(f -> f.startsWith("2026")),
                    "nothing published: " + JobRun.reportFolders(work.resolve("out")));

            server.reopen();
            JobRun resumed = JobRun.launch(args);
            assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
            assertTrue(resumed.out().contains("Resuming run 1") || resumed.out().contains("did not finish"),
                    resumed.out());
        }
        JobRun embedded = JobRun.launch("--input", input.toString(), "--output", work.resolve("out-embedded").toString(),
                "--db", work.resolve("db-embedded").toString(), "--as-of", "2026-11-28", "--settle-seconds", "0");
        assertEquals(0, embedded.exitCode(), embedded.err());
        assertEquals(JobRun.reportFiles(work.resolve("out-embedded/latest"), "manifest.json"),
                JobRun.reportFiles(work.resolve("out/latest"), "manifest.json"));
    }

    private static List<String> tablesIn(String database, String... tables) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(Servers.POSTGRES_URL + database, "postgres", "")) {
            for (String table : tables) {
                try (ResultSet rs = c.getMetaData().getTables(null, "public", table.toLowerCase(), null)) {
                    if (rs.next()) {
                        found.add(table);
                    }
                }
            }
        }
        return found;
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
