package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.market.AllotmentBasisRow;
import io.github.ipoanalyzer.market.OfferFacts;
import io.github.ipoanalyzer.subscription.AShareApplication;
import io.github.ipoanalyzer.subscription.HkApplications;
import io.github.ipoanalyzer.subscription.ReferencePoint;
import io.github.ipoanalyzer.subscription.Subscription;
import io.github.ipoanalyzer.subscription.Tier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.github.ipoanalyzer.report.Cells.bool;
import static io.github.ipoanalyzer.report.Cells.date;
import static io.github.ipoanalyzer.report.Cells.fraction;
import static io.github.ipoanalyzer.report.Cells.money;
import static io.github.ipoanalyzer.report.Cells.odds;
import static io.github.ipoanalyzer.report.Cells.text;
import static io.github.ipoanalyzer.report.Cells.whole;

/** The subscriber's figures (report.md, "The subscriber's decision"): every allotment tier, and the first-day columns. */
final class SubscriptionTables {

    /** first-day.csv's columns of the HK allotment table, before its note. */
    static final List<String> FIRST_DAY_COLUMNS = List.of("one_lot_table_chance_fraction",
            "one_lot_table_application_money", "one_lot_table_expected_net_gain_at_close", "guaranteed_lot_shares",
            "guaranteed_lot_pool", "guaranteed_lot_application_money", "guaranteed_lot_expected_net_gain_at_close",
            "guaranteed_lot_return_on_capital_at_close_fraction", "regime", "public_tranche_initial_shares",
            "public_tranche_final_shares", "application_close", "refund_date", "days_tied_up", "a_share_lots_applied",
            "a_share_expected_lots_won", "a_share_expected_net_gain_at_close", "a_share_market_value_required",
            "a_share_expected_net_gain_per_10000_market_value");

    private SubscriptionTables() {
    }

    static TableSpec tiers() {
        List<String> header = new ArrayList<>(List.of("ticker", "pool", "shares_applied", "valid_applications", "basis",
                "guaranteed_shares", "winners", "out_of", "extra_shares", "ballot_chance_fraction",
                "one_lot_chance_fraction", "expected_shares", "expected_lots", "currency", "application_money",
                "days_tied_up", "financing_cost", "handling_fee"));
        for (String ref : ReferencePoint.NAMES) {
            header.add("expected_net_gain_at_" + ref);
            header.add("return_on_capital_at_" + ref + "_fraction");
            header.add("annualised_return_at_" + ref + "_fraction");
        }
        header.addAll(List.of("guaranteed_lot", "source_row"));
        return new TableSpec("allotment-tiers.csv", "Every application size of each HK allotment table: the chance of at "
                + "least one lot, the expected shares and lots, the money paid up front, the expected net gain and return "
                + "on that money at the first open, first close and grey-market close (annualised over the days tied "
                + "up, simple ACT/365), and the input row it came from", header);
    }

    static void addTiers(RowSink table, IpoAnalysis a) {
        Optional<HkApplications> hk = a.hk();
        if (hk.isEmpty()) {
            return;
        }
        for (Tier t : hk.get().tiers()) {
            AllotmentBasisRow r = t.source().row();
            List<String> row = new ArrayList<>(List.of(text(r.ticker()), r.pool(), whole(r.sharesApplied()),
                    whole(r.validApplications()), text(r.basis()), whole(r.guaranteedShares()), whole(r.winners()),
                    whole(r.outOf()), whole(r.extraShares()), odds(t.ballotChance()), odds(t.oneLotChance()),
                    fraction(t.expectedShares()), fraction(t.expectedLots()),
                    t.applicationMoney().currency().getCurrencyCode(), money(t.applicationMoney()), whole(t.daysTiedUp()),
                    money(t.financingCost()), money(t.handlingFee())));
            for (String ref : ReferencePoint.NAMES) {
                Optional<Tier.Gain> g = t.at(ref);
                row.add(money(g.map(Tier.Gain::expectedNet).orElse(null)));
                row.add(fraction(g.map(Tier.Gain::returnOnCapital).orElse(null)));
                row.add(fraction(g.map(Tier.Gain::annualisedReturn).orElse(null)));
            }
            row.add(bool(t == hk.get().guaranteedLot()));
            row.add(text(t.source().where()));
            table.add(row);
        }
    }

    static List<String> firstDayCells(IpoAnalysis a) {
        Optional<Tier> one = a.hk().map(HkApplications::oneLot);
        Optional<Tier> g = a.hk().flatMap(HkApplications::guaranteed);
        Optional<Tier.Gain> gAtClose = g.flatMap(t -> t.at(ReferencePoint.FIRST_CLOSE));
        BigDecimal oneLotChance = one.map(Tier::oneLotChance).orElse(null);
        Optional<OfferFacts> offer = Optional.ofNullable(a.subscription()).flatMap(Subscription::offerFacts);
        Optional<AShareApplication> aShare = Optional.ofNullable(a.subscription()).flatMap(Subscription::aShare);
        List<String> cells = new ArrayList<>(List.of(odds(oneLotChance), money(one.map(Tier::applicationMoney).orElse(null)),
                money(one.flatMap(t -> t.at(ReferencePoint.FIRST_CLOSE)).map(Tier.Gain::expectedNet).orElse(null)),
                whole(g.map(Tier::sharesApplied).orElse(null)), text(g.map(Tier::pool).orElse(null)),
                money(g.map(Tier::applicationMoney).orElse(null)), money(gAtClose.map(Tier.Gain::expectedNet).orElse(null)),
                fraction(gAtClose.map(Tier.Gain::returnOnCapital).orElse(null))));
        cells.addAll(List.of(text(offer.map(OfferFacts::regime).orElse(null)),
                whole(offer.map(OfferFacts::publicTrancheInitial).orElse(null)),
                whole(offer.map(OfferFacts::publicTrancheFinal).orElse(null)),
                date(offer.map(OfferFacts::applicationClose).orElse(null)),
                date(offer.map(OfferFacts::refundDate).orElse(null)), whole(offer.map(OfferFacts::daysTiedUp).orElse(null)),
                whole(aShare.map(AShareApplication::lots).orElse(null)),
                odds(aShare.map(AShareApplication::expectedLotsWon).orElse(null)),
                money(aShare.map(AShareApplication::expectedNet).orElse(null)),
                money(aShare.map(AShareApplication::marketValueRequired).orElse(null)),
                money(aShare.map(AShareApplication::expectedNetPer10000).orElse(null))));
        return cells;
    }
}
