package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.generate.MarketGenerator;
import io.github.ipoanalyzer.ingest.InputKinds;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketDataStore.RejectedRow;
import io.github.ipoanalyzer.store.PriceStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static io.github.ipoanalyzer.job.JobRun.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The price load in partitions keeps the duplicate rule of a one-thread load exactly: a generated
 * market (40 listings × 60 days) with files that overlap it, before and after in name order and
 * in the middle (a feed that repeats days), so that one date's rows are read by different
 * partitions at once. Loaded on 1 thread and on 4 (16 groups of files), the store holds the same
 * rows, the same repeats and rejects, and the report the same bytes, in the embedded database
 * and in PostgreSQL (a server test, skipped with the reason where there is none); the hand-made
 * rows give the records worked out below.
 */
class PartitionedPriceLoadTest {

    private static final String TICKER_FILE = "prices/700000.SH.csv";

    @TempDir
    Path work;

    @Test
    void oneThreadAndFourThreadsLoadTheSameRowsRepeatsAndConflicts() throws Exception {
        Path market = work.resolve("market");
        new MarketGenerator(40, 60, 11).writeTo(market);
        writeOverlaps(market);

        Store one = load(market, "one", 1);
        Store four = load(market, "four", 4);

        assertEquals(one.prices(), four.prices(), "the same rows loaded, from the same lines, with the same values");
        assertEquals(one.records(), four.records(), "the same repeats, rejects and conflicts, with the same texts");
        assertEquals(JobRun.reportFiles(work.resolve("one-out/latest"), "manifest.json"),
                JobRun.reportFiles(work.resolve("four-out/latest"), "manifest.json"),
                "the same report");
        // Settled a few records a transaction (the feed's 40 repeats alone take 14): the same again.
        Store batched = load(market, "batched", 4, "--ipo.chunk-size=3");
        assertEquals(one, batched, "the same rows and records, settled in many transactions");
        assertTrue(settleCommits("batched") > 5, "settled in more than five transactions");
        assertEquals(1, settleCommits("one"));
        assertEquals(JobRun.reportFiles(work.resolve("one-out/latest"), "manifest.json"),
                JobRun.reportFiles(work.resolve("batched-out/latest"), "manifest.json"));
        assertTrue(csv(work.resolve("four-out/latest/input-files.csv")).size() > 40);

        for (Store store : List.of(one, four)) {
            // 700000.SH is listed on 2016-01-04; its file's line n is the (n - 2)th weekday after.
            // Prices are kept without trailing zeros (10.50 is 10.5).
            String closeOn8th = "close differs for ticker and date 700000.SH 2016-01-08: 10.4 at line 2 of "
                    + "prices/0-early.csv, 10.5 at line %d of %s; both rows are rejected: correct the wrong one, "
                    + "or remove %s if it is another copy of prices/0-early.csv";
            String first = String.format(closeOn8th, 6, TICKER_FILE, TICKER_FILE);
            String again = String.format(closeOn8th, 4, "prices/zz-late.csv", "prices/zz-late.csv");
            String same = "and no value that differs or is new; counted as a repeat, not loaded";
            String fuller = "which gives the same values and more (the two are kept as one row, loaded from there); "
                    + "counted as a repeat, not loaded";
            assertEquals(List.of(
                    "prices/0-early.csv 2 close 10.4 conflict " + first + " -> " + TICKER_FILE + " 6",
                    "prices/0-early.csv 3 ticker and date 700000.SH 2016-01-12 repeat repeated by line 8 of "
                            + TICKER_FILE + ", " + fuller + " -> " + TICKER_FILE + " 8",
                    TICKER_FILE + " 6 close 10.5 conflict " + first + " -> prices/0-early.csv 2",
                    TICKER_FILE + " 7 ticker and date 700000.SH 2016-01-11 repeat repeated by line 2 of "
                            + "prices/zz-late.csv, " + fuller + " -> prices/zz-late.csv 2",
                    "prices/zz-late.csv 3 ticker and date 700000.SH 2016-01-12 repeat repeats line 8 of " + TICKER_FILE
                            + ": the same ticker and date " + same + " -> " + TICKER_FILE + " 8",
                    "prices/zz-late.csv 4 close 10.5 conflict " + again + " -> prices/0-early.csv 2"),
                    store.records().stream().filter(r -> r.contains("700000.SH")).toList());
            assertEquals(List.of(
                    "700000.SH 2016-01-11 10.5 10.9 10.4 10.8 2000 late, fuller prices/zz-late.csv 2",
                    "700000.SH 2016-01-12 10.8 11.2 10.6 11 3000 null " + TICKER_FILE + " 8"),
                    store.prices().stream().filter(p -> p.startsWith("700000.SH 2016-01-08")
                            || p.startsWith("700000.SH 2016-01-11") || p.startsWith("700000.SH 2016-01-12")).toList(),
                    "no row of the 8th (all three conflict); the 11th from the fuller late row, the 12th from the ticker's file");
        }
        List<Map<String, String>> files = csv(work.resolve("four-out/latest/input-files.csv"));
        assertEquals(List.of("2", "0", "1", "1"), counts(row(files, "file", "prices/0-early.csv")));
        assertEquals(List.of("60", "58", "1", "1"), counts(row(files, "file", TICKER_FILE)));
        assertEquals(List.of("40", "0", "40", "0"), counts(row(files, "file", "prices/5-feed.csv")), "every day a repeat");
        assertEquals(List.of("3", "1", "1", "1"), counts(row(files, "file", "prices/zz-late.csv")));
    }

