package io.github.ipoanalyzer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A report folder is written beside its final place ({@code .staging-<run>}) and renamed into
 * place in one step, so a reader never sees a half-written folder and a failed run leaves
 * none. {@code latest} then points to it, and only the newest {@code keep} folders are kept.
 */
public final class ReportFolder {

    static final String STAGING_PREFIX = ".staging-";

    private final Path outputRoot;

    public ReportFolder(Path outputRoot) {
        this.outputRoot = outputRoot.toAbsolutePath().normalize();
    }

    public static String name(String asOf, long runId) {
        return asOf + "_run-" + runId;
    }

    /** A fresh, empty staging folder for this run (a leftover of a crashed attempt is removed). */
    public Path stage(long runId) throws IOException {
        Files.createDirectories(outputRoot);
        Path staging = outputRoot.resolve(STAGING_PREFIX + runId);
        deleteRecursively(staging);
        return Files.createDirectory(staging);
    }

    /** Renames the staging folder to its final name and points {@code latest} at it. */
    public Path publish(Path staging, String finalName, int keep) throws IOException {
        Path target = outputRoot.resolve(finalName);
        if (!target.normalize().getParent().equals(outputRoot)) {
            throw new IllegalArgumentException("report folder name leaves the output folder: " + finalName);
        }
        if (Files.exists(target)) {
            // A restart after the rename but before the run was recorded complete: same run, same content.
            Path old = outputRoot.resolve(STAGING_PREFIX + "replaced-" + finalName);
            deleteRecursively(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        pointLatestAt(target);
        prune(keep);
        return target;
    }

    public void discard(Path staging) {
        try {
            deleteRecursively(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pointLatestAt(Path target) throws IOException {
        Path latest = outputRoot.resolve("latest");
        Path temporary = outputRoot.resolve(".latest-" + target.getFileName());
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, target.getFileName());
        try {
            Files.move(temporary, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, latest, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Report folders, oldest run first. */
    public List<Path> reports() throws IOException {
        try (Stream<Path> entries = Files.list(outputRoot)) {
            return entries.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}_run-\\d+"))
                    .sorted(Comparator.comparingLong(ReportFolder::runId)).toList();
        }
    }

    private void prune(int keep) throws IOException {
        List<Path> reports = reports();
        for (int i = 0; i < reports.size() - keep; i++) {
            deleteRecursively(reports.get(i));
        }
    }

    private static long runId(Path folder) {
        String name = folder.getFileName().toString();
        return Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
