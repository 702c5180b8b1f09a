package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.AllotmentBasisRow;
import io.github.ipoanalyzer.store.Sourced;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * One row per ticker, pool and size (a {@link DuplicateGuard}), and a totals row, written after the
 * rows it totals, checked against them: valid applications {@code Σ V}, successful applicants
 * ({@code V} of a row with guaranteed shares, else its winners) and shares allotted
 * {@code Σ (V·G + W·E)}, of its pool or of both ({@code all}, which also needs rows in pools A and
 * B). A table that does not add up is rejected whole: the totals row naming the total and both
 * figures, and every row of the ticker's table with it, so that no tier figure comes from it.
 */
final class AllotmentBasisGuard implements RowGuard<AllotmentBasisRow> {

    private final DuplicateGuard<AllotmentBasisRow> duplicates;
    private final Supplier<List<Sourced<AllotmentBasisRow>>> committed;
    private final List<Sourced<AllotmentBasisRow>> tiers = new ArrayList<>();
    private final Set<String> rejectedTables = new HashSet<>();
    private List<Replacement<AllotmentBasisRow>> withdrawn = new ArrayList<>();

    /** {@code committed}: the rows already loaded (a restarted step judges the rest as an uninterrupted one would). */
    AllotmentBasisGuard(Supplier<List<Sourced<AllotmentBasisRow>>> committed) {
        this.committed = committed;
        this.duplicates = new DuplicateGuard<>(AllotmentBasisGuard::key, "ticker, pool and shares applied for",
                committed);
    }

    static Object key(AllotmentBasisRow r) {
        return r.ticker() + " pool " + r.pool() + " " + (r.isTotal() ? "total" : r.sharesApplied());
    }

    @Override
    public void seed() {
        duplicates.seed();
        tiers.clear();
        rejectedTables.clear();
        withdrawn.clear();
        committed.get().forEach(r -> {
            if (!r.row().isTotal()) {
                tiers.add(r);
            }
        });
    }

    @Override
    public Sourced<AllotmentBasisRow> admit(Sourced<AllotmentBasisRow> row) {
        AllotmentBasisRow r = row.row();
        if (rejectedTables.contains(r.ticker())) {
            throw new RejectedRowException("ticker", r.ticker(), "table-total", "the table of " + r.ticker()
                    + " above does not add up to its total: none of its rows is loaded");
        }
        Sourced<AllotmentBasisRow> kept = duplicates.admit(row);
        if (!r.isTotal()) {
            tiers.removeIf(t -> key(t.row()).equals(key(r)));
            tiers.add(kept);
            return kept;
        }
        List<Sourced<AllotmentBasisRow>> ofTotal = tiers.stream().filter(t -> t.row().ticker().equals(r.ticker())
                && (r.pool().equals(AllotmentBasisRow.ALL_POOLS) || t.row().pool().equals(r.pool()))).toList();
        String table = r.ticker() + (r.pool().equals(AllotmentBasisRow.ALL_POOLS) ? "" : " pool " + r.pool());
        if (r.pool().equals(AllotmentBasisRow.ALL_POOLS)) {
            for (String pool : List.of("A", "B")) {
                if (ofTotal.stream().noneMatch(t -> t.row().pool().equals(pool))) {
                    throw rejectTable(r, "pool", r.pool(), "the table of " + r.ticker() + " has no row of pool " + pool
                            + " above its totals row: an announcement's table has both pools");
                }
            }
        }
        check(r, ofTotal, table, "valid_applications", "valid applications", r.validApplications(),
                AllotmentBasisRow::validApplications);
        check(r, ofTotal, table, "successful_applicants", "successful applicants", r.successfulApplicants(),
                AllotmentBasisRow::successfulOfRow);
        check(r, ofTotal, table, "shares_allotted", "shares allotted", r.sharesAllotted(),
                AllotmentBasisRow::sharesOfRow);
        return kept;
    }

    private void check(AllotmentBasisRow total, List<Sourced<AllotmentBasisRow>> rows, String table, String column,
                       String what, Long stated, ToLongFunction<AllotmentBasisRow> ofRow) {
        if (stated == null) {
            return;
        }
        long sum = rows.stream().mapToLong(t -> ofRow.applyAsLong(t.row())).sum();
        if (sum != stated) {
            throw rejectTable(total, column, String.valueOf(stated), "the table of " + table + " does not add up: its rows give "
                    + String.format(Locale.ROOT, "%,d", sum) + " " + what + ", its total says "
                    + String.format(Locale.ROOT, "%,d", stated) + "; none of the table's rows is loaded");
        }
    }

    /** The totals row's reject; every row of the ticker's table is withdrawn with the same reason. */
    private RejectedRowException rejectTable(AllotmentBasisRow total, String column, String raw, String reason) {
        rejectedTables.add(total.ticker());
        RejectedRowException reject = new RejectedRowException(column, raw, "table-total", reason);
        tiers.stream().filter(t -> t.row().ticker().equals(total.ticker()))
                .forEach(t -> withdrawn.add(Replacement.withdrawn(t, reject)));
        tiers.removeIf(t -> t.row().ticker().equals(total.ticker()));
        return reject;
    }

    @Override
    public List<Replacement<AllotmentBasisRow>> takeReplacements() {
        List<Replacement<AllotmentBasisRow>> taken = new ArrayList<>(duplicates.takeReplacements());
        taken.addAll(withdrawn);
        withdrawn = new ArrayList<>();
        return taken;
    }
}
