package io.github.ipoanalyzer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A report folder is written beside its final place ({@code .staging-<run>-<token>}), made
 * durable (every file and the folder fsync'd), and renamed into place in one step, so a reader
 * never sees a half-written folder, a failed run leaves none, and a power cut never leaves
 * {@code latest} pointing at empty files. {@code latest} then points to it, and only the
 * {@code keep} most recently published folders are kept, the one just published always among
 * them. Leftovers of a crashed run are removed at the next start ({@link #recoverLeftovers}).
 * The caller holds the output folder's lock, so no other run writes here meanwhile.
 */
public final class ReportFolder {

    static final String STAGING_PREFIX = ".staging-";
    static final String LATEST = "latest";
    private static final String LATEST_TEMPORARY_PREFIX = ".latest-";
    private static final String FAILED_PREFIX = "failed-";
    private static final Pattern REPORT = Pattern.compile("(" + Pattern.quote(FAILED_PREFIX)
            + ")?\\d{4}-\\d{2}-\\d{2}_run-(\\d+)");

    /** Makes a file or folder durable: fsync. Replaceable so that a test can see what is synced when. */
    @FunctionalInterface
    public interface Sync {
        void sync(Path path) throws IOException;
    }

    private final Path outputRoot;
    private final Sync sync;

    public ReportFolder(Path outputRoot) {
        this(outputRoot, ReportFolder::fsync);
    }

    public ReportFolder(Path outputRoot, Sync sync) {
        this.outputRoot = outputRoot.toAbsolutePath().normalize();
        this.sync = sync;
    }

    public static String name(String asOf, long runId) {
        return asOf + "_run-" + runId;
    }

    /** Where run {@code runId}'s report partitions are written (see {@link ReportParts}). */
    public ReportParts parts(long runId) {
        return new ReportParts(outputRoot.resolve(ReportParts.PREFIX + runId));
    }

    /** Removes the partitions that runs other than {@code runId} left (runs never finished, not to be resumed). */
    public void discardPartsOtherThan(long runId) throws IOException {
        for (Path other : ReportParts.othersThan(outputRoot, parts(runId).folder())) {
            deleteRecursively(other);
        }
    }

    /** A fresh, empty staging folder for this run, named so that no other run or database shares it. */
    public Path stage(long runId) throws IOException {
        Files.createDirectories(outputRoot);
        return Files.createDirectory(outputRoot.resolve(STAGING_PREFIX + runId + "-" + UUID.randomUUID()));
    }

    /**
     * Makes the staging folder durable, renames it to its final name and points {@code latest} at
     * it. A folder of that name already there is kept when {@code sameRun} says it is this run's
     * (a restart after the rename but before the run was recorded complete: same inputs, same
     * content), and refused otherwise: a published folder is never replaced or mixed.
     */
    public Path publish(Path staging, String finalName, int keep, Predicate<Path> sameRun) throws IOException {
        Path target = outputRoot.resolve(finalName);
        if (!target.normalize().getParent().equals(outputRoot)) {
            throw new IllegalArgumentException("report folder name leaves the output folder: " + finalName);
        }
        shareUnchangedFiles(staging);
        syncTree(staging);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!sameRun.test(target)) {
                discard(staging);
                throw new FileAlreadyExistsException(target.toString(), null,
                        "holds the report of another run; move it aside and run again");
            }
            discard(staging);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        // The publication time orders the folders for pruning (run numbers restart with a new database).
        Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
        sync.sync(outputRoot);
        pointLatestAt(target);
        prune(keep, target);
        removeFailedReports();
        return target;
    }

    /**
     * A staged file equal to the same file of the latest report (the months of a series before
     * the newest, unchanged charts) becomes a hard link to it, so that thirty kept nightly
     * reports of a market take little more disk than one. Equal means the same size and the same
     * SHA-256 in both manifests (the new report's CSVs were hashed as they were written, so
     * gigabytes are not read again; a published folder is never changed). Deleting a folder then
     * deletes only its names: the other folders' links keep the data. Where the file system has
     * no hard links, the staged copy stays.
     */
    void shareUnchangedFiles(Path staging) throws IOException {
        Path latest = outputRoot.resolve(LATEST);
        if (!Files.isDirectory(latest)) {
            return;
        }
        Path previous = latest.toRealPath();
        Map<String, String> before = Manifest.outputHashes(previous);
        for (Map.Entry<String, String> now : Manifest.outputHashes(staging).entrySet()) {
            Path file = staging.resolve(now.getKey());
            Path earlier = previous.resolve(now.getKey());
            if (now.getValue().equals(before.get(now.getKey())) && Files.isRegularFile(earlier, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(earlier) == Files.size(file)) {
                Path aside = file.resolveSibling(file.getFileName() + ".unlinked");
                Files.move(file, aside);
                try {
                    Files.createLink(file, earlier);
                    Files.delete(aside);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.move(aside, file); // no hard links here: keep the copy
                }
            }
        }
    }

    /**
     * Writes what a failed run leaves for a person ({@code failed-<as-of>_run-<n>/}, e.g. its
     * rejects) through a staging folder; it replaces what an earlier failed run left.
     */
    public Path publishFailed(String name, Writer contents) throws IOException {
        Path staging = stage(0);
        try {
            contents.write(staging);
            syncTree(staging);
            Path target = outputRoot.resolve(FAILED_PREFIX + name);
            removeFailedReports();
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            sync.sync(outputRoot);
            return target;
        } catch (IOException | RuntimeException e) {
            discard(staging);
            throw e;
        }
    }

    /** Writes files into a folder. */
    @FunctionalInterface
    public interface Writer {
        void write(Path folder) throws IOException;
    }

    public void discard(Path staging) {
        try {
            deleteRecursively(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a run killed mid-publish left: staging folders and temporary links are removed, and a
     * {@code latest} that leads nowhere is pointed at the most recently published folder again.
     * Returns what it did, for the run's notes.
     */
    public List<String> recoverLeftovers() throws IOException {
        List<String> done = new ArrayList<>();
        if (!Files.isDirectory(outputRoot)) {
            return done;
        }
        try (Stream<Path> entries = Files.list(outputRoot)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(STAGING_PREFIX) || name.startsWith(LATEST_TEMPORARY_PREFIX)) {
                    deleteRecursively(p);
                    done.add("Removed " + p + ", left by a run that did not finish publishing.");
                }
            }
        }
        Path latest = outputRoot.resolve(LATEST);
        boolean dangling = Files.isSymbolicLink(latest) && !Files.isDirectory(latest);
        List<Path> reports = reports();
        if (dangling || (!Files.exists(latest, LinkOption.NOFOLLOW_LINKS) && !reports.isEmpty())) {
            if (reports.isEmpty()) {
                Files.delete(latest);
                done.add("Removed " + latest + ", which led to no report folder.");
            } else {
                Path newest = reports.get(reports.size() - 1);
                pointLatestAt(newest);
                done.add("Pointed " + latest + " at " + newest.getFileName() + " again (it led nowhere).");
            }
        }
        return done;
    }

    /** The highest run number among the report folders here (published or failed), 0 if none. */
    public long highestRunNumber() throws IOException {
        if (!Files.isDirectory(outputRoot)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(outputRoot)) {
            return entries.map(p -> REPORT.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(2))).max().orElse(0);
        }
    }

    private void pointLatestAt(Path target) throws IOException {
        Path latest = outputRoot.resolve(LATEST);
        Path temporary = outputRoot.resolve(LATEST_TEMPORARY_PREFIX + target.getFileName());
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, target.getFileName());
        try {
            Files.move(temporary, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, latest, StandardCopyOption.REPLACE_EXISTING);
        }
        sync.sync(outputRoot);
    }

    /** Published report folders, least recently published first (by the time set when each was published). */
    public List<Path> reports() throws IOException {
        try (Stream<Path> entries = Files.list(outputRoot)) {
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> REPORT.matcher(p.getFileName().toString()).matches()
                            && !p.getFileName().toString().startsWith(FAILED_PREFIX))
                    .sorted(Comparator.comparing(ReportFolder::publishedAt).thenComparing(Path::getFileName))
                    .toList();
        }
    }

    private void prune(int keep, Path justPublished) throws IOException {
        List<Path> older = new ArrayList<>(reports());
        older.remove(justPublished);
        for (int i = 0; i < older.size() - (keep - 1); i++) {
            deleteRecursively(older.get(i));
        }
    }

    /** Once a run publishes or fails anew, what an earlier failed run left for reading is out of date. */
    private void removeFailedReports() throws IOException {
        try (Stream<Path> entries = Files.list(outputRoot)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(FAILED_PREFIX)).toList()) {
                deleteRecursively(p);
            }
        }
    }

    private static FileTime publishedAt(Path folder) {
        try {
            return Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private void syncTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                sync.sync(p);
            }
        }
    }

    /** fsync of a file's or a folder's contents; a platform that cannot open a folder for it has nothing to sync. */
    static void fsync(Path path) throws IOException {
        boolean folder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!folder) {
                throw e;
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
