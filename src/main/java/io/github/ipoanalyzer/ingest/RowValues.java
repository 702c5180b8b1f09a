package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.text.InvisibleCharacters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/**
 * Typed access to the raw values of one {@link CsvRecord}. Every accessor either returns a
 * value or throws a {@link RejectedRowException} naming the column, the raw value and the rule.
 * Numbers are plain decimals with a dot; an empty cell is unknown (null), never zero.
 */
public final class RowValues {

    /** Longer than any real value: a line break is probably missing, or the file is not a CSV. */
    static final int MAX_VALUE_LENGTH = 1000;
    /** What the analysis tables hold: DECIMAL(38, 12). */
    static final int MAX_INTEGER_DIGITS = 26;
    static final int MAX_DECIMALS = 12;
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final CsvRecord record;
    private final Export.Translation reading;
    /** "name_en U+202E (right-to-left override)" per text column that holds any, or null. */
    private java.util.List<String> invisible;

    public RowValues(CsvRecord raw) {
        CsvRecord record = raw;
        for (int i = 0; i < record.values().size(); i++) {
            int length = record.values().get(i).length();
            if (length > MAX_VALUE_LENGTH) {
                String column = i < record.header().size() ? record.header().get(i) : "";
                throw new RejectedRowException(column, record.values().get(i), "value-length",
                        String.format(java.util.Locale.ROOT, "a value of %,d characters (at most %,d): is a line "
                                + "break or a closing quote missing?", length, MAX_VALUE_LENGTH));
            }
        }
        if (record.values().size() != record.header().size()) {
            throw new RejectedRowException("", String.join(",", record.values()), "field-count",
                    "the line has " + record.values().size() + " fields but the header has " + record.header().size()
                            + " (an unquoted comma inside a value?)");
        }
        this.record = record.inProjectColumns();
        this.reading = raw.reading();
    }

    /** How a source's export has volume and turnover read, in its own words; empty for the project's format. */
    public java.util.Optional<String> unitsRead() {
        return reading == null ? java.util.Optional.empty() : reading.unitsRead(record.get("ticker"));
    }

    public String text(String column) {
        String value = scanned(column, record.get(column));
        if (value.isEmpty()) {
            throw new RejectedRowException(column, value, "required", column + " is required but empty");
        }
        return value;
    }

    /** Null when empty. */
    public String optionalText(String column) {
        String value = scanned(column, record.get(column));
        return value.isEmpty() ? null : value;
    }

    /** The value, noted when it holds characters the report leaves out (names and notes are kept as given). */
    private String scanned(String column, String value) {
        if (InvisibleCharacters.anyIn(value)) {
            if (invisible == null) {
                invisible = new java.util.ArrayList<>();
            }
            String found = column + " " + InvisibleCharacters.named(value);
            if (!invisible.contains(found)) {
                invisible.add(found);
            }
        }
        return value;
    }

    /**
     * The notice for the text this row was read for that holds invisible control characters:
     * "line 2: invisible control characters left out of the report: name_en U+202E (right-to-left override)".
     */
    public java.util.Optional<String> invisibleCharacters() {
        return invisible == null ? java.util.Optional.empty() : java.util.Optional.of("line " + record.line()
                + ": invisible control characters left out of the report: " + String.join("; ", invisible));
    }

    /** Null when empty. */
    public LocalDate optionalDate(String column) {
        return record.get(column).isEmpty() ? null : date(column);
    }

    public LocalDate date(String column) {
        String value = text(column);
        LocalDate date = plainDate(value);
        try {
            date = date != null ? date : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RejectedRowException(column, value, "date-format",
                    column + " '" + value + "' is not a date written YYYY-MM-DD");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new RejectedRowException(column, value, "date-range",
                    column + " " + value + " is outside " + EARLIEST + " to " + LATEST);
        }
        return date;
    }

    /**
     * The common case YYYY-MM-DD without the formatter machinery (a tenth of a price row's
     * parsing); null for anything else, which LocalDate.parse then accepts or explains.
     */
    private static LocalDate plainDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public BigDecimal decimal(String column) {
        text(column);
        return optionalDecimal(column);
    }

