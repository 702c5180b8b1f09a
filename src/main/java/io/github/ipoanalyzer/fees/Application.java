package io.github.ipoanalyzer.fees;


import io.github.ipoanalyzer.market.Allotment;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * What one application costs and is worth before the lottery (report.md): the entrance fee (入场费)
 * where the market charges the application up front, {@code L × P_max × (1 + subscription rates)}
 * rounded half-up to the cent once; the one-lot success rate (一手中签率, per 签 in A-shares); the
 * subscription multiple; and the expected gain of one application, {@code rate × net gain of one
 * lot} sold at the first-day close, unknown where the rate or the net gain is.
 */
public record Application(Money entranceFee, BigDecimal oneLotSuccessRate, BigDecimal subscriptionMultiple,
                          Money expectedGain, String note) {

    public static Application of(Listing listing, FeeSchedule schedule, List<Allotment> allotments,
                                 Optional<NetLotGain> netAtFirstClose) {
        Money entranceFee = null;
        if (schedule.hasAny(listing.exchange(), Side.SUBSCRIPTION)) {
            BigDecimal factor = BigDecimal.ONE.add(schedule.rateSum(listing.exchange(), Side.SUBSCRIPTION,
                    listing.listingDate()));
            entranceFee = new Money(listing.applicationPrice().multiply(BigDecimal.valueOf(listing.lotShares()))
                    .multiply(factor), listing.currency()).roundedHalfUp();
        }
        Optional<Allotment> oneLot = Allotment.oneLot(listing.ticker(), allotments);
        BigDecimal rate = oneLot.flatMap(Allotment::rate).orElse(null);
        BigDecimal multiple = allotments.stream().filter(a -> a.ticker().equals(listing.ticker()))
                .map(Allotment::subscriptionMultiple).filter(m -> m != null).findFirst().orElse(null);
        Money expected = null;
        String note = null;
        if (rate == null) {
            note = "one-lot success rate unknown: expected gain unknown";
        } else if (netAtFirstClose.isEmpty()) {
            note = "net gain at the first-day close unknown: expected gain unknown";
        } else {
            long lots = oneLot.get().lotsPerSuccess() == null ? 1 : oneLot.get().lotsPerSuccess();
            Money net = netAtFirstClose.get().net();
            expected = new Money(oneLot.get().expectedShareOf(net.amount().multiply(BigDecimal.valueOf(lots))).orElseThrow(),
                    net.currency());
        }
        if (schedule.caveat().isPresent()) {
            note = note == null ? schedule.caveat().get() : schedule.caveat().get() + "; " + note;
        }
        return new Application(entranceFee, rate, multiple, expected, note);
    }
}
