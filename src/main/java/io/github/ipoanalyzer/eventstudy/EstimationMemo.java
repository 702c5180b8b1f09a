package io.github.ipoanalyzer.eventstudy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * The estimation sums of each event's fit, kept per listing between runs, so that a nightly run
 * sums only the days after the latest fit end it kept instead of the whole history. Each kept sum
 * carries the digest of exactly what it was computed from (see {@link ListingReturns}): the
 * trading calendar and the benchmark's returns up to that day, the listing's closes, the kind of
 * return and this format. A sum is used only where the digest of today's inputs is the same, so a
 * corrected close, a new date in the calendar or a changed benchmark level before that day makes
 * the listing's sums be computed from its first day again; nothing has to say what changed.
 */
public final class EstimationMemo {

    /** Written into every digest and every kept state: a change of the returns' arithmetic must change it. */
    static final String FORMAT = "estimation-sums-1";

    /** Nothing kept, nothing read: every sum from the listing's first day. */
    public static final EstimationMemo NONE = new EstimationMemo(ticker -> Optional.empty(), (ticker, state) -> {
    });

    /** The sums of the days before {@code end} (a calendar index), and the digest of what they were computed from. */
    record Checkpoint(int end, byte[] digest, ListingReturns.EstimationSums sums) {
        boolean sameAs(Checkpoint other) {
            return end == other.end && Arrays.equals(digest, other.digest) && sums.equals(other.sums);
        }
    }

    private final Function<String, Optional<byte[]>> load;
    private final BiConsumer<String, byte[]> save;

    /** {@code load} and {@code save}: a listing's kept state by ticker, as bytes (the store's). */
    public EstimationMemo(Function<String, Optional<byte[]>> load, BiConsumer<String, byte[]> save) {
        this.load = load;
        this.save = save;
    }

    /** What was kept for this listing; nothing when none was, or when it does not read back whole ({@link #decode}). */
    List<Checkpoint> kept(String ticker) {
        return load.apply(ticker).map(EstimationMemo::decode).orElse(List.of());
    }

    /** Keeps this run's checkpoints of the listing where they differ from those it found. */
    void keep(String ticker, List<Checkpoint> found, List<Checkpoint> now) {
        if (now.isEmpty() || same(found, now)) {
            return;
        }
        save.accept(ticker, encode(now));
    }

    private static boolean same(List<Checkpoint> a, List<Checkpoint> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameAs(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The checkpoints as bytes, ending with the CRC32 of the rest: a kept state that changed on disk is not used. */
    static byte[] encode(List<Checkpoint> checkpoints) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeInt(checkpoints.size());
            for (Checkpoint c : checkpoints) {
                out.writeInt(c.end());
                out.writeInt(c.digest().length);
                out.write(c.digest());
                ListingReturns.EstimationSums s = c.sums();
                out.writeInt(s.n());
                for (BigDecimal d : List.of(s.sumX(), s.sumY(), s.sumXY(), s.sumXX(), s.sumYY())) {
                    byte[] unscaled = d.unscaledValue().toByteArray();
                    out.writeInt(d.scale());
                    out.writeInt(unscaled.length);
                    out.write(unscaled);
                }
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The checkpoints in {@code state}; none when it is of another format, cut short or changed (they are only a shortcut). */
    static List<Checkpoint> decode(byte[] state) {
        if (state.length < Integer.BYTES) {
            return List.of();
        }
        CRC32 crc = new CRC32();
        crc.update(state, 0, state.length - Integer.BYTES);
        if ((int) crc.getValue() != ByteBuffer.wrap(state, state.length - Integer.BYTES, Integer.BYTES).getInt()) {
            return List.of();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state, 0, state.length - Integer.BYTES))) {
            if (!FORMAT.equals(in.readUTF())) {
                return List.of();
            }
            int count = in.readInt();
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int end = in.readInt();
                byte[] digest = exactly(in, in.readInt());
                int n = in.readInt();
                BigDecimal[] d = new BigDecimal[5];
                for (int j = 0; j < d.length; j++) {
                    int scale = in.readInt();
                    d[j] = new BigDecimal(new BigInteger(exactly(in, in.readInt())), scale);
                }
                checkpoints.add(new Checkpoint(end, digest, new ListingReturns.EstimationSums(n, d[0], d[1], d[2], d[3], d[4])));
            }
            return in.read() == -1 ? List.copyOf(checkpoints) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static byte[] exactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("cut short");
        }
        return bytes;
    }
}
