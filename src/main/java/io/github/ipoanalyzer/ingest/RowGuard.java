package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;

import java.util.List;

/**
 * One row per key within a step (see {@link DuplicateGuard}): a later row of a key already loaded
 * is merged with it by {@link Observations}. Seeded before the step with what is committed, so
 * that a restarted step judges the remaining rows exactly as an uninterrupted one would.
 */
public interface RowGuard<T> {

    /**
     * No rule within the step: every valid row is loaded, and the duplicates are settled once the
     * step has loaded them all (prices, whose files are loaded at once: {@link PriceDuplicates}).
     */
    static <T> RowGuard<T> afterTheLoad() {
        return new RowGuard<>() {
            @Override
            public void seed() {
            }

            @Override
            public Sourced<T> admit(Sourced<T> row) {
                return row;
            }
        };
    }

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

    /**
     * {@code earlier} is loaded no more: {@code by}, of the same key, says the same and more; or,
     * where {@code reject} is given, a later row showed it wrong (a table that does not add up to
     * its total), and it is rejected with that reason.
     */
    record Replacement<T>(Sourced<T> earlier, Sourced<T> by, String key, String keyDescription,
                          RejectedRowException reject) {

        public Replacement(Sourced<T> earlier, Sourced<T> by, String key, String keyDescription) {
            this(earlier, by, key, keyDescription, null);
        }

        /** A row withdrawn for {@code reject}. */
        public static <T> Replacement<T> withdrawn(Sourced<T> earlier, RejectedRowException reject) {
            return new Replacement<>(earlier, null, null, null, reject);
        }

        /** The earlier row's record: a repeat of {@code by}, or the reject it was withdrawn for. */
        public RejectedRowException asReject() {
            return reject != null ? reject : Observations.replacedBy(by, key, keyDescription);
        }
    }
}
