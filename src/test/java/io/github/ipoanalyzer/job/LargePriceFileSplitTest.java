package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.generate.MarketGenerator;
import io.github.ipoanalyzer.ingest.FileRanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static io.github.ipoanalyzer.job.JobRun.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One large price file (a generated market of 20 listings × 300 days, every listing's rows in
 * one file, 6,001 lines) loaded by one thread whole, and on 4 threads cut into 15 ranges of
 * lines (ipo.load-split-bytes lowered so that so small a file is cut): the same rows stored,
 * from the same lines, the same rejects at the same lines (bad rows planted at the first and
 * last line of ranges, conflicts across ranges and across files), the same report. A load
 * stopped mid-range resumes each range from its last chunk.
 */
class LargePriceFileSplitTest {

    private static final String BIG = "prices/all.csv";
    private static final String EXTRA = "prices/zz-extra.csv";

    @TempDir
    Path work;

    @Test
    void oneThreadWholeAndFourThreadsInRangesLoadTheSameRowsRejectsAndReport() throws Exception {
        Path market = work.resolve("market");
        writePlanted(market);
        PartitionedPriceLoadTest.Store whole = load(market, "whole", "--ipo.load-threads=1");
        PartitionedPriceLoadTest.Store split = load(market, "split", "--ipo.load-threads=4", "--ipo.load-split-bytes=1");
        assertEquals(2, partitions("whole"), "one group per file: the large file is not cut");
        assertEquals(16, partitions("split"), "15 ranges of the large file and the other file whole");

        assertEquals(whole.prices(), split.prices());
        assertEquals(whole.records(), split.records());
        // Each record: file, line, rule and the line it names, worked out from the rows planted above.
        assertEquals(List.of(
                BIG + " 2 number-format -> null 0",
                BIG + " 1000 conflict -> " + BIG + " 1002",
                BIG + " 1001 date-format -> null 0",
                BIG + " 1002 conflict -> " + BIG + " 1000",
                BIG + " 2251 number-format -> null 0",
                BIG + " 2252 number-format -> null 0",
                BIG + " 3005 conflict -> " + BIG + " 3008",
                BIG + " 3008 conflict -> " + BIG + " 3005",
                BIG + " 4515 conflict -> " + EXTRA + " 3",
                BIG + " 6001 number-format -> null 0",
                EXTRA + " 2 repeat -> " + BIG + " 4516",
                EXTRA + " 3 conflict -> " + BIG + " 4515"), split.records().stream().map(r -> {
                    String[] words = r.split(" ");
                    return words[0] + " " + words[1] + " " + rule(r) + r.substring(r.indexOf(" -> "));
                }).toList());
        assertTrue(split.records().get(1).contains("open differs for ticker and date 10007.HK 2016-06-15: 56.77 at line "
                + "1000 of prices/all.csv, 54.17 at line 1002 of prices/all.csv"), split.records().get(1));
        for (String run : List.of("whole", "split")) {
            List<Map<String, String>> files = csv(work.resolve(run + "-out/latest/input-files.csv"));
            assertEquals(List.of("6000", "5990", "0", "10"), counts(row(files, "file", BIG)), run);
            assertEquals(List.of("2", "0", "1", "1"), counts(row(files, "file", EXTRA)), run);
        }
        assertEquals(JobRun.reportFiles(work.resolve("whole-out/latest"), "manifest.json"),
                JobRun.reportFiles(work.resolve("split-out/latest"), "manifest.json"));
    }

    /**
     * A file whose first 1,000 rows are all rejected is read no further than the 1,000th, its
     * line 1,001, by one thread; cut into ranges, the first range (lines 2 to 1,001, as many rows
     * as that judgement needs) says so, and what the later ranges read is dropped before the
     * duplicates are settled: the same store and the same counts.
     */
    @Test
    void aFileGivenUpInItsFirstRangeLeavesWhatAOneThreadLoadLeaves() throws Exception {
        Path market = work.resolve("market");
        List<String> lines = oneFile(market, 20, 300);
        for (int line = 2; line <= 1500; line++) {
            set(lines, line, 5, "x".repeat(field(lines, line, 5).length()));
        }
        Files.write(market.resolve(BIG), lines);
        PartitionedPriceLoadTest.Store whole = load(market, "whole", "--ipo.load-threads=1");
        PartitionedPriceLoadTest.Store split = load(market, "split", "--ipo.load-threads=4", "--ipo.load-split-bytes=1");
        assertEquals(15, partitions("split"));
        assertEquals(whole, split);
        assertEquals(0, split.prices().size());
        assertEquals(1000, split.records().size());
        assertTrue(split.records().get(999).startsWith(BIG + " 1001 close xxxxx not-prices the first 1000 rows of "
                + BIG + " are all rejected"), split.records().get(999));
        for (String run : List.of("whole", "split")) {
            assertEquals(List.of("1000", "0", "0", "1000"),
                    counts(row(csv(work.resolve(run + "-out/latest/input-files.csv")), "file", BIG)), run);
        }
    }

