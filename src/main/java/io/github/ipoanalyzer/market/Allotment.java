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

    /** The success rate as stated, else successful applicants over applicants. */
    public Optional<BigDecimal> rate() {
        if (successRate != null) {
            return Optional.of(successRate);
        }
        if (applicants != null && successfulApplicants != null && applicants > 0) {
            return Optional.of(BigDecimal.valueOf(successfulApplicants)
                    .divide(BigDecimal.valueOf(applicants), new MathContext(34, RoundingMode.HALF_EVEN)));
        }
        return Optional.empty();
    }
}
