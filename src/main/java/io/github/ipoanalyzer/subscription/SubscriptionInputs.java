package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.OfferFacts;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.util.List;

/** What the subscriber's figures are made from: the basis-of-allotment rows, the offers' facts, the subscriber's settings. */
public record SubscriptionInputs(List<TableRow> basis, List<OfferFacts> offers, SubscriptionSettings settings) {

    public static final SubscriptionInputs NONE = new SubscriptionInputs(List.of(), List.of(), SubscriptionSettings.NONE);

    public SubscriptionInputs {
        basis = List.copyOf(basis);
        offers = List.copyOf(offers);
    }

    /**
     * The listing's figures: every tier of its HK table valued at {@code references} over the days
     * its offer tied the money up; its A-share application at the rate per 签 of {@code oneLot} (null: unknown) and the
     * net gain of one lot at the first close ({@code netOfOneLot}, null where unknown).
     */
    public Subscription of(Listing listing, FeeSchedule fees, List<ReferencePoint> references,
                           io.github.ipoanalyzer.market.Allotment oneLot, Money netOfOneLot) {
        OfferFacts offer = offers.stream().filter(o -> o.ticker().equals(listing.ticker())).findFirst().orElse(null);
        Integer days = offer == null ? null : offer.daysTiedUp();
        return new Subscription(HkApplications.of(listing, fees, basis, references, settings, days).orElse(null),
                AShareApplication.of(listing, offer, settings.aShareLots(), oneLot, netOfOneLot).orElse(null), offer);
    }
}
