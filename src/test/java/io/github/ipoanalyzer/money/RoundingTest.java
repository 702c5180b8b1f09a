package io.github.ipoanalyzer.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundingTest {

    /** The figure as the report wrote it before long arithmetic decided it: a 34-digit quotient, then 6 decimals. */
    private static BigDecimal divided(BigDecimal numerator, BigDecimal denominator, int minus) {
        return numerator.divide(denominator, java.math.MathContext.DECIMAL128).subtract(BigDecimal.valueOf(minus))
                .setScale(6, RoundingMode.HALF_EVEN);
    }

    /** Asserts the figure; true when long arithmetic decided it. */
    private static boolean assertSameFigure(BigDecimal numerator, BigDecimal denominator, int minus) {
        BigDecimal expected = divided(numerator, denominator, minus);
        BigDecimal actual = Rounding.fraction(numerator, denominator, minus);
        assertEquals(expected.toPlainString(), actual.toPlainString(),
                () -> numerator + " / " + denominator + " − " + minus);
        assertEquals(expected.scale(), actual.scale());
        return Rounding.LongQuotient.fraction(numerator, denominator, minus) != null;
    }

    @Test
    void aChangeIsWrittenToSixDecimalsHalfEven() {
        // 34.46 / 19.60 − 1 = 0.758163265…; 156.80 / 144.60 − 1 = 0.0843706777…
        assertEquals("0.758163", Rounding.fraction(new BigDecimal("34.46"), new BigDecimal("19.60"), 1).toPlainString());
        assertEquals("0.084371", Rounding.fraction(new BigDecimal("156.80"), new BigDecimal("144.60"), 1).toPlainString());
        // Ties, exact in decimal, go to the even millionth: 1.0000005 − 1 and 1.0000015 − 1.
        assertEquals("0.000000", Rounding.fraction(new BigDecimal("1.0000005"), BigDecimal.ONE, 1).toPlainString());
        assertEquals("0.000002", Rounding.fraction(new BigDecimal("1.0000015"), BigDecimal.ONE, 1).toPlainString());
        assertEquals("-0.000002", Rounding.fraction(new BigDecimal("0.9999985"), BigDecimal.ONE, 1).toPlainString());
        // A drawdown of −24.2106…%: 384,748,010,869.60 / 507,654,252,576.80 − 1.
        assertEquals("-0.242106", Rounding.fraction(new BigDecimal("384748010869.60"),
                new BigDecimal("507654252576.80"), 1).toPlainString());
        assertEquals("0.000000", Rounding.fraction(BigDecimal.ZERO, new BigDecimal("3.5"), 0).toPlainString());
        assertThrows(ArithmeticException.class, () -> Rounding.fraction(BigDecimal.ONE, BigDecimal.ZERO, 1));
    }

    @Test
    void longArithmeticDecidesTheSeriesFiguresAndLeavesTheRestToTheDivision() {
        assertNotNull(Rounding.LongQuotient.fraction(new BigDecimal("384748010869.60"),
                new BigDecimal("507654252576.80"), 1));
        assertNull(Rounding.LongQuotient.fraction(new BigDecimal("1E+20"), BigDecimal.ONE, 1), "past a long");
        assertNull(Rounding.LongQuotient.fraction(new BigDecimal("1000000000"), BigDecimal.ONE, 0), "a whole part of 10⁹");
        assertNull(Rounding.LongQuotient.fraction(BigDecimal.ONE, new BigDecimal("0.000000000000000000001"), 0),
                "scales too far apart");
    }

    @Test
    void theSameFigureAsTheDivisionOverRandomAmountsPricesAndScales() {
        Random random = new Random(20261207);
        int decided = 0;
        for (int i = 0; i < 300_000; i++) {
            int minus = random.nextInt(4) == 0 ? 0 : 1;
            BigDecimal numerator = amount(random);
            // Of the same size, as a close is to the offer price and a gain to the lot's cost, or any size.
            BigDecimal denominator = random.nextBoolean() ? amount(random)
                    : numerator.multiply(BigDecimal.valueOf(1 + random.nextInt(5000), 3)).setScale(numerator.scale(),
                    RoundingMode.DOWN).add(BigDecimal.valueOf(random.nextInt(100), numerator.scale()));
            if (denominator.signum() == 0) {
                continue;
            }
            decided += assertSameFigure(numerator, denominator, minus) ? 1 : 0;
        }
        assertTrue(decided > 100_000, decided + " of 300,000 decided in long arithmetic");
    }

    /**
     * Quotients next to a tie of the sixth decimal, on it, and a unit of the last digit either
     * side: where a 34-digit quotient rounded again could differ from the exact one.
     */
    @Test
    void theSameFigureNextToEveryKindOfTie() {
        Random random = new Random(7);
        int decided = 0;
        for (int i = 0; i < 100_000; i++) {
            int scale = random.nextInt(3);
            BigDecimal denominator = new BigDecimal(BigInteger.valueOf(1 + Math.abs(random.nextLong() % 1_000_000_000L)),
                    scale);
            // A tie of the sixth decimal: (k + ½)·10⁻⁶ + minus, times the denominator, then moved by a few units.
            int minus = random.nextInt(2);
            BigDecimal tie = new BigDecimal(BigInteger.valueOf(random.nextInt(4_000_000) - 2_000_000).multiply(
                    BigInteger.TEN).add(BigInteger.valueOf(5)), 7).add(BigDecimal.valueOf(minus));
            BigDecimal exact = tie.multiply(denominator);
            for (long nudge = -2; nudge <= 2; nudge++) {
                BigDecimal numerator = exact.add(BigDecimal.valueOf(nudge, exact.scale()));
                decided += assertSameFigure(numerator, denominator, minus) ? 1 : 0;
                assertSameFigure(numerator.setScale(exact.scale() + 1).add(BigDecimal.valueOf(nudge, exact.scale() + 1)),
                        denominator, minus);
            }
        }
        assertTrue(decided > 400_000, decided + " of 500,000 decided in long arithmetic");
    }

    /**
     * At the bounds of the long arithmetic: a divisor of up to 10¹⁷ at the finer scale (a whole
     * number of up to 10¹⁰ against a tie of 7 decimals), and a whole part of up to 10⁹ − 1.
     */
    @Test
    void theSameFigureNextToTiesAtTheBoundsOfTheLongArithmetic() {
        Random random = new Random(17);
        int decided = 0;
        for (int i = 0; i < 50_000; i++) {
            int minus = random.nextInt(2);
            boolean largeDivisor = random.nextBoolean();
            BigDecimal denominator = BigDecimal.valueOf(largeDivisor ? 9_000_000_000L + random.nextInt(1_000_000_000)
                    : 1 + random.nextInt(90));
            long millionths = largeDivisor ? random.nextInt(2_000_000) : 999_000_000_000_000L + random.nextInt(999_999_999);
            BigDecimal tie = BigDecimal.valueOf(millionths * 10 + 5, 7).add(BigDecimal.valueOf(minus));
            BigDecimal exact = tie.multiply(denominator);
            for (long nudge = -1; nudge <= 1; nudge++) {
                decided += assertSameFigure(exact.add(BigDecimal.valueOf(nudge, exact.scale())), denominator, minus)
                        ? 1 : 0;
            }
        }
        assertTrue(decided > 100_000, decided + " of 150,000 decided in long arithmetic");
        // Past the bounds, the division: a whole part of 10⁹, a divisor past 10¹⁷ at the finer scale.
        assertNull(Rounding.LongQuotient.fraction(new BigDecimal("1000000000.0000005"), BigDecimal.ONE, 0));
        assertNull(Rounding.LongQuotient.fraction(new BigDecimal("0.0000001"), new BigDecimal("10000000001"), 0));
        // A whole part of −2⁶³ exactly, whose absolute value a long does not hold.
        assertEquals("-9223372036854775808.000000", Rounding.fraction(new BigDecimal("-922337203685477580"),
                new BigDecimal("0.1"), 8).toPlainString());
    }

    /** A price, an amount of money or a share count: any sign, 0 to 6 decimals, up to 18 digits. */
    private static BigDecimal amount(Random random) {
        int digits = 1 + random.nextInt(18);
        long unscaled = Math.abs(random.nextLong()) % BigInteger.TEN.pow(digits).longValueExact();
        if (random.nextInt(10) == 0) {
            unscaled = -unscaled;
        }
        return BigDecimal.valueOf(unscaled, random.nextInt(7));
    }
}
