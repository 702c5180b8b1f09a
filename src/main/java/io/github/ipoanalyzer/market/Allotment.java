package io.github.ipoanalyzer.market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The allotment result of one application size of one IPO (allotments.csv): applications of
 * {@code applicationLots} lots (an A-share 签 is one lot), how many applied and succeeded, or the
 * success rate as stated, the lots a success gets, the subscription multiple. Unknowns are null.
 */
public record Allotment(String ticker, long applicationLots, Long applicants, Long successfulApplicants,
                        BigDecimal successRate, Long lotsPerSuccess, BigDecimal subscriptionMultiple, String note) {

    /** The allotment of one-lot applications of {@code ticker}, where allotments.csv has it. */
    public static Optional<Allotment> oneLot(String ticker, java.util.List<Allotment> allotments) {
        return allotments.stream().filter(a -> a.ticker().equals(ticker) && a.applicationLots() == 1).findFirst();
    }

    /** The success rate as stated, else successful applicants over applicants. */
    public Optional<BigDecimal> rate() {
        return expectedShareOf(BigDecimal.ONE);
    }

    /**
     * {@code amount × rate}: exact with a stated rate; else {@code amount × successful / applicants}
     * divided once and last, so that an expected gain is never a rounded rate times the gain
     * (1/12 as 0.08333…3 takes 88.015 below its half).
     */
    public Optional<BigDecimal> expectedShareOf(BigDecimal amount) {
        if (successRate != null) {
            return Optional.of(amount.multiply(successRate));
        }
        if (applicants != null && successfulApplicants != null && applicants > 0) {
            return Optional.of(amount.multiply(BigDecimal.valueOf(successfulApplicants))
                    .divide(BigDecimal.valueOf(applicants), new MathContext(34, RoundingMode.HALF_EVEN)));
        }
        return Optional.empty();
    }
}
