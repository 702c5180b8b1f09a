package io.github.ipoanalyzer.store;

import java.util.List;

/** Where the validated rows of one input kind are written, in the caller's transaction. */
@FunctionalInterface
public interface RowStore<T> {

    void write(List<? extends Sourced<T>> rows);
}
