package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.subscription.BreakIssue;
import io.github.ipoanalyzer.subscription.HkApplications;
import io.github.ipoanalyzer.subscription.PolicyBacktest;
import io.github.ipoanalyzer.subscription.ReferencePoint;
import io.github.ipoanalyzer.subscription.Tier;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** index.html's part on the subscriber's decision: the guaranteed lots, the policies' totals, the named cohorts' break-issue rates. */
final class SubscriptionSection {

    private SubscriptionSection() {
    }

    static String html(List<IpoAnalysis> analyses, PolicyBacktest.Result backtest, List<BreakIssue.Rate> rates) {
        StringBuilder h = new StringBuilder();
        List<IpoAnalysis> hk = analyses.stream().filter(a -> a.hk().isPresent()).toList();
        if (!hk.isEmpty()) {
            h.append("<h3>The guaranteed lot (稳获一手)</h3>\n<p>From every row of the allotment results' basis of ")
                    .append("allotment (allotment-tiers.csv): the one-lot application, and the smallest application ")
                    .append("whose every applicant gets at least one lot, with the money it pays up front and its ")
                    .append("expected net gain at the first close.</p>\n<table>\n<tr><th>IPO</th>")
                    .append("<th>One lot: chance</th><th>One lot: money</th><th>One lot: expected net gain</th>")
                    .append("<th>Guaranteed lot</th><th>Money</th><th>Expected net gain</th><th>Return on money</th>")
                    .append("<th>Days tied up</th></tr>\n");
            for (IpoAnalysis a : hk) {
                HkApplications t = a.hk().orElseThrow();
                Tier one = t.oneLot();
                h.append("<tr><td>").append(IndexPage.html(a.listing().nameEn() + " (" + a.listing().ticker() + ")"))
                        .append("</td>").append(IndexPage.cell(IndexPage.percent(one.oneLotChance()).replace("+", "")))
                        .append(IndexPage.cell(IndexPage.money(one.applicationMoney())))
                        .append(IndexPage.cell(gain(one)));
                if (t.guaranteedLot() == null) {
                    h.append(IndexPage.cell("none")).append(IndexPage.cell("")).append(IndexPage.cell(""))
                            .append(IndexPage.cell(""));
                } else {
                    Tier g = t.guaranteedLot();
                    h.append(IndexPage.cell(String.format(Locale.ROOT, "%,d shares, pool %s", g.sharesApplied(), g.pool())))
                            .append(IndexPage.cell(IndexPage.money(g.applicationMoney()))).append(IndexPage.cell(gain(g)))
                            .append(IndexPage.cell(g.at(ReferencePoint.FIRST_CLOSE)
                                    .map(x -> IndexPage.percent(x.returnOnCapital())).orElse("unknown")));
                }
                h.append(IndexPage.cell(one.daysTiedUp() == null ? "unknown" : String.valueOf(one.daysTiedUp())))
                        .append("</tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h3>What a policy of applying would have earned</h3>\n<p>Each policy applied to every listing of each ")
                .append("cohort (policy-backtest.csv, with every listing and why one was skipped): expected net gain ")
                .append("at the first close, and its return on capital-days annualised (simple, ACT/365). A-share ")
                .append("applications tie up no cash.</p>\n<table>\n<tr><th>Cohort</th><th>Policy</th>")
                .append("<th>Applied</th><th>Skipped</th><th>Capital</th><th>Expected net gain</th>")
                .append("<th>Annualised on capital-days</th></tr>\n");
        for (PolicyBacktest.Total t : backtest.totals()) {
            h.append("<tr><td>").append(IndexPage.html(t.cohort())).append("</td><td>").append(IndexPage.html(t.policy()))
                    .append("</td>").append(IndexPage.cell(String.valueOf(t.applied())))
                    .append(IndexPage.cell(String.valueOf(t.skipped())))
                    .append(IndexPage.cell(amount(t.currency(), t.capital())))
                    .append(IndexPage.cell(amount(t.currency(), t.expectedNet())))
                    .append(IndexPage.cell(t.annualised() == null ? "none" : IndexPage.percent(t.annualised())))
                    .append("</tr>\n");
        }
        h.append("</table>\n");
        List<BreakIssue.Rate> cohorts = rates.stream().filter(r -> r.dimension().equals("cohort")).toList();
        if (!cohorts.isEmpty()) {
            h.append("<h3>Break-issue rates of the named cohorts</h3>\n<p>The share of listings whose price was below ")
                    .append("the offer price (break-issue.csv has them per exchange, board, year and subscription ")
                    .append("multiple).</p>\n<table>\n<tr><th>Cohort</th><th>At</th><th>Broke issue</th><th>n</th>")
                    .append("<th>Rate</th></tr>\n");
            for (BreakIssue.Rate r : cohorts) {
                h.append("<tr><td>").append(IndexPage.html(r.group())).append("</td><td>").append(IndexPage.html(r.price()))
                        .append("</td>").append(IndexPage.cell(String.valueOf(r.broke())))
                        .append(IndexPage.cell(String.valueOf(r.n())))
                        .append(IndexPage.cell(r.rate() == null ? "unknown" : IndexPage.percent(r.rate()).replace("+", "")
                                + (r.note() == null ? "" : " (" + r.note() + ")"))).append("</tr>\n");
            }
            h.append("</table>\n");
        }
        return h.toString();
    }

    private static String gain(Tier t) {
        return t.at(ReferencePoint.FIRST_CLOSE).map(g -> IndexPage.money(g.expectedNet())).orElse("unknown");
    }

    private static String amount(String currency, BigDecimal amount) {
        return amount == null || currency == null ? "none"
                : IndexPage.money(new io.github.ipoanalyzer.money.Money(amount, java.util.Currency.getInstance(currency)));
    }
}
