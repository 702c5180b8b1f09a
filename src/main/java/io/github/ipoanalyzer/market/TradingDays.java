package io.github.ipoanalyzer.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scheduled sessions of each exchange, from its published holidays (calendars.csv): a
 * calendar covers the whole years it lists closures in; there, every weekday that is not a
 * holiday is a trading day and nothing else is. Outside its years (or for an exchange without
 * a calendar) it says nothing, and callers fall back on the dates the data has.
 */
public final class TradingDays {

    public static final TradingDays NONE = new TradingDays(List.of());

    private final Map<String, Set<LocalDate>> holidays = new HashMap<>();
    private final Map<String, int[]> years = new HashMap<>();
    /** Each exchange's holidays that fall on a weekday, as epoch days in order: what a count of sessions takes out. */
    private final Map<String, long[]> weekdayHolidays = new HashMap<>();

    public TradingDays(Collection<ExchangeHoliday> closures) {
        for (ExchangeHoliday h : closures) {
            holidays.computeIfAbsent(h.exchange(), e -> new HashSet<>()).add(h.date());
            int[] span = years.computeIfAbsent(h.exchange(), e -> new int[] {h.date().getYear(), h.date().getYear()});
            span[0] = Math.min(span[0], h.date().getYear());
            span[1] = Math.max(span[1], h.date().getYear());
        }
        holidays.forEach((exchange, days) -> weekdayHolidays.put(exchange, days.stream().filter(TradingDays::isWeekday)
                .mapToLong(LocalDate::toEpochDay).sorted().toArray()));
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The weekdays after {@code from} up to and including {@code to} (none when {@code to} is not after it). */
    public static int weekdaysAfter(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        if (days <= 0) {
            return 0;
        }
        // Every whole week holds five; then the few days left, one by one.
        int count = (int) (days / 7 * 5);
        for (LocalDate d = from.plusDays(days / 7 * 7 + 1); !d.isAfter(to); d = d.plusDays(1)) {
            count += isWeekday(d) ? 1 : 0;
        }
        return count;
    }

    /**
     * The exchange's holidays on a weekday after {@code from} up to and including {@code to}: the
     * weekdays of those days that are not sessions (a calendar's holidays all lie in the years it covers).
     */
    public int weekdayHolidaysAfter(String exchange, LocalDate from, LocalDate to) {
        long[] days = weekdayHolidays.get(exchange);
        if (days == null || !to.isAfter(from)) {
            return 0;
        }
        return firstAfter(days, to.toEpochDay()) - firstAfter(days, from.toEpochDay());
    }

    /** The index of the first of {@code sorted} after {@code day}. */
    private static int firstAfter(long[] sorted, long day) {
        int found = Arrays.binarySearch(sorted, day);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The exchanges that have a calendar. */
    public Set<String> exchanges() {
        return Set.copyOf(years.keySet());
    }

    /** True when the exchange has a calendar for the year of {@code date}. */
    public boolean covers(String exchange, LocalDate date) {
        int[] span = years.get(exchange);
        return span != null && date.getYear() >= span[0] && date.getYear() <= span[1];
    }

    /** The last day the exchange's calendar covers, if it has one. */
    public Optional<LocalDate> lastCovered(String exchange) {
        int[] span = years.get(exchange);
        return span == null ? Optional.empty() : Optional.of(LocalDate.of(span[1], 12, 31));
    }

    /** The first day the exchange's calendar covers, if it has one. */
    public Optional<LocalDate> firstCovered(String exchange) {
        int[] span = years.get(exchange);
        return span == null ? Optional.empty() : Optional.of(LocalDate.of(span[0], 1, 1));
    }

    /** Why {@code date} is not a session of a covered exchange ("a Sunday", "a holiday"), or empty when it is one or not covered. */
    public Optional<String> closedBecause(String exchange, LocalDate date) {
        if (!covers(exchange, date)) {
            return Optional.empty();
        }
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return Optional.of("a " + day.toString().charAt(0) + day.toString().substring(1).toLowerCase());
        }
        return holidays.get(exchange).contains(date) ? Optional.of("a holiday") : Optional.empty();
    }

    /**
     * An exchange's trading days over the span of its data: the calendar's sessions where it
     * covers them, the dates of the data elsewhere (before its first year, after its last).
     */
    public Set<LocalDate> tradingDaysOver(String exchange, Collection<LocalDate> dataDates) {
        Set<LocalDate> days = new HashSet<>();
        if (dataDates.isEmpty()) {
            return days;
        }
        LocalDate first = dataDates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = dataDates.stream().max(LocalDate::compareTo).orElseThrow();
        dataDates.stream().filter(d -> !covers(exchange, d)).forEach(days::add);
        days.addAll(sessions(exchange, first, last));
        return days;
    }

    /**
     * What a reader should know of the day counts of an exchange whose data spans {@code first}
     * to {@code last}: no calendar, or data past the calendar's years; empty when it covers them.
     */
    public Optional<String> caveat(String exchange, LocalDate first, LocalDate last) {
        if (!years.containsKey(exchange)) {
            return Optional.of(exchange + ": no trading calendar in calendars.csv; day counts use the dates in the data");
        }
        LocalDate from = firstCovered(exchange).orElseThrow();
        LocalDate to = lastCovered(exchange).orElseThrow();
        if (last.isAfter(to) || first.isBefore(from)) {
            return Optional.of(exchange + ": calendars.csv covers " + from.getYear() + " to " + to.getYear()
                    + "; day counts outside those years use the dates in the data");
        }
        return Optional.empty();
    }

    /** The exchange's sessions from {@code from} to {@code to}, both included, where its calendar covers them. */
    public List<LocalDate> sessions(String exchange, LocalDate from, LocalDate to) {
        List<LocalDate> sessions = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (covers(exchange, d) && closedBecause(exchange, d).isEmpty()) {
                sessions.add(d);
            }
        }
        return sessions;
    }
}
