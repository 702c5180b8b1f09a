package io.github.ipoanalyzer.report;

import java.nio.file.Path;
import java.time.YearMonth;

/** The months of the series before {@code fromMonth} are taken over from the report in {@code previousFolder}. */
public record SeriesTakeOver(Path previousFolder, YearMonth fromMonth) {
}
