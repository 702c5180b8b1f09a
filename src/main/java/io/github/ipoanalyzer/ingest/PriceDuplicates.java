package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.store.MarketDataStore.RejectedRow;
import io.github.ipoanalyzer.store.PriceStore.StoredBlock;
import io.github.ipoanalyzer.store.Sourced;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The one-row-per-ticker-and-date rule of prices, applied to one ticker once the load has stored
 * every valid row it read. The load's partitions read their files at once, each without the
 * others' rows, so the rule cannot be applied while reading; here the rows of each repeated date
 * are merged by {@link Observations} in the order a one-thread load reads them: the row loaded
 * before this load first (there is at most one), then this load's rows by file name and line.
 * What the partitions ran in parallel, and in which order they committed, makes no difference:
 * the same rows are kept, the same repeats counted, the same fuller rows kept in their place, and
 * the same conflicts rejected with the same texts. A pure calculation: blocks in, changes out.
 */
public final class PriceDuplicates {

    static final String KEY = "ticker and date";
    private static final String CONFLICT = "conflict";

    private PriceDuplicates() {
    }

    /**
     * What settling one ticker changes: each block that changes, by id, with the rows it is
     * rewritten with (none: it is removed); and the records of the rows no longer loaded
     * (repeats, rows replaced by a fuller one, conflicts), date by date in the order read.
     */
    public record Settlement(Map<Long, List<Sourced<DailyPrice>>> rewritten, List<NotLoaded> records) {
    }

    /** A row no longer loaded, at {@code line} of {@code file}, and why. */
    public record NotLoaded(String file, long line, RejectedRowException reason) {

        /** Its record, naming the column and value in the project's terms (see {@link RejectedRowException#at(CsvRecord)}). */
        public RejectedRow recorded() {
            return reason.at(file, line);
        }

        /** A conflict names the value that differs, which a source's export writes in its own column and units. */
        public boolean namesACell() {
            return CONFLICT.equals(reason.rule());
        }
    }

    /**
     * {@code blocks}: every stored block of one ticker; {@code readNow}: whether a row was read by
     * this load (the others were loaded, and settled, before it); {@code repeated}: the dates more
     * than one of the rows give.
     */
    public static Settlement settle(List<StoredBlock> blocks, Predicate<Sourced<DailyPrice>> readNow,
                                    Set<LocalDate> repeated) {
        Map<LocalDate, List<Sourced<DailyPrice>>> observations = new TreeMap<>();
        for (StoredBlock block : blocks) {
            for (Sourced<DailyPrice> row : block.rows()) {
                if (repeated.contains(row.row().date())) {
                    observations.computeIfAbsent(row.row().date(), d -> new ArrayList<>()).add(row);
                }
            }
        }
        Comparator<Sourced<DailyPrice>> readOrder = Comparator.<Sourced<DailyPrice>, Boolean>comparing(readNow::test)
                .thenComparing(Sourced::file).thenComparingLong(Sourced::line);
        Map<Position, Sourced<DailyPrice>> kept = new HashMap<>();
        List<NotLoaded> records = new ArrayList<>();
        observations.values().forEach(rows -> {
            rows.sort(readOrder);
            Sourced<DailyPrice> day = merged(rows, records);
            kept.put(Position.of(day), day);
        });
        Map<Long, List<Sourced<DailyPrice>>> rewritten = new LinkedHashMap<>();
        for (StoredBlock block : blocks) {
            List<Sourced<DailyPrice>> after = new ArrayList<>();
            boolean changed = false;
            for (Sourced<DailyPrice> row : block.rows()) {
                if (!repeated.contains(row.row().date())) {
                    after.add(row);
                    continue;
                }
                Sourced<DailyPrice> keep = kept.get(Position.of(row));
                changed |= keep == null || !keep.row().equals(row.row());
                if (keep != null) {
                    after.add(keep);
                }
            }
            if (changed) {
                rewritten.put(block.id(), after);
            }
        }
        return new Settlement(rewritten, records);
    }

    /**
     * One date's rows, in the order read, merged as a one-thread load merges them: each row with
     * the row kept so far: a repeat, a fuller row that takes its place, or a conflict (the later
     * row rejected here, naming the kept one, which the job's conflict step rejects in turn).
     */
    private static Sourced<DailyPrice> merged(List<Sourced<DailyPrice>> rows, List<NotLoaded> records) {
        Sourced<DailyPrice> kept = rows.get(0);
        for (Sourced<DailyPrice> row : rows.subList(1, rows.size())) {
            String key = row.row().ticker() + " " + row.row().date();
            try {
                Sourced<DailyPrice> merged = Observations.merge(kept, row, key, KEY);
                records.add(new NotLoaded(kept.file(), kept.line(), Observations.replacedBy(merged, key, KEY)));
                kept = merged;
            } catch (RejectedRowException e) {
                records.add(new NotLoaded(row.file(), row.line(), e));
            }
        }
        return kept;
    }

    /** Where a row was read: a line of a file. */
    private record Position(String file, long line) {
        static Position of(Sourced<?> row) {
            return new Position(row.file(), row.line());
        }
    }
}
