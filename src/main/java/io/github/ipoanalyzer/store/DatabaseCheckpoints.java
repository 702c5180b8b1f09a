package io.github.ipoanalyzer.store;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * When the embedded database writes its log into its data files (a checkpoint). HSQLDB does it
 * by itself from whichever commit finds its log past 50 MB; the checkpoint then waits for every
 * open transaction to end and holds every other statement back until it is done. With partitions
 * on several threads that could stop a run for good: Spring Batch updates every step execution's
 * context under one lock, a partition holding that lock was held back by the checkpoint, and the
 * partition whose open transaction the checkpoint waited for was waiting for the lock. So the
 * database's own checkpoints are turned off ({@link #takeOver}) and the job checkpoints between
 * its steps ({@link #checkpointIfLogOver}), on its own thread, with no other transaction open.
 * Nothing is done on PostgreSQL, or on an HSQLDB database in memory, in the class path or on a
 * server (which checkpoints by itself: {@link #inFiles}).
 */
public final class DatabaseCheckpoints {

    private final JdbcTemplate jdbc;
    /** The database's log file, when it is an HSQLDB database in files. */
    private final Optional<Path> log;

    public DatabaseCheckpoints(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.log = jdbc.execute((ConnectionCallback<Optional<Path>>) c -> {
            if (!inFiles(c.getMetaData().getURL())) {
                return Optional.empty();
            }
            try (var query = c.createStatement(); var path = query.executeQuery("VALUES (DATABASE())")) {
                path.next();
                return Optional.of(Path.of(path.getString(1) + ".log"));
            }
        });
    }

    /**
     * Whether {@code url} is of an HSQLDB database this process keeps in files: {@code file:} or a
     * bare path; not one in memory, in the class path or on a server (which checkpoints itself).
     */
    static boolean inFiles(String url) {
        String lower = url == null ? "" : url.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("jdbc:hsqldb:")) {
            return false;
        }
        String rest = lower.substring("jdbc:hsqldb:".length());
        return java.util.stream.Stream.of("mem:", "res:", "hsql:", "hsqls:", "http:", "https:").noneMatch(rest::startsWith);
    }

    /** Turns the database's own checkpoints off: from now on only {@link #checkpointIfLogOver} makes one. */
    public void takeOver() {
        if (log.isPresent()) {
            jdbc.execute("SET FILES LOG SIZE 0");
        }
    }

    /**
     * Checkpoints when the log holds more than {@code bytes}; returns the size of the log it wrote
     * into the data files, or -1 when none was due. Only where no other transaction is open: a
     * checkpoint waits for every one to end.
     */
    public long checkpointIfLogOver(long bytes) {
        if (log.isEmpty()) {
            return -1;
        }
        long size;
        try {
            size = Files.exists(log.get()) ? Files.size(log.get()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size <= bytes) {
            return -1;
        }
        jdbc.execute("CHECKPOINT");
        return size;
    }
}
