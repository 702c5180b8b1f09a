package io.github.ipoanalyzer.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One day of a benchmark index: its close, and/or its stated one-day return (a fraction); either may be unknown. */
public record BenchmarkLevel(String index, LocalDate date, BigDecimal close, BigDecimal dailyReturn) {
}
