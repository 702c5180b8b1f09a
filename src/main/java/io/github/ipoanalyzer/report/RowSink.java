package io.github.ipoanalyzer.report;

import java.util.List;

/** Where the report's row builders put rows: a {@link CsvTable}, or rows rendered for one later. */
public interface RowSink {
    void add(List<String> cells);
}
