package io.github.ipoanalyzer.ingest;

import java.util.List;
import java.util.stream.Stream;

/** The columns of one input format: required ones must be in the header; optional ones may be left out. */
public record CsvFormat(List<String> required, List<String> optional) {

    public boolean knows(String column) {
        return required.contains(column) || optional.contains(column);
    }

    public List<String> all() {
        return Stream.concat(required.stream(), optional.stream()).toList();
    }
}
