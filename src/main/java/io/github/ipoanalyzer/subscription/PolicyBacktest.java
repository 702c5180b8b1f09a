package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a policy of applying would have earned over each cohort (subscription.md): per listing the
 * application the policy makes (or why it skips the listing), its capital, days and expected net
 * gain at the first close; per cohort, policy and currency the totals and the return on
 * capital-days annualised, {@code Σ net × 365 / Σ (capital × days)}.
 */
public final class PolicyBacktest {

    public static final String ONE_LOT = "one-lot";
    public static final String GUARANTEED_LOT = "guaranteed-lot";
    public static final String TOP_OF_POOL_A = "top-of-pool-A";
    public static final String CAP = "cap";
    public static final List<String> POLICIES = List.of(ONE_LOT, GUARANTEED_LOT, TOP_OF_POOL_A, CAP);

    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);

    /**
     * A listing as the back-test sees it: what each policy would apply for ({@link #choices}) and
     * whether its first close broke issue. Worked out where the listing is computed, so that the
     * back-test over many listings needs no more of them.
     */
    public record Listed(Listing listing, List<Choice> choices, Boolean brokeAtClose) {
    }

    /**
     * What one policy applies for in one listing ({@code skipped} null) or why it does not;
     * {@code capital} null for an A-share application (no cash up front).
     */
    public record Choice(String policy, String application, Money capital, Integer days, Money expectedNet,
                         String source, String skipped) {

        static Choice skip(String policy, String reason) {
            return new Choice(policy, null, null, null, null, null, reason);
        }
    }

    /**
     * One listing under one policy: the application made ({@code skipped} null) or the reason it
     * was not; {@code capital} null for an A-share application (no cash up front), and so its
     * capital-days.
     */
    public record Applied(String cohort, String policy, Listing listing, String application, Money capital,
                          Integer days, BigDecimal capitalDays, Money expectedNet, Boolean brokeAtClose, String source,
                          String skipped) {
    }

    /** A cohort's total under one policy in one currency; {@code annualised} null without capital-days. */
    public record Total(String cohort, String policy, String currency, int applied, int skipped, BigDecimal capital,
                        BigDecimal capitalDays, BigDecimal expectedNet, BigDecimal annualised) {
    }

    public record Result(List<Applied> rows, List<Total> totals) {
    }

    private PolicyBacktest() {
    }

    /** {@code cohorts}: each cohort's tickers, in report order. */
    public static Result run(List<Listed> listings, Map<String, List<String>> cohorts, List<String> policies) {
        List<Applied> rows = new ArrayList<>();
        List<Total> totals = new ArrayList<>();
        cohorts.forEach((cohort, tickers) -> {
            for (String policy : policies) {
                List<Applied> ofPolicy = listings.stream().filter(l -> tickers.contains(l.listing().ticker()))
                        .map(l -> applied(cohort, policy, l)).toList();
                rows.addAll(ofPolicy);
                totals.addAll(totals(cohort, policy, ofPolicy));
            }
        });
        return new Result(rows, totals);
    }

    private static Applied applied(String cohort, String policy, Listed l) {
        Choice c = l.choices().stream().filter(choice -> choice.policy().equals(policy)).findFirst()
                .orElse(Choice.skip(policy, "not worked out for this listing"));
        return new Applied(cohort, policy, l.listing(), c.application(), c.capital(), c.days(),
                c.capital() == null || c.days() == null ? null
                        : c.capital().amount().multiply(BigDecimal.valueOf(c.days())),
                c.expectedNet(), l.brokeAtClose(), c.source(), c.skipped());
    }

    /** What each of {@code policies} applies for in a listing with these subscriber figures (null: none). */
    public static List<Choice> choices(Subscription subscription, List<String> policies) {
        return policies.stream().map(policy -> choice(policy, Optional.ofNullable(subscription))).toList();
    }

    static Choice choice(String policy, Optional<Subscription> s) {
        if (policy.equals(CAP)) {
            Optional<AShareApplication> a = s.flatMap(Subscription::aShare);
            if (a.isEmpty()) {
                return Choice.skip(policy, "no A-share subscription cap in offers.csv");
            }
            if (a.get().expectedNet() == null) {
                return Choice.skip(policy, "lottery rate or net gain of a lot at the first close unknown");
            }
            return new Choice(policy, a.get().lots() + " 签" + (a.get().atCap() ? " (cap)" : ""), null, null,
                    a.get().expectedNet(), "offers.csv, allotments.csv", null);
        }
        Optional<HkApplications> hk = s.flatMap(Subscription::hk);
        if (hk.isEmpty()) {
            return Choice.skip(policy, "no basis-of-allotment table in allotment-basis.csv");
        }
        Optional<Tier> tier = switch (policy) {
            case ONE_LOT -> Optional.of(hk.get().oneLot());
            case GUARANTEED_LOT -> hk.get().guaranteed();
            case TOP_OF_POOL_A -> hk.get().tiers().stream().filter(t -> t.pool().equals("A"))
                    .max(Comparator.comparingLong(Tier::sharesApplied));
            default -> throw new IllegalArgumentException("unknown policy " + policy);
        };
        if (tier.isEmpty()) {
            return Choice.skip(policy, policy.equals(GUARANTEED_LOT) ? "no row gives every applicant a lot"
                    : "no pool A row");
        }
        Tier t = tier.get();
        Optional<Tier.Gain> gain = t.at(ReferencePoint.FIRST_CLOSE);
        if (t.daysTiedUp() == null) {
            return Choice.skip(policy, "days tied up unknown: no application close or refund date in offers.csv");
        }
        if (gain.isEmpty()) {
            return Choice.skip(policy, "expected net gain at the first close unknown");
        }
        return new Choice(policy, t.sharesApplied() + " shares, pool " + t.pool(), t.applicationMoney(), t.daysTiedUp(),
                gain.get().expectedNet(), t.source().where(), null);
    }

    /** One total per currency of the listings applied to; the skipped are counted in each (or alone, where none applied). */
    private static List<Total> totals(String cohort, String policy, List<Applied> rows) {
        int skipped = (int) rows.stream().filter(r -> r.skipped() != null).count();
        Map<String, List<Applied>> byCurrency = new TreeMap<>();
        rows.stream().filter(r -> r.skipped() == null)
                .forEach(r -> byCurrency.computeIfAbsent(r.expectedNet().currency().getCurrencyCode(),
                        c -> new ArrayList<>()).add(r));
        if (byCurrency.isEmpty()) {
            return List.of(new Total(cohort, policy, null, 0, skipped, null, null, null, null));
        }
        List<Total> totals = new ArrayList<>();
        byCurrency.forEach((currency, applied) -> {
            BigDecimal net = applied.stream().map(r -> r.expectedNet().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean cash = applied.stream().allMatch(r -> r.capital() != null);
            BigDecimal capital = cash ? applied.stream().map(r -> r.capital().amount()).reduce(BigDecimal.ZERO,
                    BigDecimal::add) : null;
            BigDecimal capitalDays = cash ? applied.stream().map(Applied::capitalDays).reduce(BigDecimal.ZERO,
                    BigDecimal::add) : null;
            BigDecimal annualised = capitalDays == null || capitalDays.signum() == 0 ? null
                    : Rounding.divide(net.multiply(DAYS_A_YEAR), capitalDays);
            totals.add(new Total(cohort, policy, currency, applied.size(), skipped, capital, capitalDays, net, annualised));
        });
        return totals;
    }
}
