package io.github.ipoanalyzer.market;


import java.time.LocalDate;

/**
 * One event of one listing. {@code date} is the trading day the event falls on (event day 0);
 * {@code scheduledDate} the calendar date it was set for, when that differs. {@code source} is
 * "input" or "derived".
 */
public record Event(String ticker, LocalDate date, LocalDate scheduledDate, String kind, String description,
                    String source, String note) {

    public static final String LISTING = "listing";
    public static final String LOCKUP_EXPIRY = "lock-up expiry";
    public static final String FIRST_CLOSE_BELOW_OFFER = "first close below offer";
    public static final String CAP_MILESTONE = "market value milestone";
    public static final String PEAK_MARKET_VALUE = "peak market value";
}
