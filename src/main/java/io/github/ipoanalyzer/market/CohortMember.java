package io.github.ipoanalyzer.market;

/** One listing in one named cohort (cohorts.csv). */
public record CohortMember(String cohort, String ticker) {
}
