package io.github.ipoanalyzer.report;

import java.util.List;

/** Where the report's row builders put rows: a {@link CsvTable}, or rows rendered for one later. */
public interface RowSink {
    void add(List<String> cells);

    /**
     * False for a row dated {@code date} that this sink leaves out (a month of a series taken
     * over from the report before): a builder need not render it.
     */
    default boolean keeps(java.time.LocalDate date) {
        return true;
    }
}
