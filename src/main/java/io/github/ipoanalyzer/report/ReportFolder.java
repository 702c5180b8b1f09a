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
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A report folder is written beside its final place ({@code .staging-<run>-<token>}), made
 * durable (every file and the folder fsync'd), and renamed into place in one step, so a reader
 * never sees a half-written folder, a failed run leaves none, and a power cut never leaves
 * {@code latest} pointing at empty files. {@code latest} then points to the newest report by
 * as-of date (a backdated run's folder is published beside it), and only the {@code keep}
 * latest report folders by run number are kept, the one just published and the one
 * {@code latest} points to always among them; only folders whose manifest says this
 * application published them are ever pruned. Leftovers of a crashed run are removed at the
 * next start ({@link #recoverLeftovers}). The caller holds the output folder's lock, so no
 * other run writes here meanwhile.
 */
public final class ReportFolder {

    static final String STAGING_PREFIX = ".staging-";
    static final String LATEST = "latest";
    private static final String LATEST_TEMPORARY_PREFIX = ".latest-";
    private static final String FAILED_PREFIX = "failed-";
    /** A folder being pruned is first renamed to this, so that a deletion cut short never looks like a report. */
    private static final String PRUNING_PREFIX = ".pruning-";
    /** Old names have the run number as is ({@code _run-7}), new ones zero-padded ({@code _run-000007}). */
    private static final Pattern REPORT = Pattern.compile("(" + Pattern.quote(FAILED_PREFIX)
            + ")?(\\d{4}-\\d{2}-\\d{2})_run-(\\d+)");
    /** Run order: the order runs were numbered in, each after every folder already in the output folder. */
    private static final Comparator<Report> RUN_ORDER = Comparator.comparingLong(Report::run)
            .thenComparing(Report::asOf).thenComparing(r -> r.folder().getFileName().toString());
    /** The newest report: the latest as-of date, and of one day the latest run. */
    private static final Comparator<Report> AS_OF_ORDER = Comparator.comparing(Report::asOf)
            .thenComparingLong(Report::run).thenComparing(r -> r.folder().getFileName().toString());

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

    /** Zero-padded, so that a listing of the output folder by name shows runs in order ({@code _run-000010} after {@code _run-000009}). */
    public static String name(String asOf, long runId) {
        return String.format(Locale.ROOT, "%s_run-%06d", asOf, runId);
    }

    /** A report folder this application published: its as-of date and run number. */
    public record Report(Path folder, LocalDate asOf, long run) {
    }

    /** What publishing did: the folder, and lines for the run's summary (where latest points, what pruning could not do). */
    public record Publication(Path folder, List<String> notes) {
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
     * content), and refused otherwise: a published folder is never replaced or mixed. Once it is
     * in place, nothing that follows fails the publication: what {@code latest} and pruning could
     * not do is said in the notes. The files the run linked are recorded in {@code hashes}, where
     * the published ones are then remembered ({@link PublishedHashes}).
     */
    Publication publish(Path staging, String finalName, int keep, PublishedHashes hashes, Predicate<Path> sameRun)
            throws IOException {
        Path target = outputRoot.resolve(finalName);
        Report published = report(target).orElseThrow(() ->
                new IllegalArgumentException("not a report folder name: " + finalName));
        if (!target.normalize().getParent().equals(outputRoot)) {
            throw new IllegalArgumentException("report folder name leaves the output folder: " + finalName);
        }
        Instant writtenBy = Instant.now();
        shareUnchangedFiles(staging, hashes);
        syncTree(staging);
        boolean moved = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (!moved) {
            if (!sameRun.test(target)) {
                discard(staging);
                throw new FileAlreadyExistsException(target.toString(), null,
                        "holds the report of another run; move it aside and run again");
            }
            discard(staging);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        sync.sync(outputRoot);
        List<String> notes = new ArrayList<>();
        List<Report> reports = new ArrayList<>(reports());
        if (!reports.contains(published)) {
            reports.add(published);
            reports.sort(RUN_ORDER);
        }
        Report newest = reports.stream().max(AS_OF_ORDER).orElseThrow();
        if (!newest.equals(published)) {
            notes.add(LATEST + " still points at " + newest.folder().getFileName() + (newest.asOf().equals(published.asOf())
                    ? ", a later run as of the same day" : ", a report as of a later day (" + newest.asOf() + ")")
                    + "; this report as of " + published.asOf() + " is " + target);
        }
        pointLatestAt(newest.folder());
        hashes.beforePruning(target);
        try {
            prune(keep, reports, List.of(published, newest), notes);
        } catch (IOException e) {
            notes.add("warning: pruning stopped (" + why(e) + "); the next run tries again");
        }
        try {
            removeFailedReports();
        } catch (IOException e) {
            notes.add("warning: what a failed run left could not be removed (" + why(e) + "); remove it by hand");
        }
        if (moved) { // a folder an earlier attempt of this run published may have been edited since: read again
            try {
                hashes.rememberPublished(target.toRealPath(), Manifest.outputHashes(target), writtenBy);
            } catch (IOException | RuntimeException e) {
                // not remembered: the next run reads the files it takes over
            }
        }
        return new Publication(target, notes);
    }

    /**
     * A staged file equal to the same file of the latest report (the months of a series before
     * the newest, unchanged charts) becomes a hard link to it, so that thirty kept nightly
     * reports of a market take little more disk than one. Equal means the same size and the same
     * SHA-256 in both manifests (the new report's CSVs were hashed as they were written), and the
     * earlier file still what its manifest lists ({@link TakenOverFile#verified}: a person may
     * have edited it); a file the new report took over already is one. Deleting a folder then
     * deletes only its names: the other folders' links keep the data. Where the file system has
     * no hard links, the staged copy stays.
     */
    private void shareUnchangedFiles(Path staging, PublishedHashes hashes) throws IOException {
        Path latest = outputRoot.resolve(LATEST);
        if (!Files.isDirectory(latest)) {
            return;
        }
        Path previous = latest.toRealPath();
        Map<String, Manifest.Output> before = Manifest.outputs(previous);
        for (Map.Entry<String, String> now : Manifest.outputHashes(staging).entrySet()) {
            Path file = staging.resolve(now.getKey());
            Manifest.Output listed = before.get(now.getKey());
            Path name = previous.resolve(now.getKey());
            if (listed == null || !now.getValue().equals(listed.sha256())) {
                continue; // different
            }
            if (Files.exists(name, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(name, file)) {
                continue; // taken over already (verified, and recorded in hashes, then)
            }
            Path earlier;
            try {
                earlier = TakenOverFile.verified(previous, now.getKey(), listed, hashes::sha256);
            } catch (IOException | java.io.UncheckedIOException e) {
                continue; // not what was published: this report keeps its own copy
            }
            Path aside = file.resolveSibling(file.getFileName() + ".unlinked");
            Files.move(file, aside);
            try {
                if (!hashes.stillAsVerified(earlier)) {
                    throw new IOException(earlier + " changed since it was verified");
                }
                Files.createLink(file, earlier);
                hashes.linked(now.getKey(), file);
                Files.delete(aside);
            } catch (IOException | UnsupportedOperationException e) {
                Files.deleteIfExists(file);
                Files.move(aside, file); // no hard links here, or the earlier file changed: keep the copy
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
        List<Report> reports = reports();
        if (dangling || (!Files.exists(latest, LinkOption.NOFOLLOW_LINKS) && !reports.isEmpty())) {
            if (reports.isEmpty()) {
                Files.delete(latest);
                done.add("Removed " + latest + ", which led to no report folder.");
            } else {
                Path newest = reports.stream().max(AS_OF_ORDER).orElseThrow().folder();
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
                    .mapToLong(m -> Long.parseLong(m.group(3))).max().orElse(0);
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

    /**
     * The report folders this application published here, in run order (oldest first): named
     * {@code <as-of>_run-<n>}, a folder (not a link) and with a manifest.json that names this
     * application, that day and that run. A folder a person made or renamed is none of them.
     */
    public List<Report> reports() throws IOException {
        List<Report> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(outputRoot)) {
            for (Path p : entries.toList()) {
                Optional<Report> report = report(p);
                if (report.isPresent() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && Manifest.isPublished(p, report.get().asOf(), report.get().run())) {
                    found.add(report.get());
                }
            }
        }
        found.sort(RUN_ORDER);
        return found;
    }

    /** The as-of date and run number a report folder's name gives; empty for any other name. */
    private static Optional<Report> report(Path folder) {
        Matcher m = REPORT.matcher(folder.getFileName().toString());
        if (!m.matches() || m.group(1) != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Report(folder, LocalDate.parse(m.group(2)), Long.parseLong(m.group(3))));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the oldest reports by run order beyond the {@code keep} latest, never one of
     * {@code kept}. A folder is renamed aside ({@code .pruning-<name>}) before it is deleted, so
     * that a deletion cut short (a file that cannot be removed) never leaves a half report that
     * counts as one; what is left aside is tried again at the next publication. Adds to
     * {@code warnings} each thing it could not do: the report is published all the same.
     */
    private void prune(int keep, List<Report> reports, List<Report> kept, List<String> warnings) throws IOException {
        try (Stream<Path> entries = Files.list(outputRoot)) {
            for (Path aside : entries.filter(p -> p.getFileName().toString().startsWith(PRUNING_PREFIX)).toList()) {
                removeAside(aside, warnings);
            }
        }
        int excess = reports.size() - keep;
        boolean moved = false;
        for (Report report : reports) {
            if (excess <= 0) {
                break;
            }
            if (kept.contains(report)) {
                continue;
            }
            excess--;
            Path aside = outputRoot.resolve(PRUNING_PREFIX + report.folder().getFileName());
            try {
                Files.move(report.folder(), aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                warnings.add("warning: " + report.folder().getFileName() + " could not be pruned (" + why(e)
                        + "); it is kept, and the next run tries again");
                continue;
            }
            moved = true;
            removeAside(aside, warnings);
        }
        if (moved) {
            sync.sync(outputRoot);
        }
    }

    private static void removeAside(Path aside, List<String> warnings) {
        try {
            deleteRecursively(aside);
        } catch (IOException e) {
            warnings.add("warning: pruning left " + aside + " (" + why(e) + "): it is no report any more; remove it by "
                    + "hand, or the next run tries again");
        }
    }

    /** What went wrong with a file, in a few words: an AccessDeniedException has no reason of its own. */
    private static String why(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName());
        }
        return String.valueOf(e.getMessage());
    }

    /** Once a run publishes or fails anew, what an earlier failed run left for reading is out of date. */
    private void removeFailedReports() throws IOException {
        try (Stream<Path> entries = Files.list(outputRoot)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(FAILED_PREFIX)).toList()) {
                deleteRecursively(p);
            }
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
