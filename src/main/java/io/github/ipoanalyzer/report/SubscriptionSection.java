package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.subscription.BreakIssue;
import io.github.ipoanalyzer.subscription.HkApplications;
import io.github.ipoanalyzer.subscription.PolicyBacktest;
import io.github.ipoanalyzer.subscription.ReferencePoint;
import io.github.ipoanalyzer.subscription.Tier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * index.html's part on the subscriber's decision (partial {@code subscription.mustache}): the
 * guaranteed lots, the policies' totals, the named cohorts' break-issue rates. Every value is
 * formatted here, as {@link IndexPage} formats it.
 */
final class SubscriptionSection {

    private SubscriptionSection() {
    }

    /** What the partial shows. */
    record Model(boolean hasGuaranteed, List<Row> guaranteed, List<Row> policies, boolean hasBreakIssue,
                 List<Row> breakIssue) {
    }

    /** A row: its text cells, then its figures. */
    record Row(List<String> texts, List<String> cells) {
    }

    static Model model(Labels t, List<IpoAnalysis> analyses, PolicyBacktest.Result backtest,
                       List<BreakIssue.Rate> rates) {
        List<Row> guaranteed = new ArrayList<>();
        for (IpoAnalysis a : analyses.stream().filter(a -> a.hk().isPresent()).toList()) {
            HkApplications hk = a.hk().orElseThrow();
            Tier one = hk.oneLot();
            List<String> cells = new ArrayList<>(List.of(IndexPage.percent(t, one.oneLotChance()).replace("+", ""),
                    t.money(one.applicationMoney()), gain(t, one)));
            if (hk.guaranteedLot() == null) {
                cells.addAll(List.of(t.get("none"), "", "", ""));
            } else {
                Tier g = hk.guaranteedLot();
                cells.addAll(List.of(t.format("sharesInPool", String.format(Locale.ROOT, "%,d", g.sharesApplied()), g.pool()),
                        t.money(g.applicationMoney()), gain(t, g), g.at(ReferencePoint.FIRST_CLOSE)
                                .map(x -> IndexPage.percent(t, x.returnOnCapital())).orElse(t.get("unknown"))));
            }
            cells.add(one.daysTiedUp() == null ? t.get("unknown") : String.valueOf(one.daysTiedUp()));
            guaranteed.add(new Row(List.of(a.listing().nameEn() + " (" + a.listing().ticker() + ")"), cells));
        }
        List<Row> policies = backtest.totals().stream().map(p -> new Row(List.of(p.cohort(), p.policy()), List.of(
                String.valueOf(p.applied()), String.valueOf(p.skipped()), amount(t, p.currency(), p.capital()),
                amount(t, p.currency(), p.expectedNet()),
                p.annualised() == null ? t.get("none") : IndexPage.percent(t, p.annualised())))).toList();
        List<Row> breakIssue = rates.stream().filter(r -> r.dimension().equals("cohort")).map(r -> new Row(
                List.of(r.group(), r.price()), List.of(String.valueOf(r.broke()), String.valueOf(r.n()),
                r.rate() == null ? t.get("unknown") : IndexPage.percent(t, r.rate()).replace("+", "")
                        + (r.note() == null ? "" : " (" + r.note() + ")")))).toList();
        return new Model(!guaranteed.isEmpty(), guaranteed, policies, !breakIssue.isEmpty(), breakIssue);
    }

    private static String gain(Labels t, Tier tier) {
        return tier.at(ReferencePoint.FIRST_CLOSE).map(g -> t.money(g.expectedNet())).orElse(t.get("unknown"));
    }

    private static String amount(Labels t, String currency, BigDecimal amount) {
        return amount == null || currency == null ? t.get("none") : t.money(new Money(amount, Currency.getInstance(currency)));
    }
}
