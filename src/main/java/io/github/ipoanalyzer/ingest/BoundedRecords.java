package io.github.ipoanalyzer.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops reading a CSV text at the first record longer than {@link #MAX_RECORD_CHARS}: a quote
 * never closed (the rest of a 100 MB file one field), or a file with no line ends. Without it the
 * parser gathers the whole rest of the file into one value, in time that grows with its square
 * and memory past the heap, and shows no progress meanwhile. It follows the quotes as the parser
 * does (RFC 4180: a doubled quote inside quotes toggles twice) to count from where a quoted
 * value opened.
 */
final class BoundedRecords extends FilterReader {

    /** Far longer than any real row (a price row is under 200 characters, a note at most 1000). */
    static final int MAX_RECORD_CHARS = 64 * 1024;

    private final long linesBefore;
    private long line;
    private boolean quoted;
    private long recordChars;
    private long quoteOpenedOnLine;

    /** {@code linesBefore}: the lines of the file above where this text starts (a tail read). */
    BoundedRecords(Reader in, long linesBefore) {
        super(in);
        this.linesBefore = linesBefore;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    private void see(char c) throws TooLong {
        if (c == '"') {
            quoted = !quoted;
            if (quoted) {
                quoteOpenedOnLine = linesBefore + line + 1;
            }
        } else if (c == '\n') {
            line++;
            if (!quoted) {
                recordChars = 0;
                return;
            }
        }
        if (++recordChars > MAX_RECORD_CHARS) {
            throw quoted ? new TooLong(quoteOpenedOnLine, "a quoted value opened on line " + quoteOpenedOnLine
                    + " is not closed within " + MAX_RECORD_CHARS / 1024 + " KiB (a quote missing its closing \")")
                    : new TooLong(linesBefore + line + 1, "line " + (linesBefore + line + 1) + " is longer than "
                    + MAX_RECORD_CHARS / 1024 + " KiB (no line ends: not a CSV file?)");
        }
    }

    /** The record that broke the limit: where it starts and what is wrong with it. */
    static final class TooLong extends IOException {

        private final long line;

        TooLong(long line, String message) {
            super(message);
            this.line = line;
        }

        long line() {
            return line;
        }
    }
}
