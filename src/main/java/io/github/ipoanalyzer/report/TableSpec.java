package io.github.ipoanalyzer.report;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** A plain per-listing CSV: its file name, its description and its header. */
record TableSpec(String fileName, String description, List<String> header) implements ListingTableSpec {

    @Override
    public ListingRows blankRows(Optional<YearMonth> fromMonth) {
        return CsvTable.Rows.of(fileName, header.size());
    }

    @Override
    public CsvTable open(Path folder) {
        return new CsvTable(folder, fileName, description, header);
    }
}
