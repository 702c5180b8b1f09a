package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The field's standard first-day statistics for one cohort (Ritter): number of IPOs with a
 * first-day return, equal-weighted mean and median, the proceeds-weighted mean
 * {@code Σ N·(C1 − P0) / Σ N·P0} (aggregate money left on the table over aggregate proceeds),
 * the count that doubled ({@code C1 ≥ 2·P0}) and the aggregates. The proceeds-weighted mean is
 * summed in the members' currency when they all trade in one (no conversion, nobody left out),
 * otherwise in CNY at the rate in force on each listing day; the aggregates are in CNY. An IPO
 * without such a rate is left out of the CNY figures, and the note names it and what it is
 * left out of.
 */
public record CohortStats(Cohort cohort, int n, BigDecimal meanFirstDayReturn, BigDecimal medianFirstDayReturn,
                          int doubled, int nInCny, BigDecimal proceedsWeightedReturn, Currency weightedIn, int nWeighted,
                          Money aggregateProceedsCny, Money aggregateMoneyLeftCny, String note) {

    public static CohortStats of(Cohort cohort, List<IpoAnalysis> members, FxRates rates) {
        List<BigDecimal> returns = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        int doubled = 0;
        int inCny = 0;
        Money proceeds = Money.zero(FxRates.CNY);
        Money left = Money.zero(FxRates.CNY);
        List<IpoAnalysis> withClose = members.stream().filter(a -> a.firstDayReturn().atClose() != null).toList();
        Set<Currency> currencies = withClose.stream().map(a -> a.listing().currency()).collect(Collectors.toSet());
        Currency common = currencies.size() == 1 ? currencies.iterator().next() : null;
        Money ownProceeds = common == null ? null : Money.zero(common);
        Money ownLeft = common == null ? null : Money.zero(common);
        for (IpoAnalysis a : members) {
            BigDecimal r = a.firstDayReturn().atClose();
            if (!a.listing().ipoStudied()) {
                leftOut.add(a.listing().nameEn() + " (no offer terms: its IPO is not studied)");
                continue;
            }
            if (r == null) {
                leftOut.add(a.listing().nameEn() + " (no first close)");
                continue;
            }
            returns.add(r);
            Listing l = a.listing();
            if (a.firstDay().close().compareTo(l.offerPrice().multiply(BigDecimal.valueOf(2))) >= 0) {
                doubled++;
            }
            if (common != null) {
                ownProceeds = ownProceeds.plus(a.proceeds().grossProceeds());
                ownLeft = ownLeft.plus(a.proceeds().moneyLeftOnTable());
            }
            Optional<FxRates.Conversion> p = rates.toCny(a.proceeds().grossProceeds(), l.listingDate());
            Optional<FxRates.Conversion> m = rates.toCny(a.proceeds().moneyLeftOnTable(), l.listingDate());
            if (p.isEmpty() || m.isEmpty()) {
                leftOut.add(l.nameEn() + " (no CNY/" + l.currency() + " rate on or before " + l.listingDate()
                        + (common == null ? ": not in the CNY figures nor the proceeds-weighted mean)"
                        : ": not in the CNY aggregates)"));
                continue;
            }
            inCny++;
            proceeds = proceeds.plus(p.get().converted());
            left = left.plus(m.get().converted());
        }
        BigDecimal mean = returns.isEmpty() ? null : Rounding.divide(sum(returns), BigDecimal.valueOf(returns.size()));
        BigDecimal weighted = common != null ? (withClose.isEmpty() ? null : ownLeft.dividedBy(ownProceeds))
                : inCny == 0 ? null : left.dividedBy(proceeds);
        return new CohortStats(cohort, returns.size(), mean, median(returns), doubled, inCny, weighted,
                common != null ? common : FxRates.CNY, common != null ? withClose.size() : inCny,
                inCny == 0 ? null : proceeds, inCny == 0 ? null : left,
                leftOut.isEmpty() ? null : "left out: " + String.join("; ", leftOut));
    }

    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid)
                : Rounding.divide(sorted.get(mid - 1).add(sorted.get(mid)), BigDecimal.valueOf(2));
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
