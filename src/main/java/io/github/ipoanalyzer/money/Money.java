package io.github.ipoanalyzer.money;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount that never travels without its currency. Unrounded until written out. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** The amount of {@code money}, or null where there is none (an optional limit, a figure unknown). */
    public static BigDecimal amountOf(Money money) {
        return money == null ? null : money.amount();
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Digits after the point of the currency's minor unit: 2 for CNY, HKD and USD, 0 for JPY. */
    public int minorUnitDigits() {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? Rounding.MONEY_SCALE : digits;
    }

    /** Rounded half-up to the currency's minor unit, as a contract note rounds a charge. */
    public Money roundedHalfUp() {
        return new Money(amount.setScale(minorUnitDigits(), RoundingMode.HALF_UP), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** The ratio of two amounts in one currency, unrounded. */
    public BigDecimal dividedBy(Money other) {
        requireSameCurrency(other);
        return Rounding.divide(amount, other.amount);
    }

    /**
     * {@code this / base − 1} as a fraction is written ({@link Rounding#fraction(BigDecimal,
     * BigDecimal, int)}): the change from one amount to another in one currency.
     */
    public BigDecimal changeFrom(Money base) {
        requireSameCurrency(base);
        return Rounding.fraction(amount, base.amount, 1);
    }

    /** {@code this / whole} as a fraction is written: the share of one amount in another of one currency. */
    public BigDecimal fractionOf(Money whole) {
        requireSameCurrency(whole);
        return Rounding.fraction(amount, whole.amount, 0);
    }

    public int compareAmount(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency
                    + " without an explicit, dated rate");
        }
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
