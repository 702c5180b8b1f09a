package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How daily returns enter abnormal returns and CARs: simple, {@code P_t / P_{t−1} − 1} (the
 * default), or continuously compounded, {@code ln(P_t / P_{t−1})}, which add up over a window.
 * Buy-and-hold returns are always compounded from simple returns.
 */
public enum ReturnKind {
    SIMPLE,
    LOG;

    /** This kind of return, from the simple return {@code r}. */
    public BigDecimal of(BigDecimal r) {
        return this == SIMPLE || r == null ? r : ln(BigDecimal.ONE.add(r));
    }

    /**
     * ln(x) for x > 0 to 34 significant digits: {@code 2 · Σ z^(2k+1) / (2k+1)} with
     * {@code z = (x − 1) / (x + 1)}, which converges for every positive x and fast for daily moves.
     */
    static BigDecimal ln(BigDecimal x) {
        if (x.signum() <= 0) {
            throw new ArithmeticException("ln of a non-positive number: " + x.toPlainString());
        }
        // Summed with 16 guard digits, so that the 34 kept are right.
        MathContext wide = new MathContext(Rounding.DIVISION.getPrecision() + 16);
        BigDecimal z = x.subtract(BigDecimal.ONE).divide(x.add(BigDecimal.ONE), wide);
        BigDecimal z2 = z.multiply(z, wide);
        BigDecimal power = z;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal threshold = BigDecimal.ONE.movePointLeft(wide.getPrecision());
        for (int k = 1; ; k += 2) {
            BigDecimal term = power.divide(BigDecimal.valueOf(k), wide);
            sum = sum.add(term, wide);
            if (term.abs().compareTo(threshold) < 0) {
                break;
            }
            power = power.multiply(z2, wide);
        }
        return sum.multiply(BigDecimal.valueOf(2)).round(Rounding.DIVISION);
    }
}
