package io.github.ipoanalyzer.subscription;

import java.math.BigDecimal;
import java.util.List;

/**
 * The subscriber's own terms (subscription.md): the fraction of the application money financed
 * (孖展, 0 to 1) and its annual rate, the broker's handling fee per HK application (in the
 * trading currency), the A-share number of 签 (null: the subscription cap, 顶格), and the policies
 * to back-test.
 */
public record SubscriptionSettings(BigDecimal financedFraction, BigDecimal annualRate, BigDecimal handlingFee,
                                   Integer aShareLots, List<String> policies) {

    public static final SubscriptionSettings NONE = new SubscriptionSettings(BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, null, List.of());

    public SubscriptionSettings {
        policies = List.copyOf(policies);
        if (financedFraction.signum() < 0 || financedFraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the financed fraction is from 0 to 1, not " + financedFraction);
        }
        if (annualRate.signum() < 0 || handlingFee.signum() < 0) {
            throw new IllegalArgumentException("the financing rate and the handling fee are 0 or more");
        }
        for (String policy : policies) {
            if (!PolicyBacktest.POLICIES.contains(policy)) {
                throw new IllegalArgumentException("unknown policy '" + policy + "': the policies are "
                        + String.join(", ", PolicyBacktest.POLICIES));
            }
        }
        if (aShareLots != null && aShareLots <= 0) {
            throw new IllegalArgumentException("the A-share number of 签 is 1 or more (empty: the cap), not " + aShareLots);
        }
    }
}
