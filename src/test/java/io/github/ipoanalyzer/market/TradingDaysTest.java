package io.github.ipoanalyzer.market;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradingDaysTest {

    /** HKEX closures around Biren's listing, as calendars.csv ships them: Christmas 2025 and New Year 2026. */
    private final TradingDays hkex = new TradingDays(List.of(
            new ExchangeHoliday("HKEX", LocalDate.of(2025, 12, 25), null),
            new ExchangeHoliday("HKEX", LocalDate.of(2025, 12, 26), null),
            new ExchangeHoliday("HKEX", LocalDate.of(2026, 1, 1), null)));

    @Test
    void sessionsAreTheWeekdaysThatAreNotClosures() {
        // 2025-12-24 (Wed) to 2026-01-06 (Tue): without 25 and 26 Dec, the weekends and New Year's Day.
        assertEquals(List.of(d("2025-12-24"), d("2025-12-29"), d("2025-12-30"), d("2025-12-31"), d("2026-01-02"),
                d("2026-01-05"), d("2026-01-06")), hkex.sessions("HKEX", d("2025-12-24"), d("2026-01-06")));
        assertEquals("a holiday", hkex.closedBecause("HKEX", d("2026-01-01")).orElseThrow());
        assertEquals("a Saturday", hkex.closedBecause("HKEX", d("2026-01-03")).orElseThrow());
        assertTrue(hkex.closedBecause("HKEX", d("2027-01-01")).isEmpty(), "2027 is not covered: nothing said");
        assertTrue(hkex.closedBecause("SSE", d("2026-01-01")).isEmpty(), "no SSE calendar: nothing said");
    }

    @Test
    void theTradingDaysOfSparseDataAreTheSessionsOverItsSpanAndTheDataBeyondTheCalendar() {
        // Biren's listing day and a close a week later: day +1 is Monday 2026-01-05, not the next date with a price.
        Set<LocalDate> days = new TreeSet<>(hkex.tradingDaysOver("HKEX", List.of(d("2026-01-02"), d("2026-01-09"))));
        assertEquals(Set.of(d("2026-01-02"), d("2026-01-05"), d("2026-01-06"), d("2026-01-07"), d("2026-01-08"),
                d("2026-01-09")), days);
        // Past the calendar's last year the data's own dates count, and the caveat says so.
        Set<LocalDate> beyond = new TreeSet<>(hkex.tradingDaysOver("HKEX", List.of(d("2026-12-31"), d("2027-01-04"))));
        assertEquals(Set.of(d("2026-12-31"), d("2027-01-04")), beyond);
        assertEquals("HKEX: calendars.csv covers 2025 to 2026; day counts outside those years use the dates in the data",
                hkex.caveat("HKEX", d("2026-12-31"), d("2027-01-04")).orElseThrow());
        assertTrue(hkex.caveat("HKEX", d("2026-01-02"), d("2026-01-09")).isEmpty());
        assertEquals("SSE: no trading calendar in calendars.csv; day counts use the dates in the data",
                hkex.caveat("SSE", d("2026-01-02"), d("2026-01-09")).orElseThrow());
    }

    @Test
    void aCountOfSessionsIsTheWeekdaysLessTheHolidaysOnThem() {
        // By hand: after Wed 2025-12-24 up to Tue 2026-01-06 are 9 weekdays; 25 and 26 Dec and 1 Jan are holidays.
        assertEquals(9, TradingDays.weekdaysAfter(d("2025-12-24"), d("2026-01-06")));
        assertEquals(3, hkex.weekdayHolidaysAfter("HKEX", d("2025-12-24"), d("2026-01-06")));
        assertEquals(0, hkex.weekdayHolidaysAfter("HKEX", d("2025-12-25"), d("2025-12-25")), "nothing after a day up to itself");
        assertEquals(1, hkex.weekdayHolidaysAfter("HKEX", d("2025-12-25"), d("2025-12-26")), "the first day is not counted");
        assertEquals(0, TradingDays.weekdaysAfter(d("2026-01-06"), d("2025-12-24")));
        // Against a walk of every day: random calendars (holidays on any day, weekends among them) and spans
        // that start and end inside and outside their years.
        Random random = new Random(20261207);
        for (int round = 0; round < 300; round++) {
            List<ExchangeHoliday> closures = new ArrayList<>();
            LocalDate start = LocalDate.of(2018 + random.nextInt(4), 1, 1);
            for (int i = random.nextInt(40); i > 0; i--) {
                closures.add(new ExchangeHoliday("X", start.plusDays(random.nextInt(1500)), null));
            }
            TradingDays calendar = new TradingDays(closures);
            LocalDate from = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(3000));
            LocalDate to = from.plusDays(random.nextInt(900) - 10);
            int weekdays = 0;
            int holidays = 0;
            for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
                boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
                weekdays += weekday ? 1 : 0;
                holidays += weekday && calendar.closedBecause("X", day).isPresent() ? 1 : 0;
            }
            assertEquals(weekdays, TradingDays.weekdaysAfter(from, to), from + " to " + to);
            assertEquals(holidays, calendar.weekdayHolidaysAfter("X", from, to), from + " to " + to + " " + closures);
        }
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
