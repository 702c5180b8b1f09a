package io.github.ipoanalyzer.report;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** A per-close series (see {@link SeriesTable}): its name, description, header and the column of its dates. */
record SeriesSpec(String name, String description, List<String> header, String dateColumn) implements ListingTableSpec {

    @Override
    public ListingRows blankRows(Optional<YearMonth> fromMonth) {
        return new SeriesTable.MonthRows(name, header.size(), header.indexOf(dateColumn), fromMonth);
    }

    @Override
    public SeriesTable open(Path folder) {
        return new SeriesTable(folder, name, description, header, dateColumn);
    }
}
