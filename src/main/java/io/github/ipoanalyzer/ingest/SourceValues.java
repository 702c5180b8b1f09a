package io.github.ipoanalyzer.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How exports write values, read into the project's forms: header names and units, unknowns, digit grouping, dates. */
final class SourceValues {

    private static final Set<String> UNKNOWN_TOKENS = Set.of("null", "nan", "none", "--", "-", "—", "n/a");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:[ T].*)?");
    private static final Pattern SEPARATED_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T,].*)?");
    private static final Pattern OFFSET_TIME = Pattern.compile(
            "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private SourceValues() {
    }

    /** A header name as exports are matched: trimmed, lower case, without a unit in brackets. */
    static String name(String raw) {
        String s = raw.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
        Matcher m = HeaderUnits.bracketed(s);
        return m.matches() ? m.group(1) : s;
    }

    static String cell(List<String> values, int i) {
        return i < values.size() ? values.get(i).trim() : "";
    }

    /** An export's way of writing unknown (null, NaN, --) is empty; digit grouping is dropped. */
    static String number(String v) {
        if (UNKNOWN_TOKENS.contains(v.toLowerCase(Locale.ROOT))) {
            return "";
        }
        return GROUPED.matcher(v).matches() ? v.replace(",", "") : v;
    }

    /** Exactly {@code v × factor}; what is not a number is left as it is, for the row rule to reject with a reason. */
    static String scaled(String v, BigDecimal factor) {
        if (v.isEmpty()) {
            return v;
        }
        try {
            return new BigDecimal(v).multiply(factor).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /**
     * A date with a time and an offset ({@code 2026-01-08 16:00:00+00:00}, {@code 2025-12-16T16:30:00Z}) as
     * an instant; empty for a date without one, which is already the exchange's own date.
     */
    static Optional<OffsetDateTime> withOffset(String raw) {
        Matcher m = OFFSET_TIME.matcher(raw);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), 0, ZoneOffset.of(m.group(7))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** YYYYMMDD, YYYY-MM-DD or YYYY/MM/DD, with a time or weekday after it, as YYYY-MM-DD; empty for anything else. */
    static Optional<String> isoDate(String raw) {
        Matcher m = COMPACT_DATE.matcher(raw);
        if (!m.matches()) {
            m = SEPARATED_DATE.matcher(raw);
        }
        if (m.matches()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).toString());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
