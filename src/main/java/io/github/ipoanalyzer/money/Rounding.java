package io.github.ipoanalyzer.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one rounding rule of the application. Everything is computed in {@link BigDecimal};
 * divisions and compounded products carry 34 significant digits ({@link MathContext#DECIMAL128}) and nothing is
 * rounded until a figure is written out: money to its currency's minor unit (2 decimals for CNY,
 * HKD and USD, none for JPY), returns (fractions) to 6, multiples such as price-to-sales to 2,
 * average prices (VWAP) to 4, lottery odds worked out from counts to 10
 * (as a lottery rate is published: 0.03635054% is 0.0003635054), always half-even. The same input gives the same
 * bytes out.
 */
public final class Rounding {

    /** Precision of intermediate divisions. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;

    public static final RoundingMode MODE = RoundingMode.HALF_EVEN;

    /** The minor unit of a currency that declares none (a pseudo-currency such as XAU). */
    public static final int MONEY_SCALE = 2;
    public static final int FRACTION_SCALE = 6;
    public static final int MULTIPLE_SCALE = 2;
    /** Finer than any tick (HKEX quotes to 0.001 below HK$0.25), so an average price is never cut to a cent. */
    public static final int AVERAGE_PRICE_SCALE = 4;
    /** An amount counted in 万 or 亿 for a Chinese reader: 2,822.52亿 (the exact figure is in the CSV). */
    public static final int LARGE_UNIT_SCALE = 2;

    private Rounding() {
    }

    public static BigDecimal money(Money money) {
        return money.amount().setScale(money.minorUnitDigits(), MODE);
    }

    public static BigDecimal fraction(BigDecimal fraction) {
        return fraction.setScale(FRACTION_SCALE, MODE);
    }

    public static BigDecimal multiple(BigDecimal multiple) {
        return multiple.setScale(MULTIPLE_SCALE, MODE);
    }

    /** Odds as published carry at most 10 decimals; odds worked out from counts (7,193 / 102,763) are cut there. */
    public static final int ODDS_SCALE = 10;

    public static BigDecimal odds(BigDecimal odds) {
        return odds.scale() > ODDS_SCALE ? odds.setScale(ODDS_SCALE, MODE) : odds;
    }

    /** An amount already counted in 万 or 亿 (moved 4 or 8 places), to {@link #LARGE_UNIT_SCALE} decimals. */
    public static BigDecimal largeUnit(BigDecimal amountInUnits) {
        return amountInUnits.setScale(LARGE_UNIT_SCALE, MODE);
    }

    public static BigDecimal averagePrice(BigDecimal price) {
        return price.setScale(AVERAGE_PRICE_SCALE, MODE);
    }

    /** {@code numerator / denominator} at the intermediate precision. */
    public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, DIVISION);
    }

    /**
     * {@code product × factor} at the intermediate precision: compounding daily factors (a
     * buy-and-hold return) exactly would grow by 34 digits a day, 8,500 over a 250-day horizon.
     */
    public static BigDecimal compound(BigDecimal product, BigDecimal factor) {
        return product.multiply(factor, DIVISION);
    }

    /** {@code a / b − 1}: the return from b to a, unrounded. */
    public static BigDecimal change(BigDecimal to, BigDecimal from) {
        return divide(to, from).subtract(BigDecimal.ONE);
    }
}