    /**
     * A large file loaded once and then grown by its listings' next 100 days each (2,000 rows at
     * its end, lines 4,002 to 6,001): the next run reads only the appended bytes, and cut into
     * ranges it stores and rejects what one thread reading them whole does, a conflict with a
     * row of the earlier run included.
     */
    @Test
    void theRowsAppendedToALoadedFileAreReadInRangesFromItsPreviousEnd() throws Exception {
        Path market = work.resolve("market");
        List<String> lines = oneFile(market, 20, 300);
        List<String> first = new ArrayList<>(List.of(lines.get(0)));
        List<String> appended = new ArrayList<>();
        for (int listing = 0; listing < 20; listing++) {
            first.addAll(lines.subList(1 + 300 * listing, 1 + 300 * listing + 200));
            appended.addAll(lines.subList(1 + 300 * listing + 200, 1 + 300 * (listing + 1)));
        }
        Files.write(market.resolve(BIG), first);
        assertEquals(0, JobRun.launch(args(market, "whole", "--ipo.load-threads=1")).exitCode());
        assertEquals(0, JobRun.launch(args(market, "split", "--ipo.load-threads=4", "--ipo.load-split-bytes=1"))
                .exitCode());
        int splitBefore = partitions("split");

        List<String> grown = new ArrayList<>(first);
        grown.addAll(appended);
        set(grown, 4002, 5, "x".repeat(field(grown, 4002, 5).length())); // the first appended line
        set(grown, 4003, 1, field(grown, 201, 1));                         // the day of line 201, loaded before
        set(grown, 6001, 1, "2017-02-30");                                 // the last line
        assertEquals(field(grown, 201, 0), field(grown, 4003, 0));
        Files.write(market.resolve(BIG), grown);
        PartitionedPriceLoadTest.Store whole = load(market, "whole", "--ipo.load-threads=1");
        PartitionedPriceLoadTest.Store split = load(market, "split", "--ipo.load-threads=4", "--ipo.load-split-bytes=1");
        assertTrue(partitions("split") - splitBefore >= 4, "the appended rows in ranges: " + (partitions("split") - splitBefore));
        assertEquals(whole, split);
        assertEquals(List.of(BIG + " 201 conflict -> " + BIG + " 4003", BIG + " 4002 number-format -> null 0",
                BIG + " 4003 conflict -> " + BIG + " 201", BIG + " 6001 date-format -> null 0"),
                split.records().stream().map(r -> {
                    String[] words = r.split(" ");
                    return words[0] + " " + words[1] + " " + rule(r) + r.substring(r.indexOf(" -> "));
                }).toList());
        for (String run : List.of("whole", "split")) {
            assertEquals(List.of("6000", "5996", "0", "4"),
                    counts(row(csv(work.resolve(run + "-out/latest/input-files.csv")), "file", BIG)), run);
        }
        assertEquals(JobRun.reportFiles(work.resolve("whole-out/latest"), "manifest.json"),
                JobRun.reportFiles(work.resolve("split-out/latest"), "manifest.json"));
    }

    /**
     * A market in one price file of 40,000 rows, loaded on 2 threads in 8 ranges, stopped (SIGTERM)
     * after a range's first chunks: the next launch resumes each range from its last chunk, and
     * loads what an uninterrupted load on one thread loads, every row once.
     */
    @Test
    void aLoadStoppedMidRangeResumesEachRangeFromItsLastChunk() throws Exception {
        Path market = work.resolve("market");
        oneFile(market, 20, 2000);
        String[] args = {"--input", market.toString(), "--output", work.resolve("split-out").toString(), "--db",
                work.resolve("split-db").toString(), "--as-of", "2030-01-01", "--ipo.load-threads=2",
                "--ipo.load-split-bytes=1"};
        ChildJvm child = ChildJvm.start(args, work.resolve("child.out"));
        long rowsRead = child.waitFor(ChildJvm.PRICES_PROGRESS, 400);
        child.process().destroy(); // SIGTERM: stops at a chunk boundary
        assertTrue(child.process().waitFor(60, TimeUnit.SECONDS), "stopped in time");
        assertEquals(5, child.process().exitValue(), child.allOutput());
        assertTrue(rowsRead < 40_000, "stopped mid-load: " + rowsRead);
        int ranges = partitions("split");
        assertEquals(8, ranges, "8 ranges of the one file");

        JobRun resumed = JobRun.launch(args);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Resuming run 1 from where it stopped."), resumed.out());
        PartitionedPriceLoadTest.Store whole = load(market, "whole", "--ipo.load-threads=1");
        PartitionedPriceLoadTest.Store split = PartitionedPriceLoadTest.storedEmbedded(work.resolve("split-db"));
        assertEquals(40_000, split.prices().size());
        assertEquals(whole, split);
        // A range re-read from its start would count its committed rows again, as repeats.
        assertEquals(List.of("40000", "40000", "0", "0"),
                counts(row(csv(work.resolve("split-out/latest/input-files.csv")), "file", BIG)));
        assertEquals(JobRun.reportFiles(work.resolve("whole-out/latest"), "manifest.json"),
                JobRun.reportFiles(work.resolve("split-out/latest"), "manifest.json"));
    }

