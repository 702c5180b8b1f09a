package io.github.ipoanalyzer.fees;


import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the fee schedule (fees.csv): a charge of one market and side, a rate of the
 * consideration with an optional minimum and maximum (amounts in its currency), how it is rounded, the dates it is in
 * force (either may be open), its currency and where the figure comes from.
 */
public record FeeRule(String market, Side side, String charge, BigDecimal rate, Money minimum, Money maximum,
                      FeeRounding rounding, LocalDate effectiveFrom, LocalDate effectiveTo, Currency currency,
                      String note) {

    /** Any run of spaces, tabs or other Unicode spacing (no-break, ideographic). */
    private static final Pattern SPACING = Pattern.compile("[\\s\\p{Z}]+");

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** The same charge of the same market and side: the names compared without case or spacing. */
    public boolean sameChargeAs(FeeRule other) {
        return market.equals(other.market) && side == other.side && isCharge(other.charge);
    }

    /** True when this charge is {@code name} written in any case or spacing ("Stamp  Duty" is "stamp duty"). */
    public boolean isCharge(String name) {
        return comparable(charge).equals(comparable(name));
    }

    /** The same rate, minimum, maximum, rounding, dates and currency (whatever the name's spelling and the note). */
    public boolean sameTermsAs(FeeRule other) {
        return sameAmount(rate, other.rate) && sameAmount(Money.amountOf(minimum), Money.amountOf(other.minimum))
                && sameAmount(Money.amountOf(maximum), Money.amountOf(other.maximum))
                && rounding == other.rounding && Objects.equals(effectiveFrom, other.effectiveFrom)
                && Objects.equals(effectiveTo, other.effectiveTo) && currency.equals(other.currency);
    }

    private static String comparable(String name) {
        return SPACING.matcher(name).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** True when the two rows' dates share a day. */
    public boolean overlaps(FeeRule other) {
        LocalDate start = later(effectiveFrom, other.effectiveFrom);
        LocalDate end = earlier(effectiveTo, other.effectiveTo);
        return start == null || end == null || !start.isAfter(end);
    }

    /** This charge on {@code consideration}: rate × consideration, within the minimum and maximum, rounded by its rule. */
    public Money on(Money consideration) {
        if (!consideration.currency().equals(currency)) {
            throw new IllegalArgumentException(charge + " of " + market + " is in " + currency
                    + ", not in the consideration's " + consideration.currency());
        }
        Money amount = rate == null ? Money.zero(currency) : consideration.times(rate);
        if (minimum != null && amount.compareAmount(minimum) < 0) {
            amount = minimum;
        }
        if (maximum != null && amount.compareAmount(maximum) > 0) {
            amount = maximum;
        }
        return rounding.round(amount);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
