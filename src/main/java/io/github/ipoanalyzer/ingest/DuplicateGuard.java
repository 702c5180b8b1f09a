package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Remembers the rows loaded under each key within one step so that a second row with the same
 * key is rejected, naming the line it repeats. An identical repeat is counted once (the first
 * is kept); a conflicting one is rejected as a conflict that names the earlier row, which the
 * job then rejects too (see MarketDataStore.rejectConflictingRows). After a restart the guard is
 * seeded with the rows already committed. Holds every row in memory: for the small input kinds.
 */
public final class DuplicateGuard<T> implements RowGuard<T> {

    private final Function<T, Object> key;
    private final String keyDescription;
    private final Supplier<? extends Iterable<Sourced<T>>> committed;
    private final Map<Object, Sourced<T>> seen = new HashMap<>();

    public DuplicateGuard(Function<T, Object> key, String keyDescription,
                          Supplier<? extends Iterable<Sourced<T>>> committed) {
        this.key = key;
        this.keyDescription = keyDescription;
        this.committed = committed;
    }

    @Override
    public void seed() {
        seen.clear();
        committed.get().forEach(this::remember);
    }

    @Override
    public Sourced<T> admit(Sourced<T> row) {
        Sourced<T> earlier = seen.get(key.apply(row.row()));
        if (earlier == null) {
            remember(row);
            return row;
        }
        throw repeated(earlier, row, String.valueOf(key.apply(row.row())), keyDescription);
    }

    /** The reject of a row whose key an earlier row has: a duplicate when equal, else a conflict. */
    static <T> RejectedRowException repeated(Sourced<T> earlier, Sourced<T> row, String key, String keyDescription) {
        String where = "line " + earlier.line() + " of " + earlier.file();
        if (earlier.row().equals(row.row())) {
            return new RejectedRowException(keyDescription, key, "duplicate",
                    "repeats " + where + " exactly; the row is counted once", earlier.file(), earlier.line());
        }
        return new RejectedRowException(keyDescription, key, "conflict",
                "same " + keyDescription + " as " + where + " but different values; both rows are rejected",
                earlier.file(), earlier.line());
    }

    private void remember(Sourced<T> row) {
        seen.put(key.apply(row.row()), row);
    }
}
