package io.github.ipoanalyzer.report;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Appends listing records to one partition's file ({@link ReportParts#write}): each a length,
 * then the record as {@link ListingPartCodec} writes it.
 */
public final class ReportPartWriter implements Closeable {

    private final FileChannel channel;
    private final int listingsBefore;

    ReportPartWriter(FileChannel channel, int listingsBefore) {
        this.channel = channel;
        this.listingsBefore = listingsBefore;
    }

    /** How many listings the file held when opened: the partition goes on after them. */
    public int listingsBefore() {
        return listingsBefore;
    }

    public void add(ListingPart listing) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ListingPartCodec.write(listing, out);
        }
        ByteBuffer length = ByteBuffer.allocate(Integer.BYTES).putInt(0, bytes.size());
        channel.write(length);
        channel.write(ByteBuffer.wrap(bytes.toByteArray()));
    }

    /** Makes the file durable: once, when the partition has written its last listing. */
    public void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
