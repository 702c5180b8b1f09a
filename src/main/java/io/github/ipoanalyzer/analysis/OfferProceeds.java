package io.github.ipoanalyzer.analysis;


import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;

/**
 * Gross proceeds {@code N × P0} and money left on the table {@code N × (C1 − P0)}
 * (Loughran and Ritter 2002), N being the shares offered; the latter null without a close.
 */
public record OfferProceeds(Money grossProceeds, Money moneyLeftOnTable) {

    public static OfferProceeds of(Listing listing, BigDecimal firstClose) {
        BigDecimal shares = BigDecimal.valueOf(listing.sharesOffered());
        Money gross = listing.offer().times(shares);
        Money left = firstClose == null ? null : listing.price(firstClose).minus(listing.offer()).times(shares);
        return new OfferProceeds(gross, left);
    }
}
