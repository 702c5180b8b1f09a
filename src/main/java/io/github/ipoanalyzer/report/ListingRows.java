package io.github.ipoanalyzer.report;

/** One listing's rows of one table, filled by the row builders, then {@link #rendered()} for the table. */
interface ListingRows extends RowSink {

    RenderedRows rendered();
}
