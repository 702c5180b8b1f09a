package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.market.Listing;

import java.util.List;
import java.util.Optional;

/** What the subscriber's figures are made from: the basis-of-allotment rows and the subscriber's settings. */
public record SubscriptionInputs(List<TableRow> basis, SubscriptionSettings settings) {

    public static final SubscriptionInputs NONE = new SubscriptionInputs(List.of(), SubscriptionSettings.NONE);

    public SubscriptionInputs {
        basis = List.copyOf(basis);
    }

    /** Every tier of the listing's HK table, valued at {@code references}; empty without a table. */
    public Optional<HkApplications> hk(Listing listing, FeeSchedule fees, List<ReferencePoint> references) {
        return HkApplications.of(listing, fees, basis, references, settings, null);
    }
}
