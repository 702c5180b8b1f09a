package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.generate.MarketGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remote partitioning against the real PostgreSQL and RabbitMQ, with worker processes: a manager
 * with two workers gives the one-process run's bytes; a worker killed with -9 mid-partition is
 * noticed within the partition timeout, and the next launch computes only what was left; a
 * broker that goes away mid-run fails the run cleanly, and the run resumes once it is back.
 */
@Tag("server")
class RemoteWorkersTest {

    private static final String AS_OF = "2026-11-28";

    @TempDir
    Path work;
    private String database;
    private String queue;
    private final List<ChildJvm> workers = new ArrayList<>();

    @BeforeEach
    void servers() throws Exception {
        Servers.requirePostgres();
        Servers.requireRabbit();
        database = Servers.freshDatabase();
        queue = "ipo-analyzer.test-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() throws Exception {
        for (ChildJvm w : workers) {
            w.process().destroyForcibly().waitFor();
        }
        if (database != null) {
            Servers.drop(database);
        }
    }

    @Test
    void aManagerWithTwoWorkerProcessesGivesTheOneProcessRunsBytes() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(150, 40, 7).writeTo(input);
        worker("w1", Servers.RABBIT_PORT);
        worker("w2", Servers.RABBIT_PORT);

        JobRun manager = JobRun.launch(managerArgs(input, Servers.RABBIT_PORT));
        assertEquals(0, manager.exitCode(), manager.out() + manager.err());
        assertEquals(oneProcessReport(input), JobRun.reportFiles(work.resolve("out/latest"), "manifest.json"));
        assertTrue(workers.get(0).allOutput().contains("Computing partition")
                && workers.get(1).allOutput().contains("Computing partition"), "both workers took partitions:\n"
                + workers.get(0).allOutput() + workers.get(1).allOutput());
    }

    /**
     * The price load's groups of files go to the workers too: a generated market with files that
     * overlap it (see {@link PartitionedPriceLoadTest}), loaded in 8 groups by two worker processes,
     * leaves in PostgreSQL the rows, repeats and rejects that one thread leaves in the embedded
     * database, and the same report; every group was loaded by a worker, none by the manager.
     */
    @Test
    void twoWorkerProcessesLoadThePriceFilesAsOneEmbeddedThreadDoes() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(40, 60, 11).writeTo(input);
        PartitionedPriceLoadTest.writeOverlaps(input);
        worker("w1", Servers.RABBIT_PORT);
        worker("w2", Servers.RABBIT_PORT);
        // 4 groups per thread: 8
        PartitionedPriceLoadTest.Store oneThread = loadedByWorkersAsByOneThread(input, "--ipo.load-threads=2");
        assertEquals(6, oneThread.records().stream().filter(r -> r.contains("700000.SH")).count(),
                "the overlaps' repeats and conflicts are there to compare");

        // 40 files of 60 rows, the feed's 2 × 20, 2 + 3 hand-made rows: every one read once, by a worker.
        Map<String, Long> groups = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(Servers.POSTGRES_URL + database, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT STEP_NAME, READ_COUNT, STATUS FROM "
                     + "BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'loadPriceFiles:%'")) {
            while (rs.next()) {
                assertEquals("COMPLETED", rs.getString(3));
                assertEquals(null, groups.put(rs.getString(1), rs.getLong(2)), "each group loaded once");
            }
        }
        assertEquals(8, groups.size(), groups.toString());
        assertEquals(40 * 60 + 40 + 5, groups.values().stream().mapToLong(Long::longValue).sum(), groups.toString());
        Set<String> loadedByWorkers = new TreeSet<>();
        for (ChildJvm w : workers) {
            List<String> own = w.allOutput().lines().filter(l -> l.contains("Loading partition loadPriceFiles:"))
                    .map(l -> l.replaceAll(".*Loading partition (\\S+) .*", "$1")).toList();
            assertTrue(!own.isEmpty(), "both workers loaded groups:\n" + w.allOutput());
            loadedByWorkers.addAll(own);
        }
        assertEquals(groups.keySet(), loadedByWorkers);
    }

    /**
     * One large price file cut into 15 ranges (and a small file whole), loaded by two worker
     * processes: each range read by a worker from the input folder at the manager's path, the
     * same rows and records, with the same lines, as one embedded thread that reads it whole.
     */
    @Test
    void twoWorkerProcessesLoadTheRangesOfOneLargeFileAsOneEmbeddedThreadDoes() throws Exception {
        Path input = work.resolve("market");
        LargePriceFileSplitTest.writePlanted(input);
        worker("w1", Servers.RABBIT_PORT);
        worker("w2", Servers.RABBIT_PORT);
        PartitionedPriceLoadTest.Store oneThread = loadedByWorkersAsByOneThread(input, "--ipo.load-threads=4",
                "--ipo.load-split-bytes=1");
        assertEquals(12, oneThread.records().size());
        Map<String, List<Long>> reads = stepReads("loadPriceFiles:%");
        assertEquals(16, reads.size(), reads.toString());
        assertEquals(6000 + 2, reads.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sum(),
                reads.toString());
    }

    /**
     * The manager's run with {@code load} (every row kept: no reject limit) on the workers, then
     * one embedded thread on the same input: the shared database holds the same rows and records
     * as the embedded one, and the reports are the same bytes. Returns the embedded one's store.
     */
    private PartitionedPriceLoadTest.Store loadedByWorkersAsByOneThread(Path input, String... load) throws Exception {
        JobRun manager = JobRun.launch(SharedDatabaseTest.concat(managerArgs(input, Servers.RABBIT_PORT),
                SharedDatabaseTest.concat(new String[] {"--max-reject-fraction", "1"}, load)));
        assertEquals(0, manager.exitCode(), manager.out() + manager.err());
        JobRun embedded = JobRun.launch("--input", input.toString(), "--output", work.resolve("out-embedded").toString(),
                "--db", work.resolve("db-embedded").toString(), "--as-of", AS_OF, "--settle-seconds", "0",
                "--max-reject-fraction", "1", "--ipo.load-threads=1");
        assertEquals(0, embedded.exitCode(), embedded.err());
        PartitionedPriceLoadTest.Store oneThread = PartitionedPriceLoadTest.storedEmbedded(work.resolve("db-embedded"));
        SingleConnectionDataSource shared = new SingleConnectionDataSource(Servers.POSTGRES_URL + database,
                "postgres", "", true);
        try {
            assertEquals(oneThread, PartitionedPriceLoadTest.stored(shared));
        } finally {
            shared.destroy();
        }
        assertEquals(JobRun.reportFiles(work.resolve("out-embedded/latest"), "manifest.json"),
                JobRun.reportFiles(work.resolve("out/latest"), "manifest.json"));
        return oneThread;
    }

    /**
     * A worker killed with -9 mid-way through a group of price files: the manager notices within
     * the partition timeout and exits 1; the next launch loads the rest of that group from its last
     * chunk (no row read twice), and the store holds what one embedded thread loads.
     */
    @Test
    void aWorkerKilledMidLoadIsNoticedAndTheNextLaunchLoadsOnlyWhatWasLeft() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(100, 300, 5).writeTo(input);
        ChildJvm doomed = worker("doomed", Servers.RABBIT_PORT, "-Dipo.chunk-size=20", "-Dipo.progress-interval-ms=0");
        String[] load = {"--ipo.load-threads=2"}; // 8 groups of about 3,750 rows
        ChildJvm manager = ChildJvm.start(SharedDatabaseTest.concat(managerArgs(input, Servers.RABBIT_PORT), load),
                work.resolve("manager.out"), "-Dipo.partition-timeout=6s");
        doomed.waitFor(ChildJvm.PRICES_PROGRESS, 200);
        doomed.process().destroyForcibly().waitFor(); // kill -9
        long killed = System.nanoTime();
        int code = manager.exitCode();
        double noticedAfter = (System.nanoTime() - killed) / 1e9;
        String console = manager.allOutput();
        assertEquals(1, code, console);
        assertTrue(console.contains("partition loadPriceFiles:prices-") && console.contains("has not been heard of for 6 s"),
                console);
        assertTrue(noticedAfter < 6 + 10, "noticed within the timeout and a poll: " + noticedAfter + " s");
        assertTrue(!console.contains("\tat "), console);

        worker("w2", Servers.RABBIT_PORT, "-Dipo.chunk-size=20");
        JobRun resumed = JobRun.launch(SharedDatabaseTest.concat(managerArgs(input, Servers.RABBIT_PORT), load));
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("Resuming run 1"), resumed.out());
        JobRun embedded = JobRun.launch("--input", input.toString(), "--output", work.resolve("out-embedded").toString(),
                "--db", work.resolve("db-embedded").toString(), "--as-of", AS_OF, "--settle-seconds", "0",
                "--ipo.load-threads=1");
        assertEquals(0, embedded.exitCode(), embedded.err());
        SingleConnectionDataSource shared = new SingleConnectionDataSource(Servers.POSTGRES_URL + database,
                "postgres", "", true);
        try {
            assertEquals(PartitionedPriceLoadTest.storedEmbedded(work.resolve("db-embedded")),
                    PartitionedPriceLoadTest.stored(shared));
        } finally {
            shared.destroy();
        }
        assertEquals(JobRun.reportFiles(work.resolve("out-embedded/latest"), "manifest.json"),
                JobRun.reportFiles(work.resolve("out/latest"), "manifest.json"));
        // 100 listings × 300 days, each row read once in all; the killed group went on where it stopped.
        Map<String, List<Long>> reads = stepReads("loadPriceFiles:%");
        assertEquals(100 * 300, reads.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sum(),
                reads.toString());
        assertTrue(reads.values().stream().anyMatch(r -> r.size() == 2 && r.get(0) > 0 && r.get(1) > 0),
                reads.toString());
    }

    @Test
    void aWorkerComputesWithTheManagersSettingsNotItsOwn() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(60, 40, 7).writeTo(input);
        worker("w1", Servers.RABBIT_PORT); // its own settings are the defaults: five windows of simple returns
        String[] settings = {"--ipo.returns=log", "--ipo.event-windows=[0,0] [0,3]", "--ipo.bhar-horizons=5,10",
                "--ipo.market-model-min-days=20", "--ipo.estimation-gap-days=2", "--ipo.partial-windows=true",
                "--ipo.event-min-n=2", "--ipo.chart-max-listings=3", "--ipo.max-close-lag-trading-days=2"};

        JobRun manager = JobRun.launch(SharedDatabaseTest.concat(managerArgs(input, Servers.RABBIT_PORT), settings));
        assertEquals(0, manager.exitCode(), manager.out() + manager.err());
        assertTrue(workers.get(0).allOutput().contains("Computing partition"), workers.get(0).allOutput());
        assertEquals(oneProcessReport(input, settings), JobRun.reportFiles(work.resolve("out/latest"), "manifest.json"));
        // The partitions' rows are of the manager's two windows of log returns, as its cohorts are.
        List<Map<String, String>> cars = JobRun.csv(work.resolve("out/latest/abnormal-returns.csv"));
        assertEquals(List.of("[0,+3]", "[0,0]"), cars.stream().map(r -> r.get("window")).distinct().sorted().toList());
    }

    @Test
    void aWorkerOfAnotherVersionRefusesThePartitionAndTheRunSaysWhy() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(20, 10, 3).writeTo(input);
        worker("old", Servers.RABBIT_PORT, "-Dipo.version=0.9-old");

        JobRun manager = JobRun.launch(managerArgs(input, Servers.RABBIT_PORT));
        assertEquals(1, manager.exitCode(), manager.out() + manager.err());
        String version = new String(RemoteWorkersTest.class.getResourceAsStream("/application.properties").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("ipo.version="))
                .findFirst().orElseThrow().substring("ipo.version=".length());
        assertTrue(manager.err().contains("was refused by the worker pid ") && manager.err().contains(": the run's "
                + "manager is ipo-analyzer " + version + " and this worker is 0.9-old: run workers of the manager's "
                + "version. The next launch computes the unfinished partitions"), manager.err());
        assertTrue(!manager.err().contains("\tat ") && !workers.get(0).allOutput().contains("Computing partition"),
                manager.err() + workers.get(0).allOutput());
    }

    @Test
    void aWorkerKilledMidPartitionIsNoticedAndTheNextLaunchComputesOnlyWhatWasLeft() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(400, 60, 5).writeTo(input);
        ChildJvm doomed = worker("doomed", Servers.RABBIT_PORT);
        ChildJvm manager = ChildJvm.start(managerArgs(input, Servers.RABBIT_PORT), work.resolve("manager.out"),
                "-Dipo.partition-timeout=6s");
        doomed.waitFor(ChildJvm.REPORT_PROGRESS, 30); // mid-way through its first partition (of 100 listings)
        doomed.process().destroyForcibly().waitFor(); // kill -9
        long killed = System.nanoTime();
        int code = manager.exitCode();
        double noticedAfter = (System.nanoTime() - killed) / 1e9;
        String console = manager.allOutput();
        assertEquals(1, code, console);
        assertTrue(console.contains("has not been heard of for 6 s") && console.contains("its worker stopped committing"),
                console);
        assertTrue(noticedAfter < 6 + 10, "noticed within the timeout and a poll: " + noticedAfter + " s");
        assertTrue(!console.contains("\tat "), console);
        assertEquals(List.of(".parts-1"), JobRun.reportFolders(work.resolve("out")), "nothing published");

        worker("w2", Servers.RABBIT_PORT);
        JobRun resumed = JobRun.launch(managerArgs(input, Servers.RABBIT_PORT));
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertEquals(oneProcessReport(input), JobRun.reportFiles(work.resolve("out/latest"), "manifest.json"));
        // The killed partition went on after the listings its file held: none was computed twice
        // (a chunk written but not yet committed when the worker died is kept, not read again).
        Map<String, List<Long>> reads = partitionReads();
        reads.values().forEach(r -> assertTrue(r.stream().mapToLong(Long::longValue).sum() <= 100, reads.toString()));
        assertTrue(reads.values().stream().anyMatch(r -> r.size() == 2 && r.get(0) > 0 && r.get(1) < 100),
                reads.toString());
    }

    /**
     * SIGTERM to a manager whose workers were killed with -9 mid-report (a systemd stop after the
     * worker machines were lost): it stops within seconds, not after the partition timeout, as
     * any SIGTERM does (exit 5, stopped, nothing published), and the next launch completes the
     * run with the one-process run's bytes, each listing computed once in all.
     */
    @Test
    void aManagerWhoseWorkersWereKilledStopsPromptlyOnSigtermAndTheNextLaunchCompletesTheRun() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(400, 60, 5).writeTo(input);
        ChildJvm first = worker("doomed1", Servers.RABBIT_PORT);
        ChildJvm second = worker("doomed2", Servers.RABBIT_PORT);
        ChildJvm manager = ChildJvm.start(managerArgs(input, Servers.RABBIT_PORT), work.resolve("manager.out"));
        first.waitFor(ChildJvm.REPORT_PROGRESS, 20); // each mid-way through its first partition (of 100 listings)
        second.waitFor(ChildJvm.REPORT_PROGRESS, 20);
        first.process().destroyForcibly().waitFor(); // kill -9
        second.process().destroyForcibly().waitFor();
        long stopped = System.nanoTime();
        manager.process().destroy(); // SIGTERM
        int code = manager.exitCode();
        double stoppedAfter = (System.nanoTime() - stopped) / 1e9;
        String console = manager.allOutput();
        assertEquals(5, code, "after " + stoppedAfter + " s: " + console);
        assertTrue(stoppedAfter < 15, "stopped within seconds, not the partition timeout of 60 s: " + stoppedAfter
                + " s\n" + console);
        assertTrue(console.contains("Stopped; the next launch resumes where this one stopped."), console);
        assertTrue(!console.contains("\tat ") && !console.contains("has not been heard of"), console);
        assertEquals(List.of(".parts-1"), JobRun.reportFolders(work.resolve("out")), "nothing published");

        worker("w3", Servers.RABBIT_PORT);
        JobRun resumed = JobRun.launch(managerArgs(input, Servers.RABBIT_PORT));
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("Resuming run 1"), resumed.out());
        assertEquals(oneProcessReport(input), JobRun.reportFiles(work.resolve("out/latest"), "manifest.json"));
        // 4 partitions of 100 listings, none computed twice; the two killed went on after the listings
        // their files held, the two not taken yet were computed by the next launch.
        Map<String, List<Long>> reads = partitionReads();
        assertEquals(4, reads.size(), reads.toString());
        reads.values().forEach(r -> assertTrue(r.stream().mapToLong(Long::longValue).sum() <= 100, reads.toString()));
        assertEquals(2, reads.values().stream().filter(r -> r.size() == 2 && r.get(0) > 0).count(), reads.toString());
    }

    /**
     * SIGTERM to a manager whose worker is alive mid-report: the partition in hand stops at its
     * next chunk (the worker goes on serving), the run ends stopped (exit 5) within seconds, and
     * the next launch, on the same worker, completes it with the one-process run's bytes.
     */
    @Test
    void aManagerStoppedWithSigtermStopsThePartitionsInHandAtTheirNextChunk() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(400, 120, 5).writeTo(input);
        ChildJvm w = worker("w1", Servers.RABBIT_PORT);
        ChildJvm manager = ChildJvm.start(managerArgs(input, Servers.RABBIT_PORT), work.resolve("manager.out"));
        w.waitFor(ChildJvm.REPORT_PROGRESS, 20); // into its first partition (of 100 listings)
        // The worker is paused until the stop is in the job repository: a warm worker could otherwise
        // finish the 80 listings left before the stop reaches it, and there would be no partition in hand.
        signal("STOP", w);
        long stopped = System.nanoTime();
        manager.process().destroy(); // SIGTERM
        awaitRunStatus("STOPPING");
        signal("CONT", w);
        int code = manager.exitCode();
        double stoppedAfter = (System.nanoTime() - stopped) / 1e9;
        String console = manager.allOutput();
        assertEquals(5, code, "after " + stoppedAfter + " s: " + console);
        assertTrue(stoppedAfter < 15, stoppedAfter + " s\n" + console);
        assertTrue(console.contains("Stopped; the next launch resumes where this one stopped."), console);
        assertTrue(w.process().isAlive() && w.allOutput().matches("(?s).*Partition reportListingRange:\\S+: STOPPED.*"),
                w.allOutput());
        String log = java.nio.file.Files.readString(work.resolve("db/ipo-analyzer.log"));
        assertTrue(log.contains("Stopping: the report partitions in hand were asked to stop at their next chunk")
                && !log.contains("not stopped by their workers"), "the worker stopped it, not the manager's wait:\n" + log);

        JobRun resumed = JobRun.launch(managerArgs(input, Servers.RABBIT_PORT));
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("Resuming run 1"), resumed.out());
        assertEquals(oneProcessReport(input), JobRun.reportFiles(work.resolve("out/latest"), "manifest.json"));
        // The worker counted the resumed run's listings from zero: its progress lines start at 1 twice.
        assertEquals(2, java.util.regex.Pattern.compile("reportListings\\s+1 of 400 listings").matcher(w.allOutput())
                .results().count(), w.allOutput());
        // The partition in hand stopped at a chunk's end and went on from there; a partition run to its end
        // regardless would have one execution, not two.
        Map<String, List<Long>> reads = partitionReads();
        assertEquals(4, reads.size(), reads.toString());
        reads.values().forEach(r -> assertTrue(r.stream().mapToLong(Long::longValue).sum() <= 100, reads.toString()));
        assertEquals(1, reads.values().stream().filter(r -> r.size() == 2 && r.get(0) > 0).count(),
                reads.toString());
    }

    @Test
    void aBrokerThatGoesAwayMidRunFailsItCleanlyAndTheRunResumesOnceItIsBack() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(400, 60, 9).writeTo(input);
        try (TcpProxy broker = new TcpProxy(Servers.RABBIT_PORT)) {
            ChildJvm w = worker("w1", broker.port());
            ChildJvm manager = ChildJvm.start(managerArgs(input, broker.port()), work.resolve("manager.out"),
                    "-Dipo.partition-timeout=6s");
            w.waitFor(ChildJvm.REPORT_PROGRESS, 30);
            broker.close(); // the broker is gone: the worker gets no more partitions
            int code = manager.exitCode();
            String console = manager.allOutput();
            assertEquals(1, code, console);
            assertTrue(console.contains("no worker took a report partition for 6 s"), console);
            assertTrue(!console.contains("\tat "), console);
            assertEquals(List.of(".parts-1"), JobRun.reportFolders(work.resolve("out")), "nothing published");

            broker.reopen(); // back: the worker reconnects by itself; the late requests are dropped
            JobRun resumed = JobRun.launch(managerArgs(input, broker.port()));
            assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
            assertTrue(resumed.out().contains("Resuming run 1"), resumed.out());
        }
        assertEquals(oneProcessReport(input), JobRun.reportFiles(work.resolve("out/latest"), "manifest.json"));
    }

    @Test
    void aManagerThatCannotReachTheBrokerSaysSoPublishesNothingAndResumesOnceItCan() throws Exception {
        Path input = work.resolve("market");
        new MarketGenerator(20, 10, 1).writeTo(input);
        try (TcpProxy broker = new TcpProxy(Servers.RABBIT_PORT)) {
            broker.close(); // nothing listens on its port now
            JobRun cutOff = JobRun.launch(managerArgs(input, broker.port()));
            assertEquals(1, cutOff.exitCode(), cutOff.out() + cutOff.err());
            assertTrue(cutOff.err().contains("the broker cannot be reached") && !cutOff.err().contains("\tat "),
                    cutOff.err());
            assertTrue(JobRun.reportFolders(work.resolve("out")).stream().noneMatch(f -> f.startsWith("2026")),
                    "nothing published");
            broker.reopen();
            worker("w1", broker.port());
            JobRun resumed = JobRun.launch(managerArgs(input, broker.port()));
            assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
            assertTrue(resumed.out().contains("Resuming run 1"), resumed.out());
        }
        assertEquals(oneProcessReport(input), JobRun.reportFiles(work.resolve("out/latest"), "manifest.json"));
    }

    private ChildJvm worker(String name, int brokerPort, String... jvmOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker", "--threads", "1", "--log-dir",
                work.resolve(name).toString(), "--spring.rabbitmq.port=" + brokerPort,
                "--ipo.partition-queue=" + queue, "--ipo.report-chunk-size=10"));
        args.addAll(List.of(Servers.postgresOptions(database)));
        ChildJvm worker = ChildJvm.start(args.toArray(String[]::new), work.resolve(name + ".out"), jvmOptions);
        workers.add(worker);
        worker.waitForLine("ipo-analyzer worker (");
        return worker;
    }

    private String[] managerArgs(Path input, int brokerPort) {
        List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", work.resolve("out").toString(),
                "--db", work.resolve("db").toString(), "--as-of", AS_OF, "--settle-seconds", "0", "--remote-workers",
                "--spring.rabbitmq.port=" + brokerPort, "--ipo.partition-queue=" + queue, "--ipo.report-partitions=4",
                "--ipo.partition-poll=200ms"));
        args.addAll(List.of(Servers.postgresOptions(database)));
        return args.toArray(String[]::new);
    }

    /** The same input's report from one process on the embedded database, but for its manifest. */
    private Map<String, String> oneProcessReport(Path input, String... settings) throws Exception {
        JobRun embedded = JobRun.launch(SharedDatabaseTest.concat(new String[] {"--input", input.toString(), "--output",
                work.resolve("out-embedded").toString(), "--db", work.resolve("db-embedded").toString(), "--as-of", AS_OF,
                "--settle-seconds", "0"}, settings));
        assertEquals(0, embedded.exitCode(), embedded.err());
        return JobRun.reportFiles(work.resolve("out-embedded/latest"), "manifest.json");
    }

    /** Sends {@code SIG<name>} to the child (STOP pauses it, CONT resumes it). */
    private static void signal(String name, ChildJvm child) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(child.process().pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name);
    }

    /** Waits until the run's job execution has {@code status} (or a later one) in the job repository. */
    private void awaitRunStatus(String status) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        try (Connection c = DriverManager.getConnection(Servers.POSTGRES_URL + database, "postgres", "");
             var query = c.prepareStatement("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next() && Set.of(status, "STOPPED", "FAILED").contains(rs.getString(1))) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the run did not reach " + status + " within 30 s");
    }

    private Map<String, List<Long>> partitionReads() throws Exception {
        return stepReads("reportListingRange:%");
    }

    /** The rows or listings each partition's executions read, in execution order, from the job repository. */
    private Map<String, List<Long>> stepReads(String partitions) throws Exception {
        Map<String, List<Long>> reads = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(Servers.POSTGRES_URL + database, "postgres", "");
             var query = c.prepareStatement("SELECT STEP_NAME, READ_COUNT FROM BATCH_STEP_EXECUTION "
                     + "WHERE STEP_NAME LIKE ? ORDER BY STEP_EXECUTION_ID")) {
            query.setString(1, partitions);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    reads.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        return reads;
    }
}
