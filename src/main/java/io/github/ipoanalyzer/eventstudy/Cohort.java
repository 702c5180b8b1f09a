package io.github.ipoanalyzer.eventstudy;

import java.util.List;

/** A group of listings to compare: all, one exchange, one listing year, or a named list. */
public record Cohort(String name, String definition, List<String> tickers) {
}
