package io.github.ipoanalyzer.report;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One run's report partitions on disk ({@code <output>/.parts-<run>/}): each partition computes a
 * range of listings and appends each listing's rendered rows and figures to its own file, after
 * a header naming the format and the work: a length-prefixed record per listing
 * ({@link ListingPartCodec}). The file is its own record of
 * progress: a partition resumed after a stop, a crash or a killed worker keeps the complete
 * records in it and goes on after them (the page cache outlives a killed process; the file is
 * synced when the partition ends, so a finished partition survives a power cut). The
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
     * Partition {@code partition}'s file, opened to append: the listings already in it (complete
     * records, after a stop, a crash or a killed worker) are kept and counted, a record cut short
     * is cut off. A file written in another format or for other work ({@code work}: the run, its
     * range and the version) is started afresh.
     */
    public ReportPartWriter write(int partition, String work) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(String.format(Locale.ROOT, "partition-%05d%s", partition, SUFFIX));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            byte[] head = (ListingPartCodec.FORMAT + "|" + work).getBytes(StandardCharsets.UTF_8);
            long end = 0;
            int listings = 0;
            if (startsWith(channel, head)) {
                end = Integer.BYTES + head.length;
                ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
                while (true) {
                    length.clear();
                    if (channel.read(length, end) < Integer.BYTES) {
                        break;
                    }
                    long next = end + Integer.BYTES + length.getInt(0);
                    if (length.getInt(0) < 0 || next > channel.size()) {
                        break;
                    }
                    end = next;
                    listings++;
                }
            } else {
                channel.truncate(0);
                channel.write(ByteBuffer.allocate(Integer.BYTES).putInt(0, head.length), 0);
                channel.write(ByteBuffer.wrap(head), Integer.BYTES);
                end = Integer.BYTES + head.length;
            }
            channel.truncate(end);
            channel.position(end);
            return new ReportPartWriter(channel, listings);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static boolean startsWith(FileChannel channel, byte[] head) throws IOException {
        ByteBuffer found = ByteBuffer.allocate(Integer.BYTES + head.length);
        if (channel.read(found, 0) < found.capacity() || found.getInt(0) != head.length) {
            return false;
        }
        return ByteBuffer.wrap(head).equals(found.position(Integer.BYTES));
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

    /** One partition's file read back, listing by listing. */
    static final class Reader implements Closeable {
        private final Path file;
        private final DataInputStream in;

        private Reader(Path file) throws IOException {
            this.file = file;
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            try {
                byte[] header = in.readNBytes(in.readInt());
                if (!new String(header, StandardCharsets.UTF_8).startsWith(ListingPartCodec.FORMAT + "|")) {
                    throw new IOException(file + " was written by another version of ipo-analyzer (its header is not \""
                            + ListingPartCodec.FORMAT + "\")");
                }
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }

        /** The next listing's record, or null after the last. */
        ListingPart next() throws IOException {
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
            try (DataInputStream fields = new DataInputStream(new ByteArrayInputStream(record))) {
                ListingPart listing = ListingPartCodec.read(fields);
                if (fields.available() > 0) {
                    throw new IOException(fields.available() + " bytes left over after listing " + listing.index());
                }
                return listing;
            } catch (IOException | RuntimeException e) {
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
