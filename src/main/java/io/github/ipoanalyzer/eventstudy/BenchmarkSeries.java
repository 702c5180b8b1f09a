package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Levels of one benchmark index by date, and one-day returns stated where a level is not
 * public (e.g. "STAR 50 +2.5% on the day"), used for the listing day only. A level missing on a
 * day is the latest earlier level carried forward, and the return says so.
 */
public final class BenchmarkSeries {

    private final String index;
    private final NavigableMap<LocalDate, BigDecimal> levels;
    private final Map<LocalDate, BigDecimal> statedReturns;

    public BenchmarkSeries(String index, Map<LocalDate, BigDecimal> levels, Map<LocalDate, BigDecimal> statedReturns) {
        this.index = index;
        this.levels = new TreeMap<>(levels);
        this.statedReturns = Map.copyOf(statedReturns);
    }

    public String index() {
        return index;
    }

    /** A benchmark return with how it was measured; {@code value} null when unknown. */
    public record Return(BigDecimal value, String note) {
        static Return unknown(String why) {
            return new Return(null, why);
        }
    }

    /**
     * Return from the close in force on {@code from} to the close in force on {@code to}, from
     * levels only (a stated one-day return cannot span an interval of unknown length). With no
     * level on {@code to}, the earlier level is carried forward and the note says so.
     */
    public Return between(LocalDate from, LocalDate to) {
        Map.Entry<LocalDate, BigDecimal> start = levels.floorEntry(from);
        Map.Entry<LocalDate, BigDecimal> end = levels.floorEntry(to);
        if (start == null || end == null) {
            return Return.unknown("no " + index + " level on or before " + (start == null ? from : to));
        }
        String note = end.getKey().equals(to) ? null : index + " level of " + end.getKey() + " carried forward to " + to;
        return new Return(Rounding.change(end.getValue(), start.getValue()), note);
    }

    /**
     * The return on the listing day, measured from the last close before it: from levels where
     * both are known, else the return stated for that one day.
     */
    public Return onListingDay(LocalDate listingDay) {
        Map.Entry<LocalDate, BigDecimal> before = levels.lowerEntry(listingDay);
        if (before != null && levels.containsKey(listingDay)) {
            return between(before.getKey(), listingDay);
        }
        if (statedReturns.containsKey(listingDay)) {
            return new Return(statedReturns.get(listingDay), index + " one-day return on " + listingDay + " as stated");
        }
        return before == null ? Return.unknown("no " + index + " level before " + listingDay)
                : between(before.getKey(), listingDay);
    }
}
