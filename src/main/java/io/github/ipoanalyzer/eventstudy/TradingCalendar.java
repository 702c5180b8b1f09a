package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.Event;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The trading days of one market as its data shows them (every date with a price of one of its
 * listings or a level of its benchmark), never a hard-coded holiday list. Event days count in
 * these days: with sparse data, "day +1" is the next date the data has.
 */
public record TradingCalendar(List<LocalDate> days) {

    public static TradingCalendar of(Collection<LocalDate> dates) {
        return new TradingCalendar(List.copyOf(new TreeSet<>(dates)));
    }

    /** Index of {@code date}, or empty when it is not a trading day in the data. */
    public Optional<Integer> indexOf(LocalDate date) {
        int i = java.util.Collections.binarySearch(days, date);
        return i >= 0 ? Optional.of(i) : Optional.empty();
    }

    /** The first trading day on or after {@code date}: how an event on a holiday moves. */
    public Optional<Integer> onOrAfter(LocalDate date) {
        int i = java.util.Collections.binarySearch(days, date);
        int index = i >= 0 ? i : -i - 1;
        return index < days.size() ? Optional.of(index) : Optional.empty();
    }

    public LocalDate day(int index) {
        return days.get(index);
    }

    public int size() {
        return days.size();
    }
}
