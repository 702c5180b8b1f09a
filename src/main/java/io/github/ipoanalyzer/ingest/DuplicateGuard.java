package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Remembers the row loaded under each key within one step, so that a later row of the same key
 * is merged with it by {@link Observations}: a repeat, a fuller row that replaces it, or a
 * conflict, which names the earlier row (the job then rejects that one too, see
 * MarketDataStore.rejectConflictingRows). After a restart the guard is seeded with the rows
 * already committed. Holds every row in memory: for the small input kinds.
 */
public final class DuplicateGuard<T> implements RowGuard<T> {

    private final Function<T, Object> key;
    private final String keyDescription;
    private final Supplier<? extends Iterable<Sourced<T>>> committed;
    private final Map<Object, Sourced<T>> seen = new HashMap<>();
    private List<Replacement<T>> replaced = new ArrayList<>();

    public DuplicateGuard(Function<T, Object> key, String keyDescription,
                          Supplier<? extends Iterable<Sourced<T>>> committed) {
        this.key = key;
        this.keyDescription = keyDescription;
        this.committed = committed;
    }

    @Override
    public void seed() {
        seen.clear();
        replaced.clear();
        committed.get().forEach(r -> seen.put(key.apply(r.row()), r));
    }

    @Override
    public Sourced<T> admit(Sourced<T> row) {
        Object k = key.apply(row.row());
        Sourced<T> earlier = seen.get(k);
        if (earlier == null) {
            seen.put(k, row);
            return row;
        }
        Sourced<T> merged = Observations.merge(earlier, row, String.valueOf(k), keyDescription);
        replaced.add(new Replacement<>(earlier, merged, String.valueOf(k), keyDescription));
        seen.put(k, merged);
        return merged;
    }

    @Override
    public List<Replacement<T>> takeReplacements() {
        List<Replacement<T>> taken = replaced;
        replaced = new ArrayList<>();
        return taken;
    }
}
