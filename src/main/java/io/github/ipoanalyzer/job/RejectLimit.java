package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputFileException;
import io.github.ipoanalyzer.store.MarketDataStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A file whose rejected rows exceed the allowed fraction of its rows stops the run, so that a
 * wholly wrong file gives an error instead of an empty report. At least one rejected row per
 * file is always allowed, so a single bad line in a small file is reported, not fatal.
 */
public final class RejectLimit {

    private RejectLimit() {
    }

    public static void check(Map<String, MarketDataStore.FileCounts> counts, BigDecimal maxFraction) {
        List<String> over = new ArrayList<>();
        counts.forEach((file, c) -> {
            long allowed = Math.max(1, BigDecimal.valueOf(c.read()).multiply(maxFraction)
                    .setScale(0, RoundingMode.FLOOR).longValueExact());
            if (c.rejected() > allowed) {
                over.add(file + ": " + c.rejected() + " of " + c.read() + " rows rejected (at most " + allowed + " allowed)");
            }
        });
        if (!over.isEmpty()) {
            throw new InputFileException("Too many rejected rows: " + String.join("; ", over)
                    + ". See rejects in the log or fix the file; --max-reject-fraction sets the limit.");
        }
    }
}
