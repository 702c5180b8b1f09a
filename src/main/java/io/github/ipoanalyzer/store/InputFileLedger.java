package io.github.ipoanalyzer.store;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which input files' rows are in the analysis tables, by SHA-256, so that a run parses only new
 * and changed files. Everything is reloaded when listings.csv changed (every other row's
 * validity depends on it), when another version of the application loaded the rows (its rules
 * may differ), or when asked. A removed or changed file takes with it every file whose rejects
 * name one of its rows (a duplicate or conflict that may no longer hold).
 */
public class InputFileLedger {

    public static final String LISTINGS = "listings.csv";

    private final JdbcTemplate jdbc;

    public InputFileLedger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * What a reconciliation decided: a full reload or the files dropped to be parsed again, and
     * every file whose rows must now leave the tables (the dropped ones and any a failed run left).
     */
    public record Reconciliation(boolean fullReload, Set<String> dropped, List<String> toPurge) {
    }

    /**
     * Decides which files' rows no longer belong and forgets those files; their rows are then
     * removed by {@link #purge} in small transactions (one transaction for millions of deleted
     * rows would hold them all in memory).
     */
    public Reconciliation reconcile(Map<String, String> currentSha256, String version, boolean reloadAll) {
        Map<String, String> recorded = new HashMap<>();
        Set<String> versions = new LinkedHashSet<>();
        jdbc.query("SELECT PATH, SHA256, LOADER_VERSION FROM INPUT_FILE", rs -> {
            recorded.put(rs.getString(1), rs.getString(2));
            versions.add(rs.getString(3));
        });
        boolean listingsChanged = !Objects.equals(currentSha256.get(LISTINGS), recorded.get(LISTINGS));
        if (reloadAll || listingsChanged || !versions.stream().allMatch(version::equals)) {
            jdbc.update("DELETE FROM INPUT_FILE");
            return new Reconciliation(true, recorded.keySet(), unrecordedSourceFiles());
        }
        Set<String> dropped = new LinkedHashSet<>();
        recorded.forEach((path, sha) -> {
            if (!sha.equals(currentSha256.get(path))) {
                dropped.add(path);
            }
        });
        for (Set<String> added = new LinkedHashSet<>(dropped); !added.isEmpty(); ) {
            Set<String> next = new LinkedHashSet<>();
            for (String path : added) {
                next.addAll(jdbc.queryForList("SELECT DISTINCT SOURCE_FILE FROM REJECTED_ROW WHERE OTHER_FILE = ?",
                        String.class, path));
            }
            next.removeAll(dropped);
            dropped.addAll(next);
            added = next;
        }
        for (String path : dropped) {
            jdbc.update("DELETE FROM INPUT_FILE WHERE PATH = ?", path);
        }
        return new Reconciliation(false, dropped, unrecordedSourceFiles());
    }

    /** Files with rows in the tables that are not recorded: the dropped ones, and what a failed earlier run left. */
    private List<String> unrecordedSourceFiles() {
        Set<String> recorded = recordedPaths();
        Set<String> files = new java.util.TreeSet<>();
        for (String table : MarketTables.ALL) {
            files.addAll(jdbc.queryForList("SELECT DISTINCT SOURCE_FILE FROM " + table, String.class));
        }
        files.removeAll(recorded);
        return List.copyOf(files);
    }

    /**
     * Deletes up to about {@code batch} rows of {@code file} from the tables (price blocks of up to
     * a chunk of rows each count as {@code blockRows}); 0 when none are left.
     */
    public int purge(String file, int batch, int blockRows) {
        int deleted = 0;
        for (String table : MarketTables.ALL) {
            int limit = table.equals(PriceStore.TABLE) ? Math.max(1, batch / blockRows) : batch;
            deleted += jdbc.update("DELETE FROM " + table + " WHERE SOURCE_FILE = ? LIMIT " + limit, file);
            if (deleted > 0) {
                return deleted;
            }
        }
        return 0;
    }

    public Set<String> recordedPaths() {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT PATH FROM INPUT_FILE", String.class));
    }

    /** Records every current file not yet recorded as parsed by {@code run}. */
    public void record(Map<String, String> currentSha256, String version, long run) {
        Set<String> recorded = recordedPaths();
        currentSha256.forEach((path, sha) -> {
            if (!recorded.contains(path)) {
                jdbc.update("INSERT INTO INPUT_FILE (PATH, SHA256, LOADER_VERSION, PARSED_IN_RUN) VALUES (?, ?, ?, ?)",
                        path, sha, version, run);
            }
        });
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
