package io.github.ipoanalyzer.ingest;

import java.util.List;

/**
 * One data line of an input CSV as read, before any validation: the file (relative to the
 * input folder), the line it starts on, the header and the raw values in file order.
 */
public record CsvRecord(String file, long line, List<String> header, List<String> values) {

    /** The raw value under {@code column}, trimmed; empty when the line is too short. */
    public String get(String column) {
        int index = header.indexOf(column);
        return index < 0 || index >= values.size() ? "" : values.get(index).trim();
    }
}
