package io.github.ipoanalyzer.market;

/** A lock-up period of one listing: shares of {@code holders} become free {@code months} after listing. */
public record Lockup(String ticker, int months, String holders) {
}
