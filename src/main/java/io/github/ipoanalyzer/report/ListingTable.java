package io.github.ipoanalyzer.report;

import java.io.Closeable;

/**
 * A table the report fills listing by listing: a listing's rows are rendered anywhere (on a
 * worker thread) into {@link #rows()}, then appended in listing order, so the bytes are those
 * of a one-thread run.
 */
interface ListingTable extends Closeable {

    RowSink rows();

    void append(RowSink rendered);

    long rowCount();
}
