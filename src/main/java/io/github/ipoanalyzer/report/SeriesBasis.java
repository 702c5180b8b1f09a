package io.github.ipoanalyzer.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * What the per-close series of a published report were computed from, so that the next report
 * can tell which of their months it may take over unchanged. A series row dated d depends only
 * on what is dated on or before d (nothing looks ahead) and on things that are not dated at all.
 * So the basis holds:
 * <ul>
 * <li>{@code fixed}: a digest of what is not dated (version, settings, the fee schedule); when
 * it differs, nothing is taken over;</li>
 * <li>{@code marks}: one per dated thing a series row can depend on (a listing, a stored block
 * of prices, an exchange rate), keyed by its content and mapped to the earliest date whose rows
 * it can change (a listing's listing date, a block's first date, a rate's date).</li>
 * </ul>
 * Every mark present in one basis and not the other is a change from its date on; so are the
 * days between two different as-of dates. Months before the earliest change are unchanged.
 * {@code folder} is the real path of the report folder the basis describes.
 */
record SeriesBasis(String folder, LocalDate asOf, String fixed, Map<String, LocalDate> marks) {

    SeriesBasis {
        marks = Map.copyOf(marks);
    }

    /** The same basis, describing the report folder published at {@code folder} (its real path). */
    SeriesBasis publishedAs(String folder) {
        return new SeriesBasis(folder, asOf, fixed, marks);
    }

    /**
     * The earliest date from which a series computed on {@code now} can differ from one computed
     * on this basis; {@link LocalDate#MIN} when anything undated differs; empty when nothing does.
     */
    Optional<LocalDate> firstChange(SeriesBasis now) {
        if (!fixed.equals(now.fixed)) {
            return Optional.of(LocalDate.MIN);
        }
        LocalDate first = asOf.equals(now.asOf) ? null : min(asOf, now.asOf).plusDays(1);
        first = min(first, earliestMissing(marks, now.marks));
        first = min(first, earliestMissing(now.marks, marks));
        return Optional.ofNullable(first);
    }

    private static LocalDate earliestMissing(Map<String, LocalDate> from, Map<String, LocalDate> in) {
        LocalDate first = null;
        for (Map.Entry<String, LocalDate> mark : from.entrySet()) {
            if (!in.containsKey(mark.getKey())) {
                first = min(first, mark.getValue());
            }
        }
        return first;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** The SHA-256 of a text, in hex: a mark of something whose every field its text shows. */
    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compressed: a market of years of nightly appends has a mark per stored block, millions of them. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeUTF(folder);
            out.writeLong(asOf.toEpochDay());
            out.writeUTF(fixed);
            out.writeInt(marks.size());
            for (Map.Entry<String, LocalDate> mark : marks.entrySet()) {
                out.writeUTF(mark.getKey());
                out.writeLong(mark.getValue().toEpochDay());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static SeriesBasis fromBytes(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
            String folder = in.readUTF();
            LocalDate asOf = LocalDate.ofEpochDay(in.readLong());
            String fixed = in.readUTF();
            int count = in.readInt();
            Map<String, LocalDate> marks = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                marks.put(in.readUTF(), LocalDate.ofEpochDay(in.readLong()));
            }
            return new SeriesBasis(folder, asOf, fixed, marks);
        }
    }
}
