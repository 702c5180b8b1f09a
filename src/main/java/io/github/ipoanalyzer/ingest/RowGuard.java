package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;

import java.util.List;

/**
 * One row per key within a step (see {@link DuplicateGuard} and {@link PriceDateGuard}): a later
 * row of a key already loaded is merged with it by {@link Observations}. Seeded before the step
 * with what is committed, so that a restarted step judges the remaining rows exactly as an
 * uninterrupted one would.
 */
public interface RowGuard<T> {

    void seed();

    /**
     * The row to load: the row itself, or one that replaces the earlier row of its key (see
     * {@link #takeReplacements}); or throws the repeat or conflict reject that names the earlier line.
     */
    Sourced<T> admit(Sourced<T> row);

    /** The rows replaced by a fuller row since the last call: the chunk's writer removes them. */
    default List<Replacement<T>> takeReplacements() {
        return List.of();
    }

    /** The chunk of rows admitted so far is committed. */
    default void committed() {
    }

    /** {@code earlier} is loaded no more: {@code by}, of the same key, says the same and more. */
    record Replacement<T>(Sourced<T> earlier, Sourced<T> by, String key, String keyDescription) {

        /** The earlier row's record as a repeat of {@code by}. */
        public RejectedRowException asRepeat() {
            return Observations.replacedBy(by, key, keyDescription);
        }
    }
}
