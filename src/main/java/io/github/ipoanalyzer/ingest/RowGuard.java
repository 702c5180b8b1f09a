package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;
/**
 * Rejects a row whose key was already loaded in this step (see {@link DuplicateGuard} and
 * {@link PriceDateGuard}). Seeded before the step with what is committed, so that a restarted
 * step judges the remaining rows exactly as an uninterrupted one would.
 */
public interface RowGuard<T> {

    void seed();

    /** Accepts the row or throws the duplicate or conflict reject that names the earlier line. */
    Sourced<T> admit(Sourced<T> row);

    /** The chunk of rows admitted so far is committed. */
    default void committed() {
    }
}
