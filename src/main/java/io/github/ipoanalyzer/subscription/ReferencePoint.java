package io.github.ipoanalyzer.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A price an allotment is valued at (the first open, the first close, the grey-market close), named and dated. */
public record ReferencePoint(String name, LocalDate date, BigDecimal price) {

    public static final String FIRST_OPEN = "first_open";
    public static final String FIRST_CLOSE = "first_close";
    public static final String GREY_MARKET_CLOSE = "grey_market_close";
    /** In the order of the report's columns. */
    public static final java.util.List<String> NAMES = java.util.List.of(FIRST_OPEN, FIRST_CLOSE, GREY_MARKET_CLOSE);
}
