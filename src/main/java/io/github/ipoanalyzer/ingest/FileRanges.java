package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.InputFingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Cuts one large input file into byte ranges that start at line starts, so that several readers
 * can read it at once, each its own range ({@link CsvRecordReader#setRanges}), with the line
 * numbers of the whole file. One pass over the bytes to read: it counts the line ends before each
 * cut as the CSV reader counts them (LF, CRLF or a lone CR), takes the SHA-256 of each range
 * (what its reader must find) and of all of them (what the run fingerprinted).
 * <p>
 * A cut is made only where a line start is certainly a record's start: right after an LF, past
 * the header lines, and only in a file that has no double quote after its header (a quoted value
 * may hold a line end, and a line start inside one is no record's start) and no line longer than
 * {@link BoundedRecords#MAX_RECORD_CHARS} bytes (which the reader of the whole file stops at).
 * Such a file is not cut: one reader reads it whole. GB18030 and UTF-8 never use the bytes of LF,
 * CR or the quote inside a multi-byte character, so the scan needs no decoding.
 */
public final class FileRanges {

    /** Bytes {@code from} (a line start) up to {@code to}, after {@code linesBefore} line ends; {@code sha256} of those bytes. */
    public record Range(long from, long to, long linesBefore, String sha256) implements Serializable {
    }

    /** The ranges, in file order, and the SHA-256 of all the bytes they cover. */
    public record Cut(List<Range> ranges, String sha256) {
    }

    private FileRanges() {
    }

    /**
     * The lines of the file above its first row: title lines, the header and an export's extra
     * header rows (one reading from the top reads them before any row).
     */
    public static int headerLines(Path file, CsvFormat format) throws IOException {
        ExportSniff sniff = ExportSniff.of(file, format);
        return sniff.linesAbove().size() + 1 + (sniff.source() == null ? 0 : sniff.source().extraHeaderRows());
    }

    /**
     * The file read from byte {@code from} (0, or the start of the rows appended since it was
     * loaded, after {@code linesBefore} line ends) cut into about {@code pieces} ranges of nearly
     * equal bytes. {@code headerLines}: the lines above the rows there (none for appended rows);
     * the first range keeps at least {@code firstRows} rows (lines with more than blanks after the
     * header: as many rows as the first range must judge alone). Empty when the file cannot be cut (see above) or gives fewer
     * than two ranges.
     */
    public static Optional<Cut> cut(Path file, long from, long linesBefore, int headerLines, long firstRows,
                                    int pieces) {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            long size = Files.size(file);
            long span = size - from;
            MessageDigest all = InputFingerprint.newDigest();
            MessageDigest range = InputFingerprint.newDigest();
            List<Range> ranges = new ArrayList<>();
            byte[] buffer = new byte[1 << 16];
            long position = from;
            long rangeFrom = from;
            long rangeLines = linesBefore;
            long lines = linesBefore;
            long lineLength = 0;
            int previous = -1;
            boolean cuttable = true;
            boolean blank = true;
            long rows = 0;
            int piece = 1;
            long target = from + span / pieces;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.update(buffer, 0, n);
                int start = 0;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '"' && lines - linesBefore >= headerLines) {
                        cuttable = false;
                    }
                    if (b == '\r' || (b == '\n' && previous != '\r')) {
                        if (!blank && lines - linesBefore >= headerLines) {
                            rows++;
                        }
                        lines++;
                        blank = true;
                    } else if (b != '\n' && b != ' ' && b != '\t') {
                        blank = false;
                    }
                    previous = b;
                    if (b == '\n' || b == '\r') {
                        lineLength = 0;
                    } else if (++lineLength > BoundedRecords.MAX_RECORD_CHARS) {
                        cuttable = false;
                    }
                    long next = position + i + 1;
                    if (b == '\n' && next >= target && cuttable && piece < pieces && next < size
                            && rows >= firstRows) {
                        range.update(buffer, start, i + 1 - start);
                        start = i + 1;
                        ranges.add(new Range(rangeFrom, next, rangeLines, HexFormat.of().formatHex(range.digest())));
                        rangeFrom = next;
                        rangeLines = lines;
                        while (target <= next && piece < pieces) {
                            target = from + span * ++piece / pieces; // past those the first range's rows overran
                        }
                    }
                }
                range.update(buffer, start, n - start);
                position += n;
            }
            if (!cuttable || ranges.isEmpty()) {
                return Optional.empty();
            }
            ranges.add(new Range(rangeFrom, position, rangeLines, HexFormat.of().formatHex(range.digest())));
            return Optional.of(new Cut(List.copyOf(ranges), HexFormat.of().formatHex(all.digest())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
