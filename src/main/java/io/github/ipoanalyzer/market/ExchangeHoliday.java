package io.github.ipoanalyzer.market;

import java.time.LocalDate;

/** A weekday an exchange is closed (calendars.csv), with where the date comes from. */
public record ExchangeHoliday(String exchange, LocalDate date, String note) {
}
