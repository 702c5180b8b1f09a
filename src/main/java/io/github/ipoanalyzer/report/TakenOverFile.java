package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.store.InputFingerprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A file of an earlier published report that a new report takes over: hard-linked into it, with
 * the rows and SHA-256 that report's manifest lists. A published folder is never changed by the
 * application, but a person may edit a file in it or replace a folder by a link; so before a
 * file is taken over it must be what that manifest lists: a regular file at that very place in
 * the folder (no link on the way, which could lead out of it), of the size and SHA-256 listed.
 */
final class TakenOverFile {

    private TakenOverFile() {
    }

    /**
     * The file {@code file} of the report folder {@code previous}, read in full and checked
     * against {@code listed}; an {@link IOException} saying what differs otherwise.
     */
    static Path verified(Path previous, String file, Manifest.Output listed) throws IOException {
        return verified(previous, file, listed, InputFingerprint::sha256);
    }

    /**
     * The same, the file's SHA-256 from {@code hashOf}: the memo of published files' hashes
     * ({@link PublishedHashes}) reads a file only when its state on disk is not the one remembered.
     */
    static Path verified(Path previous, String file, Manifest.Output listed, Function<Path, String> hashOf)
            throws IOException {
        Path source = placed(previous, file, listed);
        if (!hashOf.apply(source).equals(listed.sha256())) {
            throw new IOException(source + " is not the file its report published (its SHA-256 differs from "
                    + previous.getFileName() + "'s manifest): it was changed since");
        }
        return source;
    }

    /**
     * The same checks without reading the file, for one already verified earlier in the run:
     * where it is, its size, and that it was not modified after its report was finished.
     */
    static Path unchanged(Path previous, String file, Manifest.Output listed) throws IOException {
        Path source = placed(previous, file, listed);
        Optional<Instant> finished = Manifest.finishedAt(previous);
        if (finished.isPresent() && Files.getLastModifiedTime(source).toInstant().isAfter(finished.get())) {
            throw new IOException(source + " was modified after its report was finished (" + finished.get() + ")");
        }
        return source;
    }

    private static Path placed(Path previous, String file, Manifest.Output listed) throws IOException {
        Path folder = previous.toRealPath();
        Path source = folder.resolve(file).normalize();
        if (!source.startsWith(folder) || source.equals(folder)) {
            throw new IOException(folder.resolve("manifest.json") + " lists " + file + ", outside its folder");
        }
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(source + " is gone");
        }
        Path real;
        try {
            real = source.toRealPath();
        } catch (IOException e) {
            throw new IOException(source + " is a link that leads nowhere", e);
        }
        if (!real.equals(source)) {
            throw new IOException(source + " is reached through a link (it leads to " + real + "), not a file of "
                    + folder.getFileName() + " itself");
        }
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(source + " is not a regular file");
        }
        long size = Files.size(source);
        if (listed.bytes() >= 0 && size != listed.bytes()) {
            throw new IOException(source + " has " + size + " bytes where " + folder.getFileName() + "'s manifest lists "
                    + listed.bytes() + ": it was changed since");
        }
        return source;
    }
}
