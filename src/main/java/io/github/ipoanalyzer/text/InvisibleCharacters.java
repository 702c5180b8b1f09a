package io.github.ipoanalyzer.text;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one rule for characters that hide or reorder text without being seen: C0 controls other
 * than tab and line ends, DEL and the C1 controls, the bidi embeddings, overrides and isolates
 * (U+202A..U+202E, U+2066..U+2069, U+061C, U+200E, U+200F), the zero-width and invisible marks
 * (U+200B..U+200D, U+2060..U+2064, U+180E, U+FEFF), the line and paragraph separators and the
 * interlinear annotation marks. A name holding a right-to-left override would read reversed in
 * a report; every text the report writes (CSV cells, the index page, chart text) leaves them out,
 * and the input row they were found on is named in a notice.
 */
public final class InvisibleCharacters {

    private InvisibleCharacters() {
    }

    public static boolean isInvisible(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if (c < 0x7F) {
            return false;
        }
        return c <= 0x9F || c == 0x061C || c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
    }

    public static boolean anyIn(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isInvisible(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} without them (the same string when it has none); null stays null. */
    public static String removed(String s) {
        if (s == null || !anyIn(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.chars().filter(c -> !isInvisible((char) c)).forEach(c -> b.append((char) c));
        return b.toString();
    }

    /** Those in {@code s}, once each: "U+202E (right-to-left override), U+200B (zero width space)". */
    public static String named(String s) {
        return s.chars().filter(c -> isInvisible((char) c)).distinct().mapToObj(c -> String.format(Locale.ROOT,
                "U+%04X (%s)", c, name(c))).collect(Collectors.joining(", "));
    }

    private static String name(int c) {
        String name = Character.getName(c);
        return name == null ? "control" : name.toLowerCase(Locale.ROOT);
    }
}
