package io.github.ipoanalyzer.market;


import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

/** Revenue of one named period ({@code FY2024}, {@code 2025H1}); {@code amount} null when unknown. */
public record RevenuePeriod(String ticker, String period, LocalDate start, LocalDate end, BigDecimal amount,
                            Currency currency, String note) {

    /** The revenue, or null when unknown. */
    public Money revenue() {
        return amount == null ? null : new Money(amount, currency);
    }

    /** Whole months the period covers: 12 for a fiscal year, 6 for a half-year. */
    public long months() {
        return ChronoUnit.MONTHS.between(start, end.plusDays(1));
    }
}
