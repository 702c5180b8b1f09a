package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.market.OfferFacts;

import java.util.Optional;

/** A listing's subscriber figures: its HK allotment tiers, its A-share application, its offer's facts; each null where unknown. */
public record Subscription(HkApplications hkApplications, AShareApplication aShareApplication, OfferFacts offer) {

    public Optional<HkApplications> hk() {
        return Optional.ofNullable(hkApplications);
    }

    public Optional<AShareApplication> aShare() {
        return Optional.ofNullable(aShareApplication);
    }

    public Optional<OfferFacts> offerFacts() {
        return Optional.ofNullable(offer);
    }
}
