package io.github.ipoanalyzer.report;

import java.io.Closeable;

/**
 * A table the report fills listing by listing: a listing's rows are rendered anywhere (see
 * {@link ListingTableSpec}), then appended in listing order, so the bytes are those of a
 * one-thread run.
 */
interface ListingTable extends Closeable {

    void append(RenderedRows rendered);

    long rowCount();
}
