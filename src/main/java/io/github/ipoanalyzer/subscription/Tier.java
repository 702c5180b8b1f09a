package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What an application of one row's size can expect (subscription.md): {@code p = W / V}, the
 * chance of at least one lot, the expected shares {@code G + p·E} and lots, the application money
 * paid up front, the days it is tied up and their financing cost (null where unknown), the
 * handling fee, and the expected net gain at each reference price.
 */
public record Tier(TableRow source, BigDecimal ballotChance, BigDecimal oneLotChance, BigDecimal expectedShares,
                   BigDecimal expectedLots, Money applicationMoney, Integer daysTiedUp, Money financingCost,
                   Money handlingFee, List<Gain> gains) {

    /**
     * At one reference price: {@code (1 − p)·net(G) + p·net(G + E)} less the handling fee and the
     * financing cost; its return on the application money; that return annualised, {@code × 365 /
     * days} (simple, ACT/365), null where the days are unknown.
     */
    public record Gain(ReferencePoint reference, Money expectedNet, BigDecimal returnOnCapital,
                       BigDecimal annualisedReturn) {
    }

    public long sharesApplied() {
        return source.row().sharesApplied();
    }

    public String pool() {
        return source.row().pool();
    }

    /** The expected net gain at the named reference price, where it is known. */
    public Optional<Gain> at(String reference) {
        return gains.stream().filter(g -> g.reference().name().equals(reference)).findFirst();
    }
}
