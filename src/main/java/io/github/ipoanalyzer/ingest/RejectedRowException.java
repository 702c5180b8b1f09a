package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.MarketDataStore;

/** One input row broke a rule; it goes to the rejects with the column, raw value, rule and a reason. */
public class RejectedRowException extends RuntimeException {

    /**
     * The rule of a row that says nothing its key's loaded row does not: it is not loaded and is
     * counted as a repeat, apart from the rejects (see {@link Observations}).
     */
    public static final String REPEAT = "repeat";

    private final String column;
    private final String rawValue;
    private final String rule;
    private final String otherFile;
    private final long otherLine;
    private final String otherValue;

    public RejectedRowException(String column, String rawValue, String rule, String reason) {
        this(column, rawValue, rule, reason, null, 0);
    }

    /** A reject that names another row: the one it repeats. */
    public RejectedRowException(String column, String rawValue, String rule, String reason, String otherFile,
                                long otherLine) {
        this(column, rawValue, rule, reason, otherFile, otherLine, null);
    }

    /**
     * A reject that names the row it conflicts with, and that row's value of the column: the
     * other row is rejected in turn (once loaded, perhaps in an earlier chunk) with its own value.
     */
    public RejectedRowException(String column, String rawValue, String rule, String reason, String otherFile,
                                long otherLine, String otherValue) {
        super(reason);
        this.column = column;
        this.rawValue = rawValue;
        this.rule = rule;
        this.otherFile = otherFile;
        this.otherLine = otherLine;
        this.otherValue = otherValue;
    }

    public String otherFile() {
        return otherFile;
    }

    public long otherLine() {
        return otherLine;
    }

    public String column() {
        return column;
    }

    public String rawValue() {
        return rawValue;
    }

    public String rule() {
        return rule;
    }

    public String reason() {
        return getMessage();
    }

    /**
     * This reject as the store records it, for {@code row}: a source's row names the column and the
     * value as the file has them (vol 1000, not volume 100000).
     */
    public MarketDataStore.RejectedRow at(CsvRecord row) {
        java.util.Optional<String[]> cell = row.reading() == null ? java.util.Optional.empty()
                : row.reading().cellInFile(column, row);
        return new MarketDataStore.RejectedRow(row.file(), row.line(), cell.map(c -> c[0]).orElse(column),
                cell.map(c -> c[1]).orElse(rawValue), rule, getMessage(), otherFile, otherLine, otherValue);
    }

    /** This reject as the store records it, for the row at {@code line} of {@code file}. */
    public MarketDataStore.RejectedRow at(String file, long line) {
        return new MarketDataStore.RejectedRow(file, line, column, rawValue, rule, getMessage(), otherFile, otherLine,
                otherValue);
    }
}
