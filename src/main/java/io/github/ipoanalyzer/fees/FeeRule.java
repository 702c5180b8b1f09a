package io.github.ipoanalyzer.fees;

import java.io.Serializable;

import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * One row of the fee schedule (fees.csv): a charge of one market and side, a rate of the
 * consideration with an optional minimum and maximum, how it is rounded, the dates it is in
 * force (either may be open), its currency and where the figure comes from.
 */
public record FeeRule(String market, Side side, String charge, BigDecimal rate, BigDecimal minimum, BigDecimal maximum,
                      FeeRounding rounding, LocalDate effectiveFrom, LocalDate effectiveTo, Currency currency,
                      String note) implements Serializable {

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** True when the two rows' dates share a day. */
    public boolean overlaps(FeeRule other) {
        LocalDate start = later(effectiveFrom, other.effectiveFrom);
        LocalDate end = earlier(effectiveTo, other.effectiveTo);
        return start == null || end == null || !start.isAfter(end);
    }

    /** This charge on {@code consideration}: rate × consideration, within the minimum and maximum, rounded by its rule. */
    public Money on(Money consideration) {
        BigDecimal amount = rate == null ? BigDecimal.ZERO : consideration.amount().multiply(rate);
        if (minimum != null && amount.compareTo(minimum) < 0) {
            amount = minimum;
        }
        if (maximum != null && amount.compareTo(maximum) > 0) {
            amount = maximum;
        }
        return new Money(rounding.round(amount), consideration.currency());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
