package io.github.ipoanalyzer.report;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Which months of the per-close series a run takes over from an earlier report, and why;
 * decided once per run when its partitions are made ({@link SeriesCarryPolicy}).
 * {@code takeOver}: from which report folder the months before which month are taken over
 * (empty: every month is computed). {@code changed}: a file of that report found not to be
 * what its manifest lists, and from which month on that makes the run compute every month.
 */
public record SeriesCarry(Optional<SeriesTakeOver> takeOver, String reason, Optional<String> changed) {

    public static SeriesCarry none(String reason) {
        return new SeriesCarry(Optional.empty(), reason, Optional.empty());
    }

    /** The first month whose series rows are computed; empty when all are. */
    public Optional<YearMonth> fromMonth() {
        return takeOver.map(SeriesTakeOver::fromMonth);
    }
}
