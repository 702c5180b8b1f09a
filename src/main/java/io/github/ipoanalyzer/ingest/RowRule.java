package io.github.ipoanalyzer.ingest;

/**
 * The rule of one input kind: one row's values in, its record out, or a
 * {@link RejectedRowException} that says why not. Plain: it knows nothing of Spring Batch.
 */
@FunctionalInterface
public interface RowRule<T> {

    T apply(RowValues values, ListingLookup listings);
}
