package io.github.ipoanalyzer.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers the rows loaded under each key within one step so that a second row with the same
 * key is rejected, naming the line it repeats. An identical repeat is counted once (the first
 * is kept); a conflicting one is rejected as a conflict that names the earlier row, which the
 * job then rejects too (see ConflictingRows). After a restart the guard is seeded with the rows
 * already committed.
 */
public final class DuplicateGuard<T> {

    private final Function<T, Object> key;
    private final String keyDescription;
    private final Map<Object, Sourced<T>> seen = new HashMap<>();

    public DuplicateGuard(Function<T, Object> key, String keyDescription) {
        this.key = key;
        this.keyDescription = keyDescription;
    }

    public void seed(Iterable<Sourced<T>> committed) {
        seen.clear();
        committed.forEach(this::remember);
    }

    /** Accepts the row or throws the reject that names the earlier line. */
    public Sourced<T> admit(Sourced<T> row) {
        Sourced<T> earlier = seen.get(key.apply(row.row()));
        if (earlier == null) {
            remember(row);
            return row;
        }
        String where = "line " + earlier.line() + " of " + earlier.file();
        if (earlier.row().equals(row.row())) {
            throw new RejectedRowException(keyDescription, String.valueOf(key.apply(row.row())), "duplicate",
                    "repeats " + where + " exactly; the row is counted once", earlier.file(), earlier.line());
        }
        throw new RejectedRowException(keyDescription, String.valueOf(key.apply(row.row())), "conflict",
                "same " + keyDescription + " as " + where + " but different values; both rows are rejected",
                earlier.file(), earlier.line());
    }

    private void remember(Sourced<T> row) {
        seen.put(key.apply(row.row()), row);
    }
}
