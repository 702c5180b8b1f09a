package io.github.ipoanalyzer.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StreamCorruptedException;
import java.io.BufferedInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One run's report partitions on disk ({@code <output>/.parts-<run>/}): each partition computes a
 * range of listings and appends each listing's rendered rows and figures to its own file, a
 * length-prefixed record per listing, synced at every chunk. A partition resumed after a crash
 * cuts its file back to what its last committed chunk recorded and goes on from there. The
 * report's assembly reads the files back in listing order. They outlive a failed or stopped run,
 * so a restart computes only what did not finish; they are removed once the report is published.
 * The folder must be shared by the manager and the workers of a scaled-out run.
 */
public final class ReportParts {

    static final String PREFIX = ".parts-";
    private static final String SUFFIX = ".part";

    private final Path folder;

    ReportParts(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /**
     * Partition {@code partition}'s file, to be appended to from byte {@code committedBytes} (0
     * for a partition starting afresh; bytes after it are of a chunk that was never committed).
     */
    public Writer write(int partition, long committedBytes) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(String.format(Locale.ROOT, "partition-%05d%s", partition, SUFFIX));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.size() < committedBytes) {
            channel.close();
            throw new IOException(file + " holds less than its partition committed (" + committedBytes
                    + " bytes): it was changed or lost; run again with --force");
        }
        channel.truncate(committedBytes);
        channel.position(committedBytes);
        return new Writer(file, channel);
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

    /** Appends listing records to one partition's file. */
    public static final class Writer implements Closeable {
        private final Path file;
        private final FileChannel channel;

        private Writer(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        public void add(ReportPublisher.ListingPart listing) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(listing);
            }
            ByteBuffer length = ByteBuffer.allocate(Integer.BYTES).putInt(0, bytes.size());
            channel.write(length);
            channel.write(ByteBuffer.wrap(bytes.toByteArray()));
        }

        /** Makes what was added durable; returns the file's length, to be recorded with the chunk. */
        public long sync() throws IOException {
            channel.force(false);
            return channel.position();
        }

        public Path file() {
            return file;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** One partition's file read back, listing by listing. */
    static final class Reader implements Closeable {
        private final Path file;
        private final DataInputStream in;

        private Reader(Path file) throws IOException {
            this.file = file;
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        }

        /** The next listing's record, or null after the last. */
        ReportPublisher.ListingPart next() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException end) {
                return null;
            }
            byte[] record = in.readNBytes(length);
            if (record.length < length) {
                throw new IOException(file + " is damaged: its last record is cut short");
            }
            try (ObjectInputStream object = new ObjectInputStream(new ByteArrayInputStream(record))) {
                return (ReportPublisher.ListingPart) object.readObject();
            } catch (ClassNotFoundException | InvalidClassException e) {
                throw new IOException(file + " was written by another version of ipo-analyzer: " + e.getMessage(), e);
            } catch (StreamCorruptedException | EOFException | ClassCastException e) {
                throw new IOException(file + " is damaged (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Every partition's folder under {@code outputRoot} but {@code keep}: what runs that never finished left. */
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
