package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.job.IpoSettings;
import io.github.ipoanalyzer.store.CorruptStoreException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * One line a person can act on for a failure that is not the input's fault: a full disk, a
 * folder that cannot be written, a damaged database. Everything else says its root cause in
 * short; the stack trace goes to the log file only.
 */
final class FailureMessage {

    /** Below this much free space a failure is most likely the disk being full. */
    private static final long NEARLY_FULL_BYTES = 8L << 20;
    private static final int MAX_LENGTH = 300;

    private FailureMessage() {
    }

    /** {@code starting}: the failure came while opening the database, before any job ran. */
    static String of(Throwable failure, Path db, Path output, boolean starting) {
        Optional<String> full = noSpace(failure, db, output);
        if (full.isPresent()) {
            return full.get();
        }
        Optional<FileSystemException> unwritable = ReportRunner.causeOf(failure, FileSystemException.class)
                .filter(e -> e instanceof AccessDeniedException || "Read-only file system".equals(e.getReason()));
        if (unwritable.isPresent()) {
            return "cannot write " + unwritable.get().getFile() + " (" + (unwritable.get() instanceof AccessDeniedException
                    ? "permission denied" : "read-only file system") + "). Run from a folder you can write to, or "
                    + "point --db and --output at one.";
        }
        if (chainMentions(failure, "org.postgresql")) {
            return "the shared PostgreSQL database cannot be used (" + rootMessage(failure) + "). Check that the server "
                    + "runs and that --spring.datasource.url and --spring.datasource.username are right; nothing was "
                    + "published, and the next run resumes.";
        }
        if (chainMentions(failure, "org.springframework.amqp")) {
            return "the broker cannot be reached (" + rootMessage(failure) + "). Check that RabbitMQ runs and the "
                    + "--spring.rabbitmq.* settings; nothing was published, and the next run resumes.";
        }
        boolean corrupt = ReportRunner.causeOf(failure, CorruptStoreException.class).isPresent();
        boolean database = starting && (ReportRunner.causeOf(failure, SQLException.class).isPresent()
                || chainMentions(failure, "org.hsqldb"));
        if (corrupt || database) {
            return "the database in " + db + " cannot be used (" + rootMessage(failure) + "). It may be damaged (a disk "
                    + "fault, a file edited by hand, another program's files). Move " + db + " aside (for example: mv "
                    + db + " " + db + ".damaged); the next run reloads every input file and rebuilds the reports.";
        }
        return rootMessage(failure);
    }

    /**
     * A setting the application refused as it started (see {@link IpoSettings}), in one paragraph:
     * the property, the value given and what it accepts. Empty for any other failure.
     */
    static Optional<String> badSetting(Throwable failure) {
        return IpoSettings.refusal(failure).map(refused -> "Invalid setting: " + refused.getMessage()
                + " Settings are given as --ipo.name=value after the options or -Dipo.name=value; nothing was run.");
    }

    private static Optional<String> noSpace(Throwable failure, Path db, Path output) {
        boolean said = chainMentions(failure, "No space left on device")
                || chainMentions(failure, "Data File size limit is reached");
        for (Path folder : new Path[] {db, output}) {
            long free = usableSpace(folder);
            if (free >= 0 && free < NEARLY_FULL_BYTES) {
                return Optional.of(String.format(Locale.ROOT, "no space left on %s (%,d bytes free): free some space "
                        + "and run again; the next run resumes.", folder, free));
            }
        }
        return said ? Optional.of("no space left on the disk (" + rootMessage(failure) + "): free some space and run "
                + "again; the next run resumes.") : Optional.empty();
    }

    private static long usableSpace(Path folder) {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace();
                } catch (IOException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static boolean chainMentions(Throwable failure, String text) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (String.valueOf(c.getMessage()).contains(text) || c.getClass().getName().contains(text)) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // The project's own exceptions are written for people; a library's are named by their class.
        String message = root instanceof FileSystemException fs ? fs.getFile() + ": " + fs.getReason()
                : root.getClass().getName().startsWith("io.github.ipoanalyzer.") && root.getMessage() != null
                ? root.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH) + "…";
    }
}
