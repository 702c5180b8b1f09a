package io.github.ipoanalyzer.store;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which input files' rows are in the analysis tables, by SHA-256, so that a run parses only new
 * and changed files. Everything is reloaded when a reference file (listings.csv, calendars.csv) changed (every other row's
 * validity depends on it), when another version of the application loaded the rows (its rules
 * may differ), or when asked. A removed or changed file takes with it every file whose rejects
 * name one of its rows (a duplicate or conflict that may no longer hold). A file that only had
 * rows appended (its recorded bytes unchanged, ending with a line end) keeps its rows and is
 * read from where it ended: its tail is recorded in INPUT_TAIL for the readers.
 */
public class InputFileLedger {

    /** About how many rows one purge transaction removes. */
    public static final int PURGE_BATCH = 50_000;
    /** The table of the notices about a file (one with no rows among them). */
    private static final String NOTICES = "INPUT_NOTICE";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private Dialect dialect;
    private final List<String> dataTables;
    private final List<String> referenceFiles;

    /**
     * {@code dataTables}: the tables of loaded rows, as the input kinds declare them;
     * {@code referenceFiles}: the files every other row is checked against (listings.csv,
     * calendars.csv): when one changes, every file is parsed again.
     */
    public InputFileLedger(DataSource dataSource, List<String> dataTables, List<String> referenceFiles) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.dataTables = List.copyOf(dataTables);
        this.referenceFiles = List.copyOf(referenceFiles);
    }

    /** The tables of a file's rows, loaded or rejected. */
    private List<String> rowTables() {
        return java.util.stream.Stream.concat(dataTables.stream(), java.util.stream.Stream.of("REJECTED_ROW")).toList();
    }

    /** Every table the input folder fills; cleared together when everything is parsed again. */
    private List<String> allTables() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(NOTICES), rowTables().stream()).toList();
    }

    /**
     * What a reconciliation decided: a full reload or the files dropped to be parsed again, and
     * every file whose rows must now leave the tables (the dropped ones and any a failed run left).
     */
    public record Reconciliation(boolean fullReload, Set<String> dropped, Set<String> appended, List<String> toPurge) {
    }


    /**
     * Decides which files' rows no longer belong and forgets those files; their rows are then
     * removed by {@link #purge} in small transactions (one transaction for millions of deleted
     * rows would hold them all in memory).
     */
    public Reconciliation reconcile(Map<String, InputFingerprint.FileState> current, String version,
                                    boolean reloadAll) {
        Map<String, Recorded> recorded = new HashMap<>();
        Set<String> versions = new LinkedHashSet<>();
        jdbc.query("SELECT PATH, SHA256, LOADER_VERSION, SIZE_BYTES, LINES FROM INPUT_FILE", rs -> {
            recorded.put(rs.getString(1), new Recorded(rs.getString(2), rs.getLong(4), rs.getLong(5)));
            versions.add(rs.getString(3));
        });
        // Tails of an earlier run that failed: those files are unrecorded now and are parsed again whole.
        jdbc.update("DELETE FROM INPUT_TAIL");
        boolean referencesChanged = referenceFiles.stream().anyMatch(file -> !Objects.equals(sha(current.get(file)),
                recorded.containsKey(file) ? recorded.get(file).sha256() : null));
        if (reloadAll || referencesChanged || !versions.stream().allMatch(version::equals)) {
            jdbc.update("DELETE FROM INPUT_FILE");
            // A full reload (--force among its causes) computes every estimation sum again.
            jdbc.update("DELETE FROM ESTIMATION_SUMS");
            return new Reconciliation(true, recorded.keySet(), Set.of(), unrecordedSourceFiles(filesWithRows(), Set.of()));
        }
        Set<String> dropped = new LinkedHashSet<>();
        Map<String, FileTail> appended = new LinkedHashMap<>();
        Set<String> withRows = filesWithRows();
        recorded.forEach((path, r) -> {
            InputFingerprint.FileState now = current.get(path);
            if (now == null || !r.sha256().equals(now.sha256())) {
                if (now != null && r.sha256().equals(now.prefixSha256()) && now.prefixEndsLine()
                        && r.lines() == now.prefixLines() && withRows.contains(path)) {
                    appended.put(path, new FileTail(r.size(), r.lines()));
                } else {
                    dropped.add(path);
                }
            }
        });
        for (Set<String> added = new LinkedHashSet<>(dropped); !added.isEmpty(); ) {
            Set<String> next = new LinkedHashSet<>();
            for (String path : added) {
                next.addAll(jdbc.queryForList("SELECT DISTINCT SOURCE_FILE FROM REJECTED_ROW WHERE OTHER_FILE = ?",
                        String.class, path));
                // A row replaced by a fuller repeat of it may have lent that row values it lacked.
                next.addAll(jdbc.queryForList("SELECT DISTINCT OTHER_FILE FROM REJECTED_ROW WHERE SOURCE_FILE = ? "
                        + "AND RULE_NAME = 'repeat'", String.class, path));
            }
            next.removeAll(dropped);
            dropped.addAll(next);
            added = next;
        }
        appended.keySet().removeAll(dropped);
        // In batches: a nightly run appends to thousands of price files.
        List<Object[]> unrecorded = new ArrayList<>();
        dropped.forEach(path -> unrecorded.add(new Object[] {path}));
        appended.keySet().forEach(path -> unrecorded.add(new Object[] {path}));
        jdbc.batchUpdate("DELETE FROM INPUT_FILE WHERE PATH = ?", unrecorded);
        jdbc.batchUpdate("INSERT INTO INPUT_TAIL (PATH, FROM_BYTE, LINES_BEFORE) VALUES (?, ?, ?)",
                appended.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue().fromByte(),
                        e.getValue().linesBefore()}).toList());
        // withRows still holds: only the ledger's own tables were written since it was read.
        return new Reconciliation(false, dropped, appended.keySet(), unrecordedSourceFiles(withRows, appended.keySet()));
    }

    private record Recorded(String sha256, long size, long lines) {
    }

    private static String sha(InputFingerprint.FileState state) {
        return state == null ? null : state.sha256();
    }

    /**
     * Files with a row loaded or rejected. A file that had none carries a notice saying so, which
     * rows appended to it would make wrong: such a file is parsed again whole.
     */
    private Set<String> filesWithRows() {
        Set<String> files = new java.util.HashSet<>();
        for (String table : rowTables()) {
            files.addAll(jdbc.queryForList("SELECT DISTINCT SOURCE_FILE FROM " + table, String.class));
        }
        return files;
    }

    /** The appended files of this run, by path: where their readers start. */
    public Map<String, FileTail> tails() {
        Map<String, FileTail> tails = new HashMap<>();
        jdbc.query("SELECT PATH, FROM_BYTE, LINES_BEFORE FROM INPUT_TAIL", rs -> {
            tails.put(rs.getString(1), new FileTail(rs.getLong(2), rs.getLong(3)));
        });
        return tails;
    }

    /** The size each recorded file had, so that the next fingerprint can tell an append. */
    public Map<String, Long> recordedSizes() {
        Map<String, Long> sizes = new HashMap<>();
        jdbc.query("SELECT PATH, SIZE_BYTES FROM INPUT_FILE", rs -> {
            sizes.put(rs.getString(1), rs.getLong(2));
        });
        return sizes;
    }

    /**
     * Files with rows in the tables that are not recorded: the dropped ones, and what a failed earlier
     * run left. {@code withRows}: {@link #filesWithRows()}, read once per reconciliation (a pass over
     * every stored price block), to which the notices' files are added.
     */
    private List<String> unrecordedSourceFiles(Set<String> withRows, Set<String> appended) {
        Set<String> recorded = recordedPaths();
        recorded.addAll(appended);
        Set<String> files = new java.util.TreeSet<>(withRows);
        files.addAll(jdbc.queryForList("SELECT DISTINCT SOURCE_FILE FROM " + NOTICES, String.class));
        files.removeAll(recorded);
        return List.copyOf(files);
    }

    /**
     * Deletes up to about {@code batch} rows of {@code file} from the tables (price blocks of up to
     * a chunk of rows each count as {@code blockRows}); 0 when none are left.
     */
    public int purge(String file, int batch, int blockRows) {
        int deleted = 0;
        for (String table : allTables()) {
            int limit = MarketTables.deleteLimit(table, batch, blockRows);
            if (dialect == null) {
                dialect = Dialect.of(dataSource);
            }
            deleted += jdbc.update(dialect.deleteAtMost(table, "SOURCE_FILE = ?", limit), file);
            if (deleted > 0) {
                return deleted;
            }
        }
        return 0;
    }

    /**
     * Forgets {@code files} and removes every row they left, loaded, rejected or noticed, in
     * transactions of about {@link #PURGE_BATCH} rows: the next run reads them again whole.
     */
    public void discard(Collection<String> files, int blockRows) {
        long removed = 0;
        for (String file : files) {
            jdbc.update("DELETE FROM INPUT_FILE WHERE PATH = ?", file);
            for (int batch; (batch = purge(file, PURGE_BATCH, blockRows)) > 0; ) {
                removed += batch;
            }
        }
        if (removed > 0 && dialect == Dialect.HSQLDB) {
            // HSQLDB's data file keeps the space of deleted rows; a file of bad rows must not leave it larger for good.
            jdbc.execute("CHECKPOINT DEFRAG");
        }
    }

    public Set<String> recordedPaths() {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT PATH FROM INPUT_FILE", String.class));
    }

    /** Records every current file not yet recorded as parsed by {@code run}, with its size and lines. */
    public void record(Map<String, InputFingerprint.FileState> current, Map<String, Path> files, String version,
                       long run) {
        Set<String> recorded = recordedPaths();
        current.forEach((path, state) -> {
            if (!recorded.contains(path)) {
                long lines = state.lines() >= 0 ? state.lines() : InputFingerprint.lines(files.get(path));
                jdbc.update("INSERT INTO INPUT_FILE (PATH, SHA256, LOADER_VERSION, PARSED_IN_RUN, SIZE_BYTES, LINES) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", path, state.sha256(), version, run, state.size(), lines);
            }
        });
        jdbc.update("DELETE FROM INPUT_TAIL");
    }

    /** The run that parsed each recorded file. */
    public Map<String, Long> parsedInRun() {
        Map<String, Long> runs = new HashMap<>();
        jdbc.query("SELECT PATH, PARSED_IN_RUN FROM INPUT_FILE", rs -> {
            runs.put(rs.getString(1), rs.getLong(2));
        });
        return runs;
    }
}
