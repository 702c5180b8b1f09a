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

    /**
     * {@code fraction(divide(numerator, denominator) − minus)}: a ratio as it is written, e.g.
     * a change {@code a / b − 1}. The same figure, decided in long arithmetic where that is exact
     * (the market-value and lot-gain series, a row a close): the quotient's six digits after
     * the point and its remainder give the half-even rounding. The 34-digit quotient rounds to
     * the same figure: unless the quotient is a tie, it lies at least {@code 10⁻⁶ / (2·|b|)}
     * from the tie ({@code b} the divisor as a whole number at the finer of the two scales),
     * farther than the 34-digit rounding moves it. Anything larger or finer than
     * the bounds below is divided as before.
     */
    public static BigDecimal fraction(BigDecimal numerator, BigDecimal denominator, int minus) {
        BigDecimal decided = LongQuotient.fraction(numerator, denominator, minus);
        return decided != null ? decided
                : fraction(divide(numerator, denominator).subtract(BigDecimal.valueOf(minus)));
    }

    /** The long arithmetic of {@link #fraction(BigDecimal, BigDecimal, int)}. */
    static final class LongQuotient {
        /** Past this the remainder × 10 could overflow a long. */
        static final long MAX_DENOMINATOR = 100_000_000_000_000_000L;
        /** The whole part's bound: it keeps the 34-digit quotient's last digit below 10⁻²⁴. */
        static final long MAX_WHOLE = 1_000_000_000L;
        private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
                100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
                10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
                100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

        private LongQuotient() {
        }

        /** The figure, or null where long arithmetic cannot decide it. */
        static BigDecimal fraction(BigDecimal numerator, BigDecimal denominator, int minus) {
            if (numerator.precision() > 18 || denominator.precision() > 18 || denominator.signum() == 0) {
                return null;
            }
            int scale = Math.max(numerator.scale(), denominator.scale());
            Long a = atScale(numerator, scale);
            Long b = atScale(denominator, scale);
            if (a == null || b == null || b == Long.MIN_VALUE) {
                return null;
            }
            if (b < 0) {
                a = -a;
                b = -b;
            }
            if (b > MAX_DENOMINATOR) {
                return null;
            }
            long c;
            try {
                c = Math.subtractExact(a, Math.multiplyExact(b, (long) minus));
            } catch (ArithmeticException overflow) {
                return null;
            }
            long whole = Math.floorDiv(c, b);
            if (whole <= -MAX_WHOLE || whole >= MAX_WHOLE) {
                return null;
            }
            long r = c - whole * b; // 0 ≤ r < b
            long millionths = whole;
            for (int digit = 0; digit < FRACTION_SCALE; digit++) {
                r *= 10;
                millionths = millionths * 10 + r / b;
                r %= b;
            }
            // c / b = (millionths + r / b) / 10⁶, 0 ≤ r < b: half-even on the remainder.
            long twice = 2 * r;
            if (twice > b || twice == b && (millionths & 1) == 1) {
                millionths++;
            }
            return BigDecimal.valueOf(millionths, FRACTION_SCALE);
        }

        /** The unscaled value of {@code x} at {@code scale} (at least its own), or null past a long. */
        private static Long atScale(BigDecimal x, int scale) {
            int shift = scale - x.scale();
            if (shift >= POWERS.length) {
                return null;
            }
            try {
                // Its unscaled value, without the BigInteger that unscaledValue() makes of it.
                return Math.multiplyExact(x.scaleByPowerOfTen(x.scale()).longValueExact(), POWERS[shift]);
            } catch (ArithmeticException overflow) {
                return null;
            }
        }
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