    /** The same on PostgreSQL, the team's shared store: 4 load threads there load what 1 loads embedded. */
    @Test
    @Tag("server")
    void onPostgreSqlFourThreadsLoadWhatOneThreadLoadsEmbedded() throws Exception {
        Servers.requirePostgres();
        String database = Servers.freshDatabase();
        try {
            Path market = work.resolve("market");
            new MarketGenerator(40, 60, 11).writeTo(market);
            writeOverlaps(market);
            Store embedded = load(market, "one", 1);
            launch(market, "shared", 4, Servers.postgresOptions(database));
            SingleConnectionDataSource shared = new SingleConnectionDataSource(Servers.POSTGRES_URL + database,
                    "postgres", "", true);
            try {
                assertEquals(embedded, stored(shared));
            } finally {
                shared.destroy();
            }
            assertEquals(JobRun.reportFiles(work.resolve("one-out/latest"), "manifest.json"),
                    JobRun.reportFiles(work.resolve("shared-out/latest"), "manifest.json"));
            assertEquals(6, embedded.records().stream().filter(r -> r.contains("700000.SH")).count());
        } finally {
            Servers.drop(database);
        }
    }

    /**
     * Whether a file is read on after its first 1,000 rows depends on its own rows alone (a row
     * that passes the rule counts, though it conflicts with another file's row, settled after the
     * load): a copy of a listing's 1,100 days, each with another volume, read before its file,
     * leaves every row of both rejected, none of the file left unread as "not a prices file".
     */
    @Test
    void aFileWhoseFirstRowsAllConflictWithAnEarlierFileIsReadToItsEnd() throws Exception {
        Path market = work.resolve("market");
        new MarketGenerator(1, 1100, 3).writeTo(market);
        StringBuilder copy = new StringBuilder();
        for (String line : Files.readAllLines(market.resolve(TICKER_FILE))) {
            String[] cells = line.split(",", -1);
            if (!cells[0].equals("ticker")) {
                cells[6] = String.valueOf(Long.parseLong(cells[6]) + 1);
            }
            copy.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(market.resolve("prices/0-copy.csv"), copy);
        JobRun run = JobRun.launch("--input", market.toString(), "--output", work.resolve("out").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2030-01-01", "--max-reject-fraction", "1");
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, String>> files = csv(work.resolve("out/latest/input-files.csv"));
        assertEquals(List.of("1100", "0", "0", "1100"), counts(row(files, "file", TICKER_FILE)));
        assertEquals(List.of("1100", "0", "0", "1100"), counts(row(files, "file", "prices/0-copy.csv")));
        assertEquals(List.of("conflict"), csv(work.resolve("out/latest/rejects.csv")).stream().map(r -> r.get("rule"))
                .distinct().toList());
    }

    private static List<String> counts(Map<String, String> file) {
        return List.of(file.get("rows_read"), file.get("rows_loaded"), file.get("rows_repeated"), file.get("rows_rejected"));
    }

    /**
     * Hand-made rows of 700000.SH on 2016-01-08, -11 and -12 in its own file (lines 6, 7, 8), in a
     * file read before it and in one read after it; and a feed, read between the listings' files,
     * that repeats the last two days of the 20 HKEX listings.
     */
    static void writeOverlaps(Path market) throws Exception {
        Path own = market.resolve(TICKER_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(own));
        assertTrue(lines.get(5).startsWith("700000.SH,2016-01-08,") && lines.get(7).startsWith("700000.SH,2016-01-12,"));
        lines.set(5, "700000.SH,2016-01-08,10.00,11.00,9.00,10.50,1000,,");
        lines.set(6, "700000.SH,2016-01-11,10.50,,,10.80,2000,,");
        lines.set(7, "700000.SH,2016-01-12,10.80,11.20,10.60,11.00,3000,,");
        Files.write(own, lines);
        String header = "ticker,date,open,high,low,close,volume,turnover,note\n";
        Files.writeString(market.resolve("prices/0-early.csv"), header
                + "700000.SH,2016-01-08,10.00,11.00,9.00,10.40,1000,,\n" // the close differs from line 6
                + "700000.SH,2016-01-12,,,,11.00,,,\n");                // line 8 says this and more
        Files.writeString(market.resolve("prices/zz-late.csv"), header
                + "700000.SH,2016-01-11,10.50,10.90,10.40,10.80,2000,,\"late, fuller\"\n" // line 7 and a range
                + "700000.SH,2016-01-12,10.80,11.20,10.60,11.00,3000,,again\n"            // line 8 again, a note aside
                + "700000.SH,2016-01-08,10.00,11.00,9.00,10.50,1000,,\n");               // line 6 again
        StringBuilder feed = new StringBuilder(header);
        try (Stream<Path> files = Files.list(market.resolve("prices"))) {
            for (Path hk : files.filter(p -> p.getFileName().toString().endsWith(".HK.csv")).sorted().toList()) {
                List<String> rows = Files.readAllLines(hk);
                rows.subList(rows.size() - 2, rows.size()).forEach(r -> feed.append(r).append('\n'));
            }
        }
        Files.writeString(market.resolve("prices/5-feed.csv"), feed);
    }

    /** How many transactions the settlePrices step of the run {@code name} committed. */
    private int settleCommits(String name) {
        SingleConnectionDataSource data = new SingleConnectionDataSource(
                "jdbc:hsqldb:file:" + work.resolve(name + "-db").resolve("ipo") + ";shutdown=true", "SA", "", true);
        try {
            return new JdbcTemplate(data).queryForObject("SELECT COMMIT_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = "
                    + "'settlePrices'", Integer.class);
        } finally {
            new JdbcTemplate(data).execute("SHUTDOWN");
            data.destroy();
        }
    }

    /** What a load left in the store: every price row and every record of a row not loaded, each as one line of text. */
    record Store(List<String> prices, List<String> records) {
    }

    /** A run on {@code threads} load threads in the embedded database, and what it left there. */
    private Store load(Path market, String name, int threads, String... options) throws Exception {
        launch(market, name, threads, options);
        return storedEmbedded(work.resolve(name + "-db"));
    }

    /** What a run left in the embedded database of {@code --db} folder {@code db}. */
    static Store storedEmbedded(Path db) {
        SingleConnectionDataSource data = new SingleConnectionDataSource(
                "jdbc:hsqldb:file:" + db.resolve("ipo") + ";shutdown=true", "SA", "", true);
        try {
            return stored(data);
        } finally {
            new JdbcTemplate(data).execute("SHUTDOWN");
            data.destroy();
        }
    }

    private void launch(Path market, String name, int threads, String... options) {
        List<String> args = new ArrayList<>(List.of("--input", market.toString(), "--output",
                work.resolve(name + "-out").toString(), "--db", work.resolve(name + "-db").toString(), "--as-of",
                "2030-01-01", "--max-reject-fraction", "1", "--ipo.load-threads=" + threads));
        args.addAll(List.of(options));
        JobRun run = JobRun.launch(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
    }

    /** Every price row and every record of a row not loaded that {@code data} holds. */
    static Store stored(javax.sql.DataSource data) {
        PriceStore prices = new PriceStore(data);
        List<String> rows = new ArrayList<>();
        for (String ticker : new JdbcTemplate(data).queryForList("SELECT DISTINCT TICKER FROM PRICE_BLOCK ORDER BY TICKER",
                String.class)) {
            prices.blocks(ticker).forEach(b -> b.rows().forEach(r -> rows.add(String.join(" ", r.row().ticker(),
                    r.row().date().toString(), text(r.row().open()), text(r.row().high()), text(r.row().low()),
                    text(r.row().close()), text(r.row().volume()), String.valueOf(r.row().note()), r.file(),
                    String.valueOf(r.line())))));
        }
        rows.sort(Comparator.naturalOrder());
        MarketDataStore store = new MarketDataStore(data, InputKinds.tables());
        List<String> records = new ArrayList<>();
        Stream.concat(store.rejects().stream(), store.firstRepeats(Integer.MAX_VALUE).first().stream())
                .sorted(Comparator.comparing(RejectedRow::file).thenComparingLong(RejectedRow::line))
                .forEach(r -> records.add(r.file() + " " + r.line() + " " + r.column() + " " + r.rawValue() + " "
                        + r.rule() + " " + r.reason() + " -> " + r.otherFile() + " " + r.otherLine()));
        return new Store(rows, records);
    }

    private static String text(Object value) {
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
