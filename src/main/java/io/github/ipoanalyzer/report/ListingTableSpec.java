package io.github.ipoanalyzer.report;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A per-listing report table before it is written: a listing's rows are rendered from it
 * anywhere (a partition on another thread or machine), then appended in listing order to the
 * table {@link #open}ed in the report folder.
 */
interface ListingTableSpec {

    /** A listing's rows; a series leaves out its months before {@code fromMonth} (if any), taken over unchanged. */
    ListingRows blankRows(Optional<YearMonth> fromMonth);

    ListingTable open(Path folder);
}
