package io.github.ipoanalyzer.ingest;

import java.util.List;

/**
 * One data line of an input CSV as read, before any validation: the file (relative to the
 * input folder), the line it starts on, the header and the raw values in file order, and, for a
 * data source's export, how its columns map to the project's (null for the project's own format).
 */
public record CsvRecord(String file, long line, List<String> header, List<String> values, Export.Translation reading) {

    /** The header of a record that stands for the unreadable rest of a file; its one value says why. */
    private static final List<String> UNREADABLE = List.of("(unreadable)");

    public CsvRecord(String file, long line, List<String> header, List<String> values) {
        this(file, line, header, values, null);
    }

    /** The rest of {@code file} from {@code line}, which cannot be read as rows: rejected with {@code reason}. */
    static CsvRecord unreadable(String file, long line, String reason) {
        return new CsvRecord(file, line, UNREADABLE, List.of(reason));
    }

    /** Why the rest of the file cannot be read, for the record {@link #unreadable} made. */
    public java.util.Optional<String> unreadable() {
        return header == UNREADABLE ? java.util.Optional.of(values.get(0)) : java.util.Optional.empty();
    }

    /** The raw value under {@code column}, trimmed; empty when the line is too short. */
    public String get(String column) {
        int index = header.indexOf(column);
        return index < 0 || index >= values.size() ? "" : values.get(index).trim();
    }

    /** The row in the project's own columns: itself, or a source's row translated (or rejected). */
    CsvRecord inProjectColumns() {
        return reading == null ? this : reading.translate(this);
    }
}
