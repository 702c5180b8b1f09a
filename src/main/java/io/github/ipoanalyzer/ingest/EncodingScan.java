package io.github.ipoanalyzer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds the line and byte of the first sequence that is not valid in the file's encoding. The
 * CSV reader decodes ahead of the line it parses, so its position cannot say where the bad bytes
 * are; this streaming scan runs only when decoding has failed.
 */
final class EncodingScan {

    /** The 1-based line and the 0-based byte offset of a bad sequence. */
    record Position(long line, long byteOffset) {
    }

    private EncodingScan() {
    }

    /** Why {@code file} cannot be read in {@code charset}, with where, and what to do. */
    static String refusal(String fileName, Path file, Charset charset) throws IOException {
        Position at = firstInvalid(file, charset);
        String where = String.format(Locale.ROOT, "line %d (byte offset %d)", at.line(), at.byteOffset());
        if (charset.equals(StandardCharsets.UTF_8)) {
            return fileName + " is not valid UTF-8 at " + where
                    + "; save it as UTF-8 (a file saved by Excel or WPS on Chinese Windows is often GBK)";
        }
        return String.format(Locale.ROOT, "%s is read as GB18030 (GBK) text, but line %d has a byte that is not "
                + "GB18030 (byte offset %d): correct or remove it, or save the file again as UTF-8", fileName, at.line(),
                at.byteOffset());
    }

    /** Where the first invalid sequence is, or null when the file is valid in {@code charset}. */
    static Position firstInvalid(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long line = 1;
        long consumed = 0;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                end = n < 0;
                if (n > 0) {
                    in.position(in.position() + n);
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                out.flip();
                while (out.hasRemaining()) {
                    if (out.get() == '\n') {
                        line++;
                    }
                }
                out.clear();
                if (result.isError()) {
                    return new Position(line, consumed + in.position());
                }
                consumed += in.position();
                in.compact();
            }
        }
        return null;
    }
}
