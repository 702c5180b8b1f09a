package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.market.Allotment;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.OfferFacts;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An A-share online application of {@code lots} 签 (the subscription cap, 顶格, unless the user
 * chose fewer), each one lot winning at the final lottery rate (subscription.md): the expected
 * 签 won, {@code lots × rate}; the expected net gain, that × the net gain of one lot at the first
 * close; the market value of holdings it needs (CNY 10,000 per 1,000 shares, or the offer's own
 * figure at the cap); and the expected net gain per CNY 10,000 of it. Cash is paid only after
 * winning, so nothing is annualised.
 */
public record AShareApplication(long lots, boolean atCap, BigDecimal expectedLotsWon, Money expectedNet,
                                Money marketValueRequired, Money expectedNetPer10000) {

    private static final BigDecimal MARKET_VALUE_PER_SHARE = BigDecimal.TEN;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /**
     * Empty without a subscription cap; the gains unknown (null) without a rate or a net gain of one
     * lot. The rate per 签 is that of {@code oneLot} (null: unknown): a rate given as counts is
     * applied with its division last ({@link Allotment#expectedShareOf}).
     */
    public static Optional<AShareApplication> of(Listing listing, OfferFacts offer, Integer chosenLots,
                                                 Allotment oneLot, Money netOfOneLot) {
        if (offer == null || offer.subscriptionCapShares() == null || listing.lotShares() == 0) {
            return Optional.empty();
        }
        long capLots = offer.subscriptionCapShares() / listing.lotShares();
        long lots = chosenLots == null ? capLots : Math.min(chosenLots, capLots);
        boolean atCap = lots == capLots;
        Money marketValue = atCap && offer.marketValueRequired() != null
                ? new Money(offer.marketValueRequired(), listing.currency())
                : new Money(MARKET_VALUE_PER_SHARE.multiply(BigDecimal.valueOf(lots * listing.lotShares())),
                listing.currency());
        if (oneLot == null || oneLot.rate().isEmpty() || netOfOneLot == null) {
            return Optional.of(new AShareApplication(lots, atCap, null, null, marketValue, null));
        }
        BigDecimal won = oneLot.expectedShareOf(BigDecimal.valueOf(lots)).orElseThrow();
        Money expected = new Money(oneLot.expectedShareOf(netOfOneLot.amount().multiply(BigDecimal.valueOf(lots)))
                .orElseThrow(), netOfOneLot.currency());
        return Optional.of(new AShareApplication(lots, atCap, won, expected, marketValue, new Money(
                Rounding.divide(expected.amount().multiply(TEN_THOUSAND), marketValue.amount()), listing.currency())));
    }
}
