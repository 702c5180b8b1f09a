package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.LotGain;
import io.github.ipoanalyzer.market.CohortMember;
import io.github.ipoanalyzer.subscription.BreakIssue;
import io.github.ipoanalyzer.subscription.PolicyBacktest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.ipoanalyzer.report.Cells.bool;
import static io.github.ipoanalyzer.report.Cells.fraction;
import static io.github.ipoanalyzer.report.Cells.money;
import static io.github.ipoanalyzer.report.Cells.text;
import static io.github.ipoanalyzer.report.Cells.whole;

/**
 * The subscriber's figures over many listings, written once the listings are gathered: the
 * policy back-test (policy-backtest.csv) and the break-issue rates (break-issue.csv).
 */
final class SubscriptionReport {

    private SubscriptionReport() {
    }

    /** Every listing, then each named cohort of cohorts.csv, with its tickers. */
    static Map<String, List<String>> cohorts(List<IpoAnalysis> summaries, List<CohortMember> members) {
        Map<String, List<String>> cohorts = new LinkedHashMap<>();
        cohorts.put("all", summaries.stream().map(a -> a.listing().ticker()).toList());
        cohorts.putAll(named(members, summaries));
        return cohorts;
    }

    private static Map<String, List<String>> named(List<CohortMember> members, List<IpoAnalysis> summaries) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        io.github.ipoanalyzer.eventstudy.Cohort.named(members, summaries.stream().map(a -> a.listing().ticker()).toList())
                .forEach(c -> named.put(c.name(), c.tickers()));
        return named;
    }

    /** {@code subscribers}: each summary's subscriber figures, in the same order. */
    static PolicyBacktest.Result backtest(List<IpoAnalysis> summaries, List<SubscriberFigures> subscribers,
                                          List<CohortMember> members, List<String> policies) {
        List<PolicyBacktest.Listed> listed = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            IpoAnalysis a = summaries.get(i);
            if (a.listing().ipoStudied()) {
                listed.add(new PolicyBacktest.Listed(a.listing(), subscribers.get(i).choices(),
                        a.firstDayReturn().brokeAtClose()));
            }
        }
        return PolicyBacktest.run(listed, cohorts(summaries, members), policies);
    }

    static List<BreakIssue.Rate> breakIssue(List<IpoAnalysis> summaries, List<SubscriberFigures> subscribers,
                                            List<CohortMember> members) {
        List<BreakIssue.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            IpoAnalysis a = summaries.get(i);
            SubscriberFigures s = subscribers.get(i);
            if (a.listing().ipoStudied()) {
                outcomes.add(new BreakIssue.Outcome(a.listing().ticker(), a.listing().exchange(), a.listing().board(),
                        a.listing().listingDate().getYear(), s.subscriptionMultiple(), a.listing().offerPrice(),
                        a.firstDay().open(), a.firstDay().close(), s.latestClose()));
            }
        }
        return BreakIssue.rates(outcomes, named(members, summaries));
    }

    static CsvTable policyTable(Path folder, PolicyBacktest.Result result) {
        CsvTable table = new CsvTable(folder, "policy-backtest.csv", "What each policy of applying would have earned over "
                + "each cohort: per listing the application made or why it was skipped, its capital, days tied up and "
                + "expected net gain at the first close; per cohort, policy and currency the totals and the return on "
                + "capital-days annualised (simple, ACT/365)",
                List.of("cohort", "policy", "row", "ticker", "currency", "application", "applied", "skipped",
                        "capital", "days_tied_up", "capital_days", "expected_net_gain_at_first_close",
                        "annualised_return_on_capital_days_fraction", "broke_issue_at_first_close", "source_row",
                        "skip_reason"));
        for (PolicyBacktest.Applied a : result.rows()) {
            table.add(List.of(text(a.cohort()), a.policy(), "listing", text(a.listing().ticker()),
                    a.listing().currency().getCurrencyCode(), text(a.application()), a.skipped() == null ? "1" : "0",
                    a.skipped() == null ? "0" : "1", money(a.capital()), whole(a.days()),
                    money(a.capitalDays(), a.listing().currency()),
                    money(a.expectedNet()), "", bool(a.brokeAtClose()), text(a.source()), text(a.skipped())));
        }
        for (PolicyBacktest.Total t : result.totals()) {
            // Capital-days are amounts of the currency times days: written to its minor unit too.
            java.util.Currency currency = t.currency() == null ? null : java.util.Currency.getInstance(t.currency());
            table.add(List.of(text(t.cohort()), t.policy(), "total", "", t.currency() == null ? "" : t.currency(), "",
                    whole(t.applied()), whole(t.skipped()), money(t.capital(), currency), "",
                    money(t.capitalDays(), currency), money(t.expectedNet(), currency), fraction(t.annualised()), "", "",
                    ""));
        }
        return table;
    }

    static CsvTable breakIssueTable(Path folder, List<BreakIssue.Rate> rates) {
        CsvTable table = new CsvTable(folder, "break-issue.csv", "Break-issue rates: the share of listings whose first "
                + "open, first close or latest close is below the offer price, per exchange, board, listing year, "
                + "subscription-multiple band and named cohort, each with its n (marked below " + BreakIssue.MIN_N + ")",
                List.of("dimension", "group", "price", "n", "broke_issue", "rate_fraction", "note"));
        List<List<String>> rows = new ArrayList<>();
        for (BreakIssue.Rate r : rates) {
            rows.add(List.of(r.dimension(), text(r.group()), r.price(), whole(r.n()), whole(r.broke()), fraction(r.rate()),
                    text(r.note())));
        }
        rows.forEach(table::add);
        return table;
    }
}
