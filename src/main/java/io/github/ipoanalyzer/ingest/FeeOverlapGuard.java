package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.fees.FeeRule;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;
import io.github.ipoanalyzer.store.Sourced;

import java.util.ArrayList;
import java.util.List;

/**
 * Two rows of one charge (market, side and charge, the name in any case or spacing) whose dates
 * overlap would give two rates for one day, or charge it twice: the later row is rejected as a
 * conflict naming the earlier, which the conflict step then rejects too. A row with the same
 * terms (however the name is spelled, whatever its note) is a repeat, not loaded. Seeded with the
 * rows already committed.
 */
final class FeeOverlapGuard implements RowGuard<FeeRule> {

    private final MarketDataStore store;
    private final List<Sourced<FeeRule>> admitted = new ArrayList<>();

    FeeOverlapGuard(MarketDataStore store) {
        this.store = store;
    }

    @Override
    public void seed() {
        admitted.clear();
        admitted.addAll(store.loadAll(MarketTables.FEE_RULE));
    }

    @Override
    public Sourced<FeeRule> admit(Sourced<FeeRule> row) {
        FeeRule r = row.row();
        for (Sourced<FeeRule> earlier : admitted) {
            FeeRule e = earlier.row();
            if (e.sameChargeAs(r) && e.overlaps(r)) {
                String key = r.market() + " " + r.side().label() + " " + r.charge();
                if (e.sameTermsAs(r)) {
                    String how = e.equals(r) ? " exactly" : " (" + e.charge() + ") with the same rate, limits, rounding, "
                            + "dates and currency";
                    throw new RejectedRowException("charge", key, RejectedRowException.REPEAT, "repeats line "
                            + earlier.line() + " of " + earlier.file() + how + "; counted as a repeat, not loaded",
                            earlier.file(), earlier.line());
                }
                String spelled = e.charge().equals(r.charge()) ? "" : " (spelled " + e.charge() + " there)";
                // Said of both rows alike: the conflict step gives the earlier row the same reason.
                throw new RejectedRowException("charge", key, "conflict", "the dates of " + key + " at line "
                        + earlier.line() + " of " + earlier.file() + spelled + " and at line " + row.line() + " of "
                        + row.file() + " overlap: two rates for one day; both rows are rejected", earlier.file(),
                        earlier.line(), e.market() + " " + e.side().label() + " " + e.charge());
            }
        }
        admitted.add(row);
        return row;
    }
}
