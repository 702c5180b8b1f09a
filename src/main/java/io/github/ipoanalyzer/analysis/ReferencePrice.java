package io.github.ipoanalyzer.analysis;

import java.util.List;

/** The price a figure is taken at; {@link #label} is how the report names it. */
public enum ReferencePrice {
    OFFER("offer"),
    FIRST_DAY_OPEN("first-day open"),
    FIRST_DAY_HIGH("first-day high"),
    FIRST_DAY_LOW("first-day low"),
    FIRST_DAY_CLOSE("first-day close"),
    /** A close after the first day's. */
    CLOSE("close"),
    /** The latest close on or before the as-of date. */
    LATEST_CLOSE("latest close");

    /** The first day's prices, in the order the report lists them. */
    public static final List<ReferencePrice> FIRST_DAY = List.of(FIRST_DAY_OPEN, FIRST_DAY_HIGH, FIRST_DAY_LOW,
            FIRST_DAY_CLOSE);

    private final String label;

    ReferencePrice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean firstDay() {
        return FIRST_DAY.contains(this);
    }

    /** The first day's price without "first-day ": "open", "high", "low", "close" (as column names use it). */
    public String shortLabel() {
        return firstDay() ? label.substring("first-day ".length()) : label;
    }
}
