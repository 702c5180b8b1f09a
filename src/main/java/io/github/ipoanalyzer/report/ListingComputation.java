package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.Standing;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Computes one listing of a report, in a partition on any thread or machine: its history is
 * read, its metrics and event study computed, its rows of every per-listing table rendered, and
 * what the report's assembly needs of it kept ({@link ListingPart}).
 */
final class ListingComputation {

    private final ReportInputs in;
    private final List<Section> sections;
    private final List<String> policies;

    ListingComputation(ReportInputs in, ReportSettings settings) {
        this.in = in;
        this.policies = settings.subscription().policies();
        this.sections = sections(in.study, settings.eventStudy().describe(), settings.eventStudy().describeBuyAndHold());
    }

    /** Listing {@code index} of the report's listing order, its series from the carry's first computed month on. */
    ListingPart listing(int index, SeriesCarry carry) {
        Listing listing = in.listings.get(index);
        AsOfInputs.Tally leftOut = new AsOfInputs.Tally();
        ListingHistory history = in.history(listing, leftOut);
        // Only the months not taken over are needed (the charts' listings are computed in full apart: ChartedListings).
        IpoAnalysis a = in.analyzer.analyse(history, carry.fromMonth().map(m -> m.atDay(1)).orElse(null));
        ListingFigures figures = new ListingFigures(a, in.study.study(a, history),
                in.analyzer.standing(history, a.firstDay()));
        List<RenderedRows> rows = new ArrayList<>();
        for (Section section : sections) {
            ListingRows sectionRows = section.table().blankRows(carry.fromMonth());
            section.rows().accept(sectionRows, figures);
            rows.add(sectionRows.rendered());
        }
        return new ListingPart(index, a.forCohorts(), SubscriberFigures.of(a, policies), figures.result().carValues(), figures.result().pathPoints(),
                leftOut, rows);
    }

    /** The per-listing tables, in the order of the report's files and of a {@link ListingPart}'s rows. */
    List<ListingTableSpec> tables() {
        return sections.stream().map(Section::table).toList();
    }

    /**
     * Each per-listing table with the rows one listing gives it, in the order of the report's files;
     * {@code studied} and {@code heldAndBought}: the settings of the abnormal returns and of the
     * buy-and-hold returns in words, named in every row of their files.
     */
    private static List<Section> sections(EventStudy study, String studied, String heldAndBought) {
        return List.of(
                new Section(ReportTables.now(), (t, l) -> l.standing().ifPresent(s -> ReportTables.addNow(t, s))),
                new Section(ReportTables.firstDay(), (t, l) -> ReportTables.addFirstDay(t, l.analysis())),
                new Section(SubscriptionTables.tiers(), (t, l) -> SubscriptionTables.addTiers(t, l.analysis())),
                new Section(ReportTables.lotGains(), (t, l) -> ReportTables.addLotGains(t, l.analysis())),
                new Section(ReportTables.lotCharges(), (t, l) -> ReportTables.addLotCharges(t, l.analysis())),
                new Section(ReportTables.marketValue(), (t, l) -> ReportTables.addMarketValue(t, l.analysis())),
                new Section(ReportTables.priceToSales(), (t, l) -> ReportTables.addPriceToSales(t, l.analysis())),
                new Section(ReportTables.capReconciliation(), (t, l) -> ReportTables.addCapReconciliation(t, l.analysis())),
                new Section(EventStudyTables.events(), (t, l) -> EventStudyTables.addEvents(t, l.result())),
                new Section(EventStudyTables.abnormalReturns(), (t, l) -> EventStudyTables.addAbnormalReturns(t, l.result(),
                        study.benchmarkOf(l.analysis().listing().ticker()), studied)),
                new Section(EventStudyTables.buyAndHold(), (t, l) -> EventStudyTables.addBuyAndHold(t, l.result(),
                        study.benchmarkOf(l.analysis().listing().ticker()), heldAndBought)));
    }

    /** One listing's analysis, event study and where it stands now (an IPO's). */
    private record ListingFigures(IpoAnalysis analysis, EventStudy.ListingResult result, Optional<Standing> standing) {
    }

    /** A per-listing table and how one listing's figures become its rows. */
    private record Section(ListingTableSpec table, BiConsumer<RowSink, ListingFigures> rows) {
    }
}
