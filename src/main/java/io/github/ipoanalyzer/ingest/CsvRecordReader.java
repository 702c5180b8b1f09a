package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.InputFingerprint;
import io.github.ipoanalyzer.store.FileTail;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvValidationException;
import org.springframework.batch.infrastructure.item.file.ResourceAwareItemReaderItemStream;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Collection;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads one CSV file into {@link CsvRecord}s with OpenCSV's RFC 4180 parser (quotes, embedded
 * commas and newlines; no backslash escapes). Strict UTF-8, a leading byte-order mark allowed;
 * the first line is the header, matched by name in any order. Blank lines are not rows. Columns
 * the format does not know, and a file with no rows, are reported once as notices.
 * Restartable: the item count is saved under the reader's name and a restart skips that many
 * records. A file that only had rows appended since it was loaded is read from its
 * {@link FileTail}: the header from the top, then the rows after the recorded bytes; a range of a
 * large file ({@link #setRanges}) likewise, up to the range's end.
 * <p>
 * It hashes the bytes it reads (the whole file, or the tail) and, at the end of the file,
 * compares them with the fingerprint the run took: a file cut, grown or replaced while it was
 * read fails the step with {@link InputChangedException} instead of loading what it happened to
 * hold (a restart that skips committed rows still reads, and hashes, every byte).
 */
public class CsvRecordReader extends AbstractItemCountingItemStreamItemReader<CsvRecord>
        implements ResourceAwareItemReaderItemStream<CsvRecord> {

    private final Path inputRoot;
    private final CsvFormat format;
    public static final String NO_DATA_ROWS = "no data rows (header only)";

    private final BiConsumer<String, String> notices;
    private final Function<String, Optional<FileTail>> tails;
    private final Function<String, Optional<String>> fingerprints;
    private Resource resource;
    private CSVReader csv;
    private MessageDigest digest;
    private List<String> header;
    private String fileName;
    private long rowsInFile;
    private long linesBefore;
    private boolean tail;
    private java.nio.charset.Charset charset = StandardCharsets.UTF_8;
    private char separator = ',';
    private Export.Translation reading;
    private final Supplier<Collection<String>> listed;
    private boolean cutShort;
    /** The file's last byte is no line end: its last line, when read, is noticed (a copy cut short ends so). */
    private boolean endsWithoutLineEnd;
    private CsvRecord lastRecord;
    private java.util.function.Predicate<String> givenUp = file -> false;
    private Function<String, Optional<FileRanges.Range>> ranges = file -> Optional.empty();
    private FileRanges.Range range;

    /**
     * {@code notices} receives (file, message) for what a person should know but is no row's
     * fault; {@code tails} tells, by relative path, where an appended file is to be read from;
     * {@code fingerprints}, the SHA-256 the bytes read must have (of the tail, for a tail read),
     * or empty where the run took none.
     */
    public CsvRecordReader(String name, Path inputRoot, CsvFormat format, BiConsumer<String, String> notices,
                           Function<String, Optional<FileTail>> tails, Function<String, Optional<String>> fingerprints) {
        this(name, inputRoot, format, notices, tails, fingerprints, List::of);
    }

    /** {@code listed}: the tickers of listings.csv, which an export's file name may give (see {@link TickerSymbols}). */
    public CsvRecordReader(String name, Path inputRoot, CsvFormat format, BiConsumer<String, String> notices,
                           Function<String, Optional<FileTail>> tails, Function<String, Optional<String>> fingerprints,
                           Supplier<Collection<String>> listed) {
        this.listed = listed;
        setName(name);
        this.inputRoot = inputRoot.toAbsolutePath().normalize();
        this.format = format;
        this.notices = notices;
        this.tails = tails;
        this.fingerprints = fingerprints;
    }

    /** {@code givenUp} tells, by relative path, of a file whose rows so far show it is not of this kind: its reading ends. */
    public void setGivenUp(java.util.function.Predicate<String> givenUp) {
        this.givenUp = givenUp;
    }

    /**
     * {@code ranges} tells, by relative path, of a file of which this reader reads one range
     * ({@link FileRanges}): the header from the top, then only the range's bytes, with the line
     * numbers of the whole file; the range's bytes must have its SHA-256.
     */
    public void setRanges(Function<String, Optional<FileRanges.Range>> ranges) {
        this.ranges = ranges;
    }

    @Override
    public void setResource(Resource resource) {
        this.resource = resource;
    }

    @Override
    protected void doOpen() throws Exception {
        Path path = resource.getFile().toPath().toAbsolutePath().normalize();
        fileName = inputRoot.relativize(path).toString().replace('\\', '/');
        rowsInFile = 0;
        linesBefore = 0;
        reading = null;
        cutShort = false;
        ExportSniff sniff = ExportSniff.of(path, format);
        charset = sniff.charset();
        separator = sniff.separator();
        range = ranges.apply(fileName).orElse(null);
        lastRecord = null;
        endsWithoutLineEnd = (range == null || range.to() >= Files.size(path)) && lastByteIsNoLineEnd(path);
        csv = open(path, 0, 0, range != null && range.from() == 0 ? range.to() : Long.MAX_VALUE);
        for (int i = 0; i < sniff.linesAbove().size(); i++) {
            next();
        }
        String[] first;
        try {
            first = next();
        } catch (BoundedRecords.TooLong e) {
            throw new InputFileException(fileName + " has no readable header: " + e.getMessage(), e);
        }
        if (first == null) {
            throw new InputFileException(fileName + " is empty: expected a header line with the columns "
                    + String.join(",", format.all()));
        }
        if (!first[0].isEmpty() && first[0].charAt(0) == '\uFEFF') {
            first[0] = first[0].substring(1);
        }
        header = Arrays.stream(first).map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        refuseRepeatedColumns(first);
        if (!charset.equals(StandardCharsets.UTF_8)) {
            notices.accept(fileName, "read as GB18030 (GBK) text: it is not UTF-8");
        }
        if (sniff.source() != null) {
            openExport(sniff, Arrays.asList(first));
        } else {
            checkProjectHeader(first);
        }
        Optional<FileTail> from = range != null ? Optional.of(new FileTail(range.from(), range.linesBefore()))
                : tails.apply(fileName);
        tail = from.isPresent() && from.get().fromByte() > 0;
        if (tail) {
            csv.close();
            csv = open(path, from.get().fromByte(), from.get().linesBefore(),
                    range == null ? Long.MAX_VALUE : range.to() - range.from());
            linesBefore = from.get().linesBefore();
        }
    }

    /** A data source's export: its extra header rows read, the file opened by the export, how it is read said once. */
    private void openExport(ExportSniff sniff, List<String> rawHeader) throws IOException {
        List<List<String>> extraRows = new ArrayList<>();
        for (int i = 0; i < sniff.source().extraHeaderRows(); i++) {
            String[] row = next();
            extraRows.add(row == null ? List.of() : Arrays.asList(row));
        }
        reading = sniff.source().open(fileName, rawHeader, sniff.linesAbove(), extraRows, listed.get());
        reading.notices().forEach(n -> notices.accept(fileName, n));
    }

    private void checkProjectHeader(String[] first) {
        List<String> missing = format.required().stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputFileException(UnreadHeader.explain(fileName, format, first));
        }
        List<String> unknown = header.stream().filter(c -> !format.knows(c)).toList();
        if (!unknown.isEmpty()) {
            notices.accept(fileName, "column(s) not used: " + String.join(", ", unknown));
        }
    }

    /** Two columns of one name (ignoring case and spaces) would make the value read depend on their order. */
    private void refuseRepeatedColumns(String[] raw) {
        java.util.Map<String, List<String>> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            byName.computeIfAbsent(header.get(i), k -> new ArrayList<>()).add("\"" + raw[i] + "\"");
        }
        List<String> repeated = byName.values().stream().filter(v -> v.size() > 1).map(v -> String.join(" and ", v))
                .toList();
        if (!repeated.isEmpty()) {
            throw new InputFileException(fileName + " has the same column more than once in its header ("
                    + InputFileException.quoted(String.join("; ", repeated)) + "; names are compared ignoring case and spaces): "
                    + "which one holds the data is unclear, so the file is not read. Remove or rename the repeats.");
        }
    }

    /** The file's bytes from {@code fromByte}, at most {@code length} of them, after {@code linesAbove} line ends. */
    private CSVReader open(Path path, long fromByte, long linesAbove, long length) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InputFileException(fileName + " is not a regular file (a pipe, device or socket?); "
                    + "only plain files are read");
        }
        InputStream in = Files.newInputStream(path);
        in.skipNBytes(fromByte);
        if (length < Long.MAX_VALUE) {
            in = new Limited(in, length);
        }
        digest = InputFingerprint.newDigest();
        in = new DigestInputStream(in, digest);
        Reader reader = new BoundedRecords(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), linesAbove);
        return new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().withSeparator(separator).build())
                .build();
    }

    @Override
    protected CsvRecord doRead() throws Exception {
        while (true) {
            if (cutShort || givenUp.test(fileName)) {
                return null; // the rest of the file is not read, as its last reject says
            }
            long startLine = linesBefore + csv.getLinesRead() + 1;
            String[] values;
            try {
                values = next();
            } catch (BoundedRecords.TooLong e) {
                cutShort = true;
                return CsvRecord.unreadable(fileName, e.line(), fileName + ": " + e.getMessage()
                        + "; the rest of the file is not read: correct it, or remove it if it is no CSV");
            }
            if (values == null) {
                checkFingerprint();
                if (rowsInFile == 0 && !tail && range == null) {
                    notices.accept(fileName, NO_DATA_ROWS);
                }
                if (endsWithoutLineEnd && lastRecord != null) {
                    // Many exporters end without one; a copy cut short does too, its last value then cut (7 for 700.00).
                    notices.accept(fileName, "its last line, line " + lastRecord.line() + ", has no line end, and was read "
                            + "as it is, with the values " + String.join(" | ", lastRecord.values()) + ". A file cut short "
                            + "while being copied ends like this: if it was, copy it again and run again");
                }
                return null;
            }
            if (values.length == 1 && values[0].isBlank()) {
                lastRecord = null;
                continue;
            }
            if (reading != null && reading.isFooter(values[0])) {
                lastRecord = null;
                continue; // the export's footer ("数据来源:通达信"), which moves down as days are added
            }
            rowsInFile++;
            List<String> cells = new ArrayList<>(Arrays.asList(values));
            if (reading != null) {
                // An export's trailing separator (a tab at the end of each TDX line) is no field.
                while (cells.size() > header.size() && cells.get(cells.size() - 1).isBlank()) {
                    cells.remove(cells.size() - 1);
                }
            }
            lastRecord = new CsvRecord(fileName, startLine, header, cells, reading);
            return lastRecord;
        }
    }

    private static boolean lastByteIsNoLineEnd(Path path) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path)) {
            if (channel.size() == 0) {
                return false;
            }
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) != '\n' && last.get(0) != '\r';
        }
    }

    /** At the end of the file: the bytes read must be those the run fingerprinted. */
    private void checkFingerprint() {
        Optional<String> expected = range != null ? Optional.of(range.sha256()) : fingerprints.apply(fileName);
        String read = HexFormat.of().formatHex(digest.digest());
        if (expected.isPresent() && !expected.get().equals(read)) {
            throw new InputChangedException(fileName, "it changed while being read");
        }
    }

    private String[] next() throws IOException {
        long startOfRecord = linesBefore + csv.getLinesRead() + 1;
        try {
            return csv.readNext();
        } catch (BoundedRecords.TooLong e) {
            throw e;
        } catch (CharacterCodingException e) {
            throw new InputFileException(EncodingScan.refusal(fileName, resource.getFile().toPath(), charset), e);
        } catch (CsvMalformedLineException e) {
            throw new InputFileException(fileName + " has a quoted value that is never closed, opened on line "
                    + startOfRecord + "; everything after it would be lost: close the quote", e);
        } catch (CsvValidationException e) {
            throw new InputFileException(fileName + " cannot be parsed as CSV near line "
                    + (linesBefore + csv.getLinesRead() + 1)
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void doClose() throws Exception {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }

    /** The first {@code left} bytes of a stream: a range's reader stops at its end. */
    private static final class Limited extends java.io.FilterInputStream {

        private long left;

        Limited(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }
    }
}
