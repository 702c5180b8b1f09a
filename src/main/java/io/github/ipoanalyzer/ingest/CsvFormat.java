package io.github.ipoanalyzer.ingest;

import java.util.List;
import java.util.stream.Stream;

/**
 * The columns of one input format: required ones must be in the header; optional ones may be
 * left out. {@code sources} are the data sources' exports also read as this format (prices).
 */
public record CsvFormat(List<String> required, List<String> optional, List<? extends Export> sources) {

    public CsvFormat(List<String> required, List<String> optional) {
        this(required, optional, List.of());
    }

    public boolean knows(String column) {
        return required.contains(column) || optional.contains(column);
    }

    public List<String> all() {
        return Stream.concat(required.stream(), optional.stream()).toList();
    }
}
