package io.github.ipoanalyzer.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One report CSV, written row by row as the report is computed (a market of millions of rows
 * never sits in memory): a header naming each metric with its unit and reference price, then
 * rows of formatted cells. UTF-8 with a byte-order mark so that Excel and WPS open Chinese names
 * intact, RFC 4180 quoting, CRLF line ends. Rows may also be rendered elsewhere ({@link Rows},
 * e.g. in a report partition) and appended in order. The file's SHA-256 is computed as it is
 * written, for the manifest.
 */
public final class CsvTable implements ListingTable, RowSink, ReportFile {

    private final String fileName;
    private final String description;
    private final int columns;
    private final MessageDigest sha256;
    /** The file's bytes (hashed as written), and the text writer over them for the header and added rows. */
    private final OutputStream bytes;
    private final Writer out;
    /** Text written through {@link #out} since its last flush: flushed before rendered bytes are appended. */
    private boolean textPending;
    /** The line being written, reused. */
    private final StringBuilder line = new StringBuilder();
    private long rows;
    private String hash;
    /** Why closing failed: a writer that failed to close counts as closed, and the file is not whole. */
    private IOException closeFailure;

    public CsvTable(Path folder, String fileName, String description, List<String> header) {
        this.fileName = fileName;
        this.description = description;
        this.columns = header.size();
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            Files.createDirectories(folder.resolve(fileName).getParent());
            bytes = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve(fileName)),
                    1 << 16), sha256);
            out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
            out.write('\uFEFF');
            write(header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void add(List<String> cells) {
        checkWidth(fileName, columns, cells);
        try {
            write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName, e);
        }
        rows++;
    }

    private void write(List<String> cells) throws IOException {
        line.setLength(0);
        out.append(CsvLine.append(line, cells));
        textPending = true;
    }

    private static void checkWidth(String fileName, int columns, List<String> cells) {
        if (cells.size() != columns) {
            throw new IllegalArgumentException(fileName + ": " + cells.size() + " cells for " + columns + " columns");
        }
    }

    @Override
    public void append(RenderedRows rendered) {
        for (RenderedRows.Chunk chunk : rendered.chunks()) {
            append(chunk.utf8(), chunk.count());
        }
    }

    /** {@code count} rows rendered as this table writes them (see {@link Rows#renderInto}), in UTF-8. */
    void append(byte[] utf8, long count) {
        try {
            if (textPending) {
                out.flush();
                textPending = false;
            }
            bytes.write(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName, e);
        }
        rows += count;
    }

    /** Rows rendered exactly as the table would write them. */
    public static final class Rows implements ListingRows {
        private final String fileName;
        private final int columns;
        private final StringBuilder text = new StringBuilder();
        private long count;

        private Rows(String fileName, int columns) {
            this.fileName = fileName;
            this.columns = columns;
        }

        /** Rows for a table of {@code columns} not opened yet (the months of a series): render, then take each line. */
        static Rows of(String fileName, int columns) {
            return new Rows(fileName, columns);
        }

        /** Appends one row to {@code to} as the table would write it, leaving nothing behind here. */
        void renderInto(StringBuilder to, List<String> cells) {
            checkWidth(fileName, columns, cells);
            CsvLine.append(to, cells);
        }

        @Override
        public void add(List<String> cells) {
            renderInto(text, cells);
            count++;
        }

        @Override
        public RenderedRows rendered() {
            return new RenderedRows(List.of(new RenderedRows.Chunk("", text.toString().getBytes(StandardCharsets.UTF_8),
                    count)));
        }
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    /** The SHA-256 of the file as written; only once closed. */
    @Override
    public String sha256() {
        if (hash == null) {
            throw new IllegalStateException(fileName + " is not closed yet");
        }
        return hash;
    }

    @Override
    public void close() throws IOException {
        if (hash != null) {
            return;
        }
        if (closeFailure != null) {
            throw closeFailure;
        }
        try {
            out.close();
        } catch (IOException e) {
            closeFailure = new IOException("cannot write " + fileName + ": " + e.getMessage(), e);
            throw closeFailure;
        }
        hash = HexFormat.of().formatHex(sha256.digest());
    }
}
