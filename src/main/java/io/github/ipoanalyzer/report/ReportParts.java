package io.github.ipoanalyzer.report;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One run's report partitions on disk ({@code <output>/.parts-<run>/}): each partition computes a
 * range of listings and writes their rendered rows and figures into one file, which appears under
 * its final name only when complete (written aside, synced, renamed). The report's assembly reads
 * them back in listing order. They outlive a failed or stopped run, so a restart recomputes only
 * the partitions that did not finish; they are removed once the report is published. The folder
 * must be shared by the manager and the workers of a scaled-out run.
 */
final class ReportParts {

    static final String PREFIX = ".parts-";
    private static final String SUFFIX = ".part";

    private final Path folder;

    ReportParts(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    static String fileName(int partition) {
        return String.format(Locale.ROOT, "partition-%05d%s", partition, SUFFIX);
    }

    /** Writes one partition's file: listings {@code from} (inclusive) to {@code to} of the report's listing order. */
    Writer write(int partition, int from, int to) throws IOException {
        Files.createDirectories(folder);
        return new Writer(folder.resolve(fileName(partition)), from, to);
    }

    /** The partitions' files, in listing order. */
    List<Path> files() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    Reader read(Path file) throws IOException {
        return new Reader(file);
    }

    void discard() throws IOException {
        ReportFolder.deleteRecursively(folder);
    }

    /** One partition's file being written: a header (its listing range), a record per listing, an end mark, a trailer. */
    static final class Writer implements Closeable {
        private final Path target;
        private final Path aside;
        private final ObjectOutputStream out;
        private boolean finished;

        private Writer(Path target, int from, int to) throws IOException {
            this.target = target;
            this.aside = target.resolveSibling(target.getFileName() + ".writing");
            this.out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(aside), 1 << 16));
            out.writeInt(from);
            out.writeInt(to);
        }

        void add(Serializable listing) throws IOException {
            out.writeObject(listing);
            out.reset(); // forget the objects written: a partition holds one listing at a time
        }

        /** Ends the file with {@code trailer} and puts it under its final name. */
        void finish(Serializable trailer) throws IOException {
            out.writeObject(null);
            out.writeObject(trailer);
            out.close();
            ReportFolder.fsync(aside);
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            ReportFolder.fsync(target.getParent());
            finished = true;
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                out.close();
                Files.deleteIfExists(aside);
            }
        }
    }

    /** One partition's file read back. */
    static final class Reader implements Closeable {
        private final Path file;
        private final ObjectInputStream in;
        final int from;
        final int to;

        private Reader(Path file) throws IOException {
            this.file = file;
            this.in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.from = in.readInt();
            this.to = in.readInt();
        }

        /** The next listing's record, or null after the last. */
        Object next() throws IOException {
            return readObject();
        }

        Object trailer() throws IOException {
            return readObject();
        }

        private Object readObject() throws IOException {
            try {
                return in.readObject();
            } catch (ClassNotFoundException | InvalidClassException e) {
                throw new IOException(file + " was written by another version of ipo-analyzer: " + e.getMessage(), e);
            } catch (EOFException | StreamCorruptedException e) {
                throw new IOException(file + " is damaged (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Every partition's folder under {@code outputRoot} but this run's: what runs that never finished left. */
    static List<Path> othersThan(Path outputRoot, Path keep) throws IOException {
        List<Path> others = new ArrayList<>();
        if (Files.isDirectory(outputRoot)) {
            try (Stream<Path> entries = Files.list(outputRoot)) {
                entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && !p.equals(keep)).forEach(others::add);
            }
        }
        return others;
    }
}
