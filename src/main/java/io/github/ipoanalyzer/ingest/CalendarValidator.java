package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.ExchangeHoliday;

import java.time.DayOfWeek;

/** calendars.csv: a weekday an exchange is closed; weekends are closed anyway. */
public class CalendarValidator implements RowRule<ExchangeHoliday> {

    @Override
    public ExchangeHoliday apply(RowValues v, ListingLookup listings) {
        ExchangeHoliday h = new ExchangeHoliday(v.text("exchange"), v.date("date"), v.optionalText("note"));
        DayOfWeek day = h.date().getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            throw v.reject("date", "weekend", h.date() + " is a " + day.toString().toLowerCase()
                    + ": weekends are closed anyway; list only the weekdays an exchange is closed");
        }
        return h;
    }
}
