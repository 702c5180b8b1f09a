package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What changed between two reports' now.csv rows and which lock-ups of events.csv end soon,
 * on rows written as the report writes them; every expected row worked out by hand.
 */
class ChangesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 12);
    private static final PreviousReport.Lookup NONE = new PreviousReport.Lookup(PreviousReport.Found.NONE, null, null,
            null, null);

    @Test
    void aListingBackAboveItsOfferPriceRecoveredItAndAMilestoneAfterThePreviousDataIsCrossedSince() {
        // The previous report saw Biren below its offer of 19.60 at 19.00 on 01-05; now 21.56 on 01-09, 21.56 / 19.60 − 1 = +10%.
        PreviousReport previous = new PreviousReport("2026-01-06_run-000003", LocalDate.of(2026, 1, 6),
                List.of(now("6082.HK", "19.00", "2026-01-05", "-0.030612", "true", "2026-01-05")), List.of());
        List<Changes.Change> changes = Changes.between(Changes.ENGLISH, previous,
                List.of(now("6082.HK", "21.56", "2026-01-09", "0.100000", "false", "2026-01-09")),
                List.of(event("6082.HK", "2026-01-05", "", "market value milestone", "market value crossed CNY 40 billion"),
                        event("6082.HK", "2026-01-07", "", "market value milestone", "market value crossed CNY 50 billion")),
                AS_OF);

        assertEquals(List.of(
                new Changes.Change("6082.HK", "Biren", Changes.NEW_CLOSE, LocalDate.of(2026, 1, 9), "19.00",
                        LocalDate.of(2026, 1, 5), "21.56", "HKD", "19.60", "0.100000", "2026-01-06_run-000003",
                        "new close HKD 21.56 on 2026-01-09, +10.00% since the offer (was 19.00 on 2026-01-05)"),
                new Changes.Change("6082.HK", "Biren", Changes.RECOVERED_ISSUE, LocalDate.of(2026, 1, 9), "19.00",
                        LocalDate.of(2026, 1, 5), "21.56", "HKD", "19.60", "0.100000", "2026-01-06_run-000003",
                        "recovered the offer price of HKD 19.60: closed at HKD 21.56 on 2026-01-09, +10.00% since the "
                                + "offer (was 19.00 on 2026-01-05, below)"),
                // The 40 billion crossing of 01-05 was in the previous report's data (it ended on 01-05): not new.
                new Changes.Change("6082.HK", "Biren", Changes.MILESTONE, LocalDate.of(2026, 1, 7), "", null, "", "",
                        "", "", "2026-01-06_run-000003", "market value crossed CNY 50 billion on 2026-01-07")), changes);
    }

    /**
     * A published figure that changes without a later close: the latest close corrected, taken
     * away (rejected with a conflicting row, a row deleted), or the listing gone. Each is said.
     */
    @Test
    void aCloseRevisedOrWithdrawnAndAListingGoneAreChangesToo() {
        Map<String, String> iluvatar = now("9903.HK", "156.80", "2026-01-08", "0.084371", "false", "2026-01-08");
        iluvatar.put("name_en", "Iluvatar CoreX");
        iluvatar.put("offer_price", "144.60");
        Map<String, String> metax = now("688802.SH", "829.90", "2026-01-05", "6.929486", "false", "2026-01-05");
        metax.put("name_en", "MetaX");
        metax.put("currency", "CNY");
        metax.put("offer_price", "104.66");
        PreviousReport previous = new PreviousReport("2026-01-09_run-000004", LocalDate.of(2026, 1, 9), List.of(
                now("6082.HK", "21.56", "2026-01-09", "0.100000", "false", "2026-01-09"), iluvatar, metax), List.of());
        // Biren's close of 01-09 corrected to 20.58 (20.58 / 19.60 − 1 = +5%); Iluvatar's close of 01-08 gone,
        // its latest now 01-07's 150.00 (150.00 / 144.60 − 1 = +3.73%); MetaX no longer in listings.csv.
        Map<String, String> iluvatarNow = now("9903.HK", "150.00", "2026-01-07", "0.037344", "false", "2026-01-08");
        iluvatarNow.put("name_en", "Iluvatar CoreX");
        iluvatarNow.put("offer_price", "144.60");
        List<Changes.Change> changes = Changes.between(Changes.ENGLISH, previous, List.of(
                now("6082.HK", "20.58", "2026-01-09", "0.050000", "false", "2026-01-09"), iluvatarNow), List.of(), AS_OF);

        assertEquals(List.of(
                new Changes.Change("688802.SH", "MetaX", Changes.LISTING_GONE, null, "829.90", LocalDate.of(2026, 1, 5),
                        "", "CNY", "104.66", "", "2026-01-09_run-000004", "no longer in the report (was 829.90 on 2026-01-05): "
                        + "its row in listings.csv was removed, changed or rejected (rejects.csv)"),
                new Changes.Change("9903.HK", "Iluvatar CoreX", Changes.CLOSE_WITHDRAWN, LocalDate.of(2026, 1, 8),
                        "156.80", LocalDate.of(2026, 1, 8), "150.00", "HKD", "144.60", "0.037344", "2026-01-09_run-000004",
                        "the close of 2026-01-08 (156.80) is no longer in the data: its row was removed, or rejected "
                                + "with a row it conflicts with (rejects.csv); latest close now HKD 150.00 on 2026-01-07, +3.73% since "
                                + "the offer"),
                new Changes.Change("6082.HK", "Biren", Changes.REVISED_CLOSE, LocalDate.of(2026, 1, 9), "21.56",
                        LocalDate.of(2026, 1, 9), "20.58", "HKD", "19.60", "0.050000", "2026-01-09_run-000004",
                        "the close of 2026-01-09 was revised: now HKD 20.58 on 2026-01-09, +5.00% since the offer "
                                + "(was 21.56 on 2026-01-09)")), changes);
    }

    @Test
    void aWithdrawnCloseBelowTheOfferIsNoRecoveryAndThePageShowsItBeforeTheNewCloses() {
        // Biren was below its offer of 19.60 at 19.00 on 01-09; that close is gone, 01-08's 20.00 is the latest.
        PreviousReport previous = new PreviousReport("2026-01-09_run-000004", LocalDate.of(2026, 1, 9), List.of(
                now("6082.HK", "19.00", "2026-01-09", "-0.030612", "true", "2026-01-09"),
                now("2513.HK", "100.00", "2026-01-08", "0.100000", "false", "2026-01-08")), List.of());
        List<Changes.Change> changes = Changes.between(Changes.ENGLISH, previous, List.of(
                now("6082.HK", "20.00", "2026-01-08", "0.020408", "false", "2026-01-09"),
                now("2513.HK", "101.00", "2026-01-09", "0.111000", "false", "2026-01-09")), List.of(), AS_OF);

        assertEquals(List.of("6082.HK close_withdrawn", "2513.HK new_close"),
                changes.stream().map(c -> c.ticker() + " " + c.kind()).toList());
        // Handed to the page with the new close first, it shows the withdrawal first.
        Changes.Page page = Changes.page(new PreviousReport.Lookup(PreviousReport.Found.REPORT, previous,
                "2026-01-09_run-000004", LocalDate.of(2026, 1, 9), null), List.of(changes.get(1), changes.get(0)));
        assertEquals(List.of(true, false), page.rows().stream().map(Changes.Line::closeWithdrawn).toList());
    }

    @Test
    void aFirstCloseBelowTheOfferBrokeIssue() {
        // The previous report had Biren listed but no close yet; now 18.62 on 01-05, 18.62 / 19.60 − 1 = −5%.
        PreviousReport previous = new PreviousReport("2026-01-03_run-000002", LocalDate.of(2026, 1, 3),
                List.of(now("6082.HK", "", "", "", "", "2026-01-02")), List.of());
        List<Changes.Change> changes = Changes.between(Changes.ENGLISH, previous,
                List.of(now("6082.HK", "18.62", "2026-01-05", "-0.050000", "true", "2026-01-05")), List.of(), AS_OF);

        assertEquals(List.of(Changes.NEW_CLOSE, Changes.BROKE_ISSUE), changes.stream().map(Changes.Change::kind).toList());
        assertEquals("broke issue: its first close, HKD 18.62 on 2026-01-05, -5.00% since the offer, is below the offer "
                + "price of HKD 19.60", changes.get(1).description());
    }

    @Test
    void aChineseReportWordsEachChangeInChineseFromTheSameFigures() {
        PreviousReport previous = new PreviousReport("2026-01-06_run-000003", LocalDate.of(2026, 1, 6),
                List.of(now("6082.HK", "19.00", "2026-01-05", "-0.030612", "true", "2026-01-05")), List.of());
        List<Changes.Change> changes = Changes.between(Labels.of(Language.ZH), previous,
                List.of(now("6082.HK", "21.56", "2026-01-09", "0.100000", "false", "2026-01-09")),
                List.of(event("6082.HK", "2026-01-07", "", "market value milestone", "market value crossed CNY 50 billion"),
                        event("6082.HK", "2026-02-11", "", "lock-up expiry", "1-month lock-up of A ends")),
                AS_OF);

        assertEquals(List.of(
                "新收盘 HKD 21.56（2026-01-09），较发行价 +10.00%；此前 19.00（2026-01-05）",
                "回到发行价 HKD 19.60 之上：收盘 HKD 21.56（2026-01-09），较发行价 +10.00%；此前 19.00（2026-01-05），当时破发",
                // Words of the input (events.csv) stay as given; the date and the days to go are worded.
                "market value crossed CNY 50 billion（2026-01-07）",
                "1-month lock-up of A ends：2026-02-11 结束，报告日后 30 天"),
                changes.stream().map(Changes.Change::description).toList());
        // The same figures as in English: only the words differ.
        assertEquals(Changes.between(Changes.ENGLISH, previous,
                        List.of(now("6082.HK", "21.56", "2026-01-09", "0.100000", "false", "2026-01-09")), List.of(), AS_OF)
                        .stream().map(c -> c.close() + " " + c.returnSinceOffer() + " " + c.previousClose()).toList(),
                changes.subList(0, 2).stream().map(c -> c.close() + " " + c.returnSinceOffer() + " " + c.previousClose())
                        .toList());
    }

    @Test
    void aListingNotInThePreviousReportIsNewAndItsMilestonesAfterThatReportsDataAreToo() {
        PreviousReport previous = new PreviousReport("2026-01-06_run-000003", LocalDate.of(2026, 1, 6),
                List.of(now("6082.HK", "19.00", "2026-01-05", "-0.030612", "true", "2026-01-05")), List.of());
        Map<String, String> iluvatar = now("9903.HK", "156.80", "2026-01-08", "0.084371", "false", "2026-01-08");
        iluvatar.put("name_en", "Iluvatar CoreX");
        iluvatar.put("offer_price", "144.60");
        iluvatar.put("listing_date", "2026-01-08");
        List<Changes.Change> changes = Changes.between(Changes.ENGLISH, previous,
                List.of(now("6082.HK", "19.00", "2026-01-05", "-0.030612", "true", "2026-01-05"), iluvatar),
                List.of(event("9903.HK", "2026-01-08", "", "market value milestone", "market value crossed CNY 10 billion")),
                AS_OF);

        assertEquals(List.of(Changes.NEW_LISTING, Changes.MILESTONE), changes.stream().map(Changes.Change::kind).toList());
        assertEquals("Iluvatar CoreX listed on 2026-01-08 at an offer price of HKD 144.60; latest close HKD 156.80 on "
                + "2026-01-08, +8.44% since the offer", changes.get(0).description());
        assertEquals(LocalDate.of(2026, 1, 8), changes.get(1).date());
    }

    @Test
    void withoutAPreviousReportOnlyTheLockUpsEndingFromTheAsOfDayTo30DaysAfterItAreListed() {
        List<Changes.Change> changes = Changes.between(Changes.ENGLISH, null,
                List.of(now("6082.HK", "21.56", "2026-01-09", "0.100000", "false", "2026-01-09")),
                List.of(event("6082.HK", "2026-02-11", "", "lock-up expiry", "1-month lock-up of A ends"),
                        // Moved from Saturday 02-07 to Monday 02-09: it ends on the day it was set for.
                        event("6082.HK", "2026-02-09", "2026-02-07", "lock-up expiry", "1-month lock-up of B ends"),
                        event("6082.HK", "2026-01-12", "", "cornerstone lock-up end", "lock-up of the cornerstone investors' shares ends"),
                        event("6082.HK", "2026-01-11", "", "lock-up expiry", "ended the day before"),
                        // 01-12 + 31 days = 02-12: one day too late.
                        event("6082.HK", "2026-02-12", "", "lock-up expiry", "31 days after"),
                        event("6082.HK", "2026-01-09", "", "market value milestone", "market value crossed CNY 50 billion")),
                AS_OF);

        assertEquals(List.of(
                "2026-01-12 lock-up of the cornerstone investors' shares ends on 2026-01-12, the as-of day",
                "2026-02-07 1-month lock-up of B ends on 2026-02-07, 26 days after the as-of day",
                "2026-02-11 1-month lock-up of A ends on 2026-02-11, 30 days after the as-of day"),
                changes.stream().map(c -> c.date() + " " + c.description()).toList());
        assertEquals(List.of(Changes.LOCKUP_ENDING), changes.stream().map(Changes.Change::kind).distinct().toList());
        assertEquals("", changes.get(0).comparedWith());
    }

    @Test
    void thePageSaysWhatWasComparedAndWordsEachKind() {
        String page = IndexPage.render(Labels.of(Language.EN), AS_OF, List.of(), List.of(), null,
                new io.github.ipoanalyzer.eventstudy.EventStudy.Result(List.of(), List.of(), List.of(), Map.of(), Map.of(), 5),
                List.of(), List.of(), List.of(), io.github.ipoanalyzer.store.MarketDataStore.FileCounts.NONE, Map.of(),
                Map.of(), null, Map.of(), Changes.page(new PreviousReport.Lookup(PreviousReport.Found.REPORT,
                        new PreviousReport("2026-01-09_run-000001", LocalDate.of(2026, 1, 9), List.of(),
                                List.of("ipo.returns")), "2026-01-09_run-000001", LocalDate.of(2026, 1, 9), null),
                        List.of(new Changes.Change("9903.HK", "Iluvatar CoreX", Changes.BROKE_ISSUE, AS_OF, "156.80",
                                LocalDate.of(2026, 1, 8), "140.00", "HKD", "144.60", "-0.031812", "x", "broke <it>"))),
                Rankings.page(Labels.of(Language.EN), List.of(), Map.of()));
        assertEquals(true, page.contains("<p>Compared with the previous report, 2026-01-09_run-000001, as of 2026-01-09 "
                + "(computed with other values of ipo.returns): "), page);
        assertEquals(true, page.contains("<tr><td>Iluvatar CoreX (9903.HK)</td><td>broke issue</td><td>2026-01-12</td>"
                + "<td class=\"d\">broke &lt;it&gt;</td></tr>"), page);
        String none = IndexPage.render(Labels.of(Language.EN), AS_OF, List.of(), List.of(), null,
                new io.github.ipoanalyzer.eventstudy.EventStudy.Result(List.of(), List.of(), List.of(), Map.of(), Map.of(), 5),
                List.of(), List.of(), List.of(), io.github.ipoanalyzer.store.MarketDataStore.FileCounts.NONE, Map.of(),
                Map.of(), null, Map.of(), Changes.page(NONE, List.of()), Rankings.page(Labels.of(Language.EN), List.of(), Map.of()));
        assertEquals(true, none.contains("<p>No previous report in this output folder: nothing to compare with. Lock-ups "
                + "ending on the as-of day or within 30 days after it are listed in any case. Every change is in changes.csv."
                + "</p>\n<p>No change, and no lock-up ends within 30 days.</p>\n<h2>Now</h2>"), none);
    }

    /** A now.csv row of Biren (offer HKD 19.60) with the figures given. */
    private static Map<String, String> now(String ticker, String close, String closeDate, String returnSinceOffer,
                                           String below, String dataLast) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ticker", ticker);
        row.put("name_en", "Biren");
        row.put("currency", "HKD");
        row.put("listing_date", "2026-01-02");
        row.put("offer_price", "19.60");
        row.put("latest_close", close);
        row.put("latest_close_date", closeDate);
        row.put("return_since_offer_fraction", returnSinceOffer);
        row.put("below_issue_now", below);
        row.put("data_last_date", dataLast);
        return row;
    }

    /**
     * A whole market's nightly run has a new close for every listing: 5,000 rows at the top of the
     * page would bury what matters. The page shows the first PAGE_ROWS changes, the kinds that
     * matter first (the new closes last), and says how many more changes.csv holds.
     */
    @Test
    void aPageOfManyChangesShowsTheOtherKindsBeforeTheNewClosesAndSaysHowManyMoreTheCsvHolds() {
        List<Changes.Change> changes = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            changes.add(change("T" + i, Changes.NEW_CLOSE));
        }
        for (int i = 0; i < 20; i++) {
            changes.add(change("B" + i, Changes.BROKE_ISSUE));
        }
        Changes.Page page = Changes.page(NONE, changes);
        assertEquals(Changes.PAGE_ROWS, page.rows().size());
        assertEquals(50, Changes.PAGE_ROWS);
        assertTrue(page.rows().subList(0, 20).stream().allMatch(Changes.Line::brokeIssue), page.rows().toString());
        assertTrue(page.rows().subList(20, 50).stream().allMatch(Changes.Line::newClose), page.rows().toString());
        assertEquals("B0 (B0)", page.rows().get(0).name());
        assertEquals("T0 (T0)", page.rows().get(20).name());
        assertEquals(List.of("70"), page.more(), "120 changes, 50 shown");
        assertEquals(List.of(), Changes.page(NONE, changes.subList(0, 50)).more(), "all shown: nothing more to say");
    }

    private static Changes.Change change(String ticker, String kind) {
        return new Changes.Change(ticker, ticker, kind, AS_OF, "", null, "", "", "", "", "", kind + " of " + ticker);
    }

    private static Map<String, String> event(String ticker, String date, String scheduled, String kind, String description) {
        return Map.of("ticker", ticker, "date", date, "scheduled_date", scheduled, "kind", kind, "description", description);
    }
}