    /**
     * The market of 20 listings × 300 days in one price file with bad rows planted at the first
     * and last lines of its ranges, and a later file that repeats and conflicts with two of its rows.
     */
    static void writePlanted(Path market) throws Exception {
        List<String> lines = oneFile(market, 20, 300);
        assertEquals(6001, lines.size());
        // The ranges the 4-thread load cuts the file into (16 partitions, 15 ranges): the first keeps its
        // 1,000 rows (lines 2 to 1,001), the others start near each sixteenth of the bytes.
        List<Long> starts = FileRanges.cut(market.resolve(BIG), 0, 0, 1, 1000, 16).orElseThrow().ranges().stream()
                .map(FileRanges.Range::linesBefore).toList();
        assertEquals(List.of(0L, 1001L, 1124L, 1495L, 1879L, 2251L, 2624L, 3007L, 3390L, 3762L, 4133L, 4515L),
                starts.subList(0, 12));
        assertEquals(15, starts.size());

        // Bad rows of the same length as the rows they replace, so that the cuts stay where they are.
        set(lines, 2, 5, "xxxxxx");          // the file's first row, first line of range 1: close not a number
        set(lines, 1001, 1, "2016-06-31");    // the last line of range 1: no such date
        set(lines, 1002, 1, "2016-06-15");    // the first line of range 2: line 1,000's day, other prices: a conflict
        set(lines, 2251, 6, "1200701x");      // the last line of range 5: volume not a number
        set(lines, 2252, 2, "6O.13");         // the first line of range 6: open not a number
        set(lines, 3008, 1, "2016-01-07");    // the first line of range 8: line 3,005's day (range 7): a conflict
        set(lines, 6001, 5, "xxxxxx".substring(0, field(lines, 6001, 5).length())); // the file's last line
        Files.write(market.resolve(BIG), lines);
        // A later file: line 4,516 again (a repeat) and line 4,515 with another close (a conflict).
        String conflicting = lines.get(4514).replace(field(lines, 4515, 5), "28.74");
        Files.writeString(market.resolve(EXTRA), lines.get(0) + "\n" + lines.get(4515) + "\n" + conflicting + "\n");
        assertEquals(starts, FileRanges.cut(market.resolve(BIG), 0, 0, 1, 1000, 16).orElseThrow().ranges().stream()
                .map(FileRanges.Range::linesBefore).toList());

    }

    /** The rule of a record as {@link PartitionedPriceLoadTest#stored} writes it: the word before the reason. */
    private static String rule(String record) {
        for (String rule : List.of("number-format", "date-format", "conflict", "repeat")) {
            if (record.contains(" " + rule + " ")) {
                return rule;
            }
        }
        return "?";
    }

    private static List<String> counts(Map<String, String> file) {
        return List.of(file.get("rows_read"), file.get("rows_loaded"), file.get("rows_repeated"), file.get("rows_rejected"));
    }

    /** Field {@code field} of line {@code line} (1 = the header) set to {@code value}, of the same length. */
    private static void set(List<String> lines, int line, int field, String value) {
        String[] cells = lines.get(line - 1).split(",", -1);
        assertEquals(cells[field].length(), value.length(), "the same length: " + cells[field] + " and " + value);
        cells[field] = value;
        lines.set(line - 1, String.join(",", cells));
    }

    private static String field(List<String> lines, int line, int field) {
        return lines.get(line - 1).split(",", -1)[field];
    }

    /** A generated market with every listing's prices in one file; its lines. */
    static List<String> oneFile(Path market, int listings, int days) throws Exception {
        new MarketGenerator(listings, days, 7).writeTo(market);
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(market.resolve("prices"))) {
            for (Path p : files.sorted().toList()) {
                List<String> rows = Files.readAllLines(p);
                if (all.isEmpty()) {
                    all.add(rows.get(0));
                }
                all.addAll(rows.subList(1, rows.size()));
                Files.delete(p);
            }
        }
        Files.write(market.resolve(BIG), all);
        return all;
    }

    private PartitionedPriceLoadTest.Store load(Path market, String name, String... options) {
        JobRun run = JobRun.launch(args(market, name, options));
        assertEquals(0, run.exitCode(), run.err());
        return PartitionedPriceLoadTest.storedEmbedded(work.resolve(name + "-db"));
    }

    private String[] args(Path market, String name, String... options) {
        List<String> args = new ArrayList<>(List.of("--input", market.toString(), "--output",
                work.resolve(name + "-out").toString(), "--db", work.resolve(name + "-db").toString(), "--as-of",
                "2030-01-01", "--max-reject-fraction", "1"));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    /** How many partitions the price load of the run {@code name} ran. */
    private int partitions(String name) {
        SingleConnectionDataSource data = new SingleConnectionDataSource(
                "jdbc:hsqldb:file:" + work.resolve(name + "-db").resolve("ipo") + ";shutdown=true", "SA", "", true);
        try {
            return new JdbcTemplate(data).queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME "
                    + "LIKE 'loadPriceFiles:%'", Integer.class);
        } finally {
            new JdbcTemplate(data).execute("SHUTDOWN");
            data.destroy();
        }
    }
}
