package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.LotGain;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.subscription.PolicyBacktest;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the policy back-test and the break-issue rates read of one listing, kept where the listing
 * is computed and carried in its partition's file ({@link ListingPart}): what each policy applies
 * for, the subscription multiple and the latest close.
 */
record SubscriberFigures(List<PolicyBacktest.Choice> choices, BigDecimal subscriptionMultiple, BigDecimal latestClose) {

    static final SubscriberFigures NONE = new SubscriberFigures(List.of(), null, null);

    SubscriberFigures {
        choices = List.copyOf(choices);
    }

    static SubscriberFigures of(IpoAnalysis a, List<String> policies) {
        if (!a.listing().ipoStudied()) {
            return NONE;
        }
        return new SubscriberFigures(PolicyBacktest.choices(a.subscription(), policies),
                a.application() == null ? null : a.application().subscriptionMultiple(),
                a.latestClose().map(LotGain::price).map(Money::amount).orElse(null));
    }
}
