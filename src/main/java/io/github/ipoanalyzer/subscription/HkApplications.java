package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.fees.NetLotGain;
import io.github.ipoanalyzer.fees.Side;
import io.github.ipoanalyzer.market.AllotmentBasisRow;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every application size of an HK IPO's basis of allotment, worked out as {@link Tier}s, with the
 * one-lot application (the smallest size) and the guaranteed lot (稳获一手: the smallest size, over
 * both pools, whose every applicant gets at least one lot, {@code G ≥ L}; null where no row does).
 * Nothing is rounded but the charges (as the fee schedule says), the application money and the
 * financing cost (half-up to the cent, once each, as a broker charges them).
 */
public record HkApplications(List<Tier> tiers, Tier oneLot, Tier guaranteedLot) {

    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);

    /** Empty where {@code rows} hold no row of the listing's table. */
    public static Optional<HkApplications> of(Listing listing, FeeSchedule fees, List<TableRow> rows,
                                              List<ReferencePoint> references, SubscriptionSettings settings,
                                              Integer daysTiedUp) {
        List<TableRow> table = rows.stream().filter(r -> r.row().ticker().equals(listing.ticker()) && !r.row().isTotal())
                .sorted(Comparator.comparing((TableRow r) -> r.row().pool()).thenComparing(r -> r.row().sharesApplied()))
                .toList();
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<Tier> tiers = new ArrayList<>();
        for (TableRow r : table) {
            tiers.add(tier(listing, fees, r, references, settings, daysTiedUp));
        }
        Tier oneLot = tiers.stream().min(Comparator.comparingLong(Tier::sharesApplied)).orElseThrow();
        Tier guaranteed = tiers.stream().filter(t -> t.source().row().guaranteedShares() >= listing.lotShares())
                .min(Comparator.comparingLong(Tier::sharesApplied)).orElse(null);
        return Optional.of(new HkApplications(List.copyOf(tiers), oneLot, guaranteed));
    }

    public Optional<Tier> guaranteed() {
        return Optional.ofNullable(guaranteedLot);
    }

    static Tier tier(Listing listing, FeeSchedule fees, TableRow source, List<ReferencePoint> references,
                     SubscriptionSettings settings, Integer days) {
        AllotmentBasisRow row = source.row();
        BigDecimal p = row.winners() == 0 ? BigDecimal.ZERO
                : Rounding.divide(BigDecimal.valueOf(row.winners()), BigDecimal.valueOf(row.outOf()));
        BigDecimal oneLotChance = row.guaranteedShares() >= listing.lotShares() ? BigDecimal.ONE
                : row.extraShares() >= listing.lotShares() ? p : BigDecimal.ZERO;
        BigDecimal expectedShares = BigDecimal.valueOf(row.guaranteedShares())
                .add(ballotShareOf(row, BigDecimal.valueOf(row.extraShares())));
        BigDecimal expectedLots = Rounding.divide(expectedShares, BigDecimal.valueOf(listing.lotShares()));
        Money money = applicationMoney(listing, fees, row.sharesApplied());
        Money handling = new Money(settings.handlingFee(), listing.currency());
        Money financing = financingCost(money, settings, days);
        List<Tier.Gain> gains = new ArrayList<>();
        for (ReferencePoint ref : references) {
            Optional<Money> withoutWin = net(listing, fees, row.guaranteedShares(), ref);
            Optional<Money> withWin = net(listing, fees, row.guaranteedShares() + row.extraShares(), ref);
            if (withoutWin.isEmpty() || withWin.isEmpty() || financing == null) {
                continue; // unknown, never 0: the schedule does not cover the sale day, or the days are unknown
            }
            // W₀ + p·(W₁ − W₀), the ballot's fraction applied last: 93/1,116 × 1,056.18 is 88.015 to the cent's half.
            Money expected = withoutWin.get().plus(new Money(ballotShareOf(row,
                    withWin.get().minus(withoutWin.get()).amount()), listing.currency())).minus(handling).minus(financing);
            BigDecimal onCapital = Rounding.divide(expected.amount(), money.amount());
            BigDecimal annualised = days == null ? null
                    : Rounding.divide(onCapital.multiply(DAYS_A_YEAR), BigDecimal.valueOf(days));
            gains.add(new Tier.Gain(ref, expected, onCapital, annualised));
        }
        return new Tier(source, p, oneLotChance, expectedShares, expectedLots, money, days, financing, handling,
                List.copyOf(gains));
    }

    /**
     * {@code amount × winners / outOf}, divided once and last: a ballot's fraction rounded to 34
     * digits first (1/12 as 0.08333…3) can take a half-cent figure below its half.
     */
    private static BigDecimal ballotShareOf(AllotmentBasisRow row, BigDecimal amount) {
        return row.winners() == 0 ? BigDecimal.ZERO
                : Rounding.divide(amount.multiply(BigDecimal.valueOf(row.winners())), BigDecimal.valueOf(row.outOf()));
    }

    /**
     * What an application pays up front: {@code shares × P_max × (1 + subscription charge rates)},
     * rounded half-up to the cent once, as the entrance fee is.
     */
    public static Money applicationMoney(Listing listing, FeeSchedule fees, long shares) {
        BigDecimal factor = BigDecimal.ONE.add(fees.rateSum(listing.exchange(), Side.SUBSCRIPTION, listing.listingDate()));
        return new Money(listing.applicationPrice().multiply(BigDecimal.valueOf(shares)).multiply(factor)
                .setScale(Rounding.MONEY_SCALE, RoundingMode.HALF_UP), listing.currency());
    }

    /**
     * {@code f × application money × r × days / 365}, half-up to the cent, paid whether or not
     * anything is allotted; 0 when nothing is financed; null when something is and the days are unknown.
     */
    static Money financingCost(Money applicationMoney, SubscriptionSettings settings, Integer days) {
        if (settings.financedFraction().signum() == 0 || settings.annualRate().signum() == 0) {
            return Money.zero(applicationMoney.currency());
        }
        if (days == null) {
            return null;
        }
        return new Money(settings.financedFraction().multiply(applicationMoney.amount()).multiply(settings.annualRate())
                .multiply(BigDecimal.valueOf(days)).divide(DAYS_A_YEAR, Rounding.MONEY_SCALE, RoundingMode.HALF_UP),
                applicationMoney.currency());
    }

    /** {@code net(n)} of fees.md: 0 for no shares; empty where the schedule does not cover the sale. */
    private static Optional<Money> net(Listing listing, FeeSchedule fees, long shares, ReferencePoint ref) {
        if (shares == 0) {
            return Optional.of(Money.zero(listing.currency()));
        }
        BigDecimal n = BigDecimal.valueOf(shares);
        return NetLotGain.of(fees, listing.exchange(), new Money(listing.offerPrice().multiply(n), listing.currency()),
                listing.listingDate(), new Money(ref.price().multiply(n), listing.currency()), ref.date())
                .map(NetLotGain::net);
    }
}
