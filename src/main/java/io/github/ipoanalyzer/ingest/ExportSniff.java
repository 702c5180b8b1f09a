package io.github.ipoanalyzer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the first bytes of an input file say before it is parsed: its encoding (UTF-8, else
 * GB18030, of which GBK is a subset: what Excel and WPS save on Chinese Windows) and, for a
 * price file, its separator (comma or tab), the title lines above its
 * header (TDX writes one) and which export it is (null: the kind's own format, or
 * nothing recognised, which the header check then explains).
 */
record ExportSniff(Charset charset, char separator, List<String> linesAbove, Export source) {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int HEAD_BYTES = 64 * 1024;
    /** A header is looked for on the first lines only: a title line or two, never data. */
    private static final int HEADER_SEARCH_LINES = 4;
    private static final int DECODED_CHUNK = 4096;

    /** Of any input file the encoding; of a kind that reads sources' exports, also the rest. */
    static ExportSniff of(Path file, CsvFormat format) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        Charset charset = decodes(head, StandardCharsets.UTF_8) || !nearlyDecodes(head, GB18030) || !isChineseText(head)
                || damagedUtf8(head) ? StandardCharsets.UTF_8 : GB18030;
        if (format.sources().isEmpty()) {
            return new ExportSniff(charset, ',', List.of(), null);
        }
        List<String> lines = firstLines(head, charset, HEADER_SEARCH_LINES + 2);
        for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_LINES); i++) {
            char separator = lines.get(i).indexOf('\t') >= 0 ? '\t' : ',';
            List<String> names = Arrays.stream(lines.get(i).split(String.valueOf(separator), -1))
                    .map(SourceValues::name).toList();
            if (names.containsAll(format.required())) {
                return new ExportSniff(charset, separator, lines.subList(0, i), null);
            }
            List<String> above = lines.subList(0, i);
            List<String> below = lines.subList(i + 1, lines.size());
            Optional<? extends Export> source = format.sources().stream()
                    .filter(s -> s.recognises(names, separator, above, below)).findFirst();
            if (source.isPresent()) {
                return new ExportSniff(charset, separator, lines.subList(0, i), source.get());
            }
        }
        char separator = !lines.isEmpty() && lines.get(0).indexOf('\t') >= 0 && lines.get(0).indexOf(',') < 0 ? '\t' : ',';
        return new ExportSniff(charset, separator, List.of(), null);
    }

    /**
     * The first {@code count} lines of {@code head}, as {@link String#lines} splits the whole head
     * decoded. Where those lines are ASCII (the kind's own files and English exports), only
     * their bytes are decoded (an ASCII byte is the same character in UTF-8 and GB18030 whatever
     * follows); else the whole head, where a damaged character can take a line end with it.
     */
    static List<String> firstLines(byte[] head, Charset charset, int count) {
        int end = 0;
        boolean ascii = true;
        for (int seen = 0; end < head.length && seen < count; end++) {
            ascii &= head[end] >= 0;
            if (head[end] == '\n' || (head[end] == '\r' && (end + 1 == head.length || head[end + 1] != '\n'))) {
                seen++;
            }
        }
        return (ascii ? new String(head, 0, end, charset) : new String(head, charset)).lines().limit(count).toList();
    }

    /**
     * Whether bytes that are not UTF-8 are GBK text rather than damaged UTF-8 or a stray byte:
     * read as GB18030 they give at least two characters beyond ASCII, nearly all of them Chinese
     * (ideographs, CJK punctuation, full-width forms, and the signs of GBK's symbol rows). Read as GBK, damaged UTF-8 would garble
     * every Chinese name in the file behind a mere notice; it is refused with the line of the
     * bad byte instead.
     */
    static boolean isChineseText(byte[] bytes) {
        String text = new String(bytes, GB18030);
        long beyondAscii = text.chars().filter(c -> c >= 0x80).count();
        long chinese = text.chars().filter(c -> c >= 0x80 && (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || isGbkSymbol(c))).count();
        return beyondAscii >= 2 && chinese * 10 >= beyondAscii * 9;
    }

    /** The signs GBK's own symbol rows give Chinese text (× ÷ ± ° ≈ ≤ … ‰ ℃ № ① Ⅱ → ○ ★ β): a note "约2,750×" is GBK. */
    private static final java.util.Set<Character.UnicodeBlock> GBK_SYMBOL_BLOCKS = java.util.Set.of(
            Character.UnicodeBlock.GENERAL_PUNCTUATION, Character.UnicodeBlock.LETTERLIKE_SYMBOLS,
            Character.UnicodeBlock.NUMBER_FORMS, Character.UnicodeBlock.ARROWS, Character.UnicodeBlock.MATHEMATICAL_OPERATORS,
            Character.UnicodeBlock.MISCELLANEOUS_TECHNICAL, Character.UnicodeBlock.ENCLOSED_ALPHANUMERICS,
            Character.UnicodeBlock.BOX_DRAWING, Character.UnicodeBlock.GEOMETRIC_SHAPES,
            Character.UnicodeBlock.MISCELLANEOUS_SYMBOLS, Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS,
            Character.UnicodeBlock.GREEK);

    private static boolean isGbkSymbol(int c) {
        return "±×÷·°§¨¤".indexOf(c) >= 0 || GBK_SYMBOL_BLOCKS.contains(Character.UnicodeBlock.of(c));
    }

    /**
     * UTF-8 with a few bad bytes: more valid multi-byte UTF-8 sequences than invalid ones. GBK
     * text forms a valid UTF-8 sequence only by chance, a few in a hundred characters.
     */
    static boolean damagedUtf8(byte[] bytes) {
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < bytes.length; ) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            boolean ok = length > 1 && i + length <= bytes.length;
            for (int k = 1; ok && k < length; k++) {
                ok = (bytes[i + k] & 0xC0) == 0x80;
            }
            valid += ok ? 1 : 0;
            invalid += length != 1 && !ok ? 1 : 0;
            i += ok ? length : 1;
        }
        return valid > invalid;
    }

    /** Whether the bytes are valid in {@code charset}; a sequence cut at the end of the sample does not count. */
    private static boolean decodes(byte[] bytes, Charset charset) {
        return invalidSequences(bytes, charset, 1) == 0;
    }

    /**
     * Valid in {@code charset} but for a byte or two: a GBK file with one damaged character is
     * still GBK, and refused at the line of that character rather than as UTF-8 at its first
     * Chinese word.
     */
    private static boolean nearlyDecodes(byte[] bytes, Charset charset) {
        return invalidSequences(bytes, charset, 3) < 3;
    }

    /** The invalid sequences in {@code bytes}, counted up to {@code enough}. */
    static int invalidSequences(byte[] bytes, Charset charset, int enough) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // The characters are not kept: a small buffer, emptied whenever it fills.
        CharBuffer out = CharBuffer.allocate(DECODED_CHUNK);
        int invalid = 0;
        while (invalid < enough) {
            CoderResult result = decoder.decode(in, out, bytes.length < HEAD_BYTES);
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            if (!result.isError()) {
                return invalid;
            }
            invalid++;
            in.position(in.position() + result.length());
        }
        return invalid;
    }
}
