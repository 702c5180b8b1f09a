package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputFileException;
import io.github.ipoanalyzer.store.MarketDataStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file whose rejected rows exceed the allowed fraction of its rows loaded or rejected (repeats
 * and rows set aside are neither) stops the run, so that a wholly wrong file gives an error
 * instead of an empty report. At least one rejected row per
 * file is always allowed, so a single bad line in a small file is reported, not fatal.
 */
public final class RejectLimit {

    private RejectLimit() {
    }

    /** Each file over the limit, with a line saying its counts; empty when every file is within it. */
    public static Map<String, String> filesOverLimit(Map<String, MarketDataStore.FileCounts> counts,
                                                     BigDecimal maxFraction) {
        Map<String, String> over = new LinkedHashMap<>();
        counts.forEach((file, c) -> {
            // A fraction of the rows judged: repeats and rows set aside neither count nor raise the allowance.
            long judged = c.loaded() + c.rejected();
            long allowed = Math.max(1, BigDecimal.valueOf(judged).multiply(maxFraction)
                    .setScale(0, RoundingMode.FLOOR).longValueExact());
            if (c.rejected() > allowed) {
                over.put(file, file + ": " + c.rejected() + " of " + judged + " rows rejected (at most " + allowed + " allowed)");
            }
        });
        return over;
    }

    /** The failure of a run stopped by the limit; {@code rejects} is where a person can read every rejected row. */
    public static Exceeded failure(Map<String, String> over, Path rejects) {
        return new Exceeded(List.copyOf(over.keySet()), "Too many rejected rows: " + String.join("; ", over.values())
                + ". Every rejected row, with its line and reason, is in " + rejects
                + "; fix the file, or raise --max-reject-fraction.");
    }

    /** A run stopped by the limit, naming the files over it (input paths, as the ledger records them). */
    public static final class Exceeded extends InputFileException {

        private final List<String> files;

        Exceeded(List<String> files, String message) {
            super(message);
            this.files = List.copyOf(files);
        }

        public List<String> files() {
            return files;
        }
    }
}