    /** A number BigDecimal would read with its exponent (1e3, 2.5E-4); a word with an e in it is none. */
    private static final java.util.regex.Pattern EXPONENT_NOTATION =
            java.util.regex.Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)[eE][-+]?[0-9]+");

    /** A plain decimal, or null when empty. Thousands separators, percent signs and units are rejected by name. */
    public BigDecimal optionalDecimal(String column) {
        String value = record.get(column);
        if (value.isEmpty()) {
            return null;
        }
        // The pattern only where it can match: matched on every cell, it took a third of the price load's time.
        if ((value.indexOf('e') >= 0 || value.indexOf('E') >= 0) && EXPONENT_NOTATION.matcher(value).matches()) {
            throw new RejectedRowException(column, value, "number-format", column + " '" + value
                    + "' uses exponent notation: write the plain number");
        }
        BigDecimal number;
        try {
            // Normalised so that 650.00 and 650.0 are the same value (duplicate detection, restart).
            number = new BigDecimal(value).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new RejectedRowException(column, value, "number-format", column + " '" + value + "' " + whyNotANumber(value));
        }
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS || number.scale() > MAX_DECIMALS) {
            throw new RejectedRowException(column, value, "number-size", column + " '" + value + "' has more than "
                    + MAX_INTEGER_DIGITS + " digits before or " + MAX_DECIMALS + " after the decimal point");
        }
        return number;
    }

    public BigDecimal positiveDecimal(String column) {
        return requirePositive(column, decimal(column));
    }

    public BigDecimal optionalPositiveDecimal(String column) {
        BigDecimal value = optionalDecimal(column);
        return value == null ? null : requirePositive(column, value);
    }

    public BigDecimal optionalNonNegativeDecimal(String column) {
        BigDecimal value = optionalDecimal(column);
        if (value != null && value.signum() < 0) {
            throw new RejectedRowException(column, record.get(column), "non-negative", column + " must not be negative");
        }
        return value;
    }

    public long positiveWholeNumber(String column) {
        text(column);
        return optionalPositiveWholeNumber(column);
    }

    public Long optionalPositiveWholeNumber(String column) {
        BigDecimal value = optionalPositiveDecimal(column);
        if (value == null) {
            return null;
        }
        return wholeNumber(column, value, "a whole number of shares");
    }

    public Long optionalNonNegativeWholeNumber(String column) {
        BigDecimal value = optionalNonNegativeDecimal(column);
        if (value == null) {
            return null;
        }
        return wholeNumber(column, value, "a whole number");
    }

    private long wholeNumber(String column, BigDecimal value, String what) {
        if (value.scale() > 0) {
            throw new RejectedRowException(column, record.get(column), "whole-number",
                    column + " '" + record.get(column) + "' must be " + what);
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new RejectedRowException(column, record.get(column), "number-size",
                    column + " '" + record.get(column) + "' is too large");
        }
    }

    public Currency currency(String column) {
        String value = text(column);
        if (value.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(value);
            } catch (IllegalArgumentException ignored) {
                // falls through to the reject below
            }
        }
        throw new RejectedRowException(column, value, "currency",
                column + " '" + value + "' is not an ISO 4217 currency code such as CNY or HKD");
    }

    public RejectedRowException reject(String column, String rule, String reason) {
        return new RejectedRowException(column, record.get(column), rule, reason);
    }

    private BigDecimal requirePositive(String column, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new RejectedRowException(column, record.get(column), "positive", column + " must be greater than 0");
        }
        return value;
    }

    private static String whyNotANumber(String value) {
        if (value.contains("%")) {
            return "has a percent sign: write a plain number";
        }
        if (value.matches("[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?")) {
            return "has thousands separators: write it without them, e.g. " + value.replace(",", "");
        }
        if (value.matches(".*[0-9].*[万萬亿億kKmMbB].*")) {
            return "has a unit suffix: write the full number, e.g. 1.5億 as 150000000";
        }
        if (value.matches("[-+]?[0-9]+,[0-9]+")) {
            return "uses a decimal comma: write a dot";
        }
        return "is not a plain decimal number";
    }
}
