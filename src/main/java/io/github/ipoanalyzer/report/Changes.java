package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.OfferFacts;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed since the previous report (changes.csv, and the top of index.html), worked out
 * from the two reports' own tables: the previous report's now.csv ({@link PreviousReport}) and
 * this report's now.csv and events.csv. A listing in this report's now.csv and not in the
 * previous one is new, and one in the previous and not in this one is gone; one whose latest
 * close date advanced has a new close, went back had its close withdrawn, stayed with another
 * close had it revised (earlier closes are not compared); one that was not
 * below the offer price and is now broke issue, and the other way round recovered it; a
 * market-value milestone of events.csv dated after the day the previous report's data of that
 * listing ended (of a new listing: after the previous report's last data day) was crossed since.
 * Without a previous report nothing is compared. In every case the lock-ups (lock-up expiries
 * and cornerstone lock-up ends) ending on the as-of day or within {@link #LOCKUP_DAYS_AHEAD}
 * calendar days after it are listed: a scheduled date, known in advance, so no look-ahead.
 */
final class Changes {

    /**
     * changes.csv's descriptions are in English in every language (the CSV files are the same
     * bytes in both); the page words them in the report's language, from the same labels.
     */
    static final Labels ENGLISH = Labels.of(Language.EN);

    static final String NEW_LISTING = "new_listing";
    static final String NEW_CLOSE = "new_close";
    static final String REVISED_CLOSE = "revised_close";
    static final String CLOSE_WITHDRAWN = "close_withdrawn";
    static final String LISTING_GONE = "listing_gone";
    static final String BROKE_ISSUE = "broke_issue";
    static final String RECOVERED_ISSUE = "recovered_issue";
    static final String MILESTONE = "market_value_milestone";
    static final String LOCKUP_ENDING = "lockup_ending";

    /**
     * The changes index.html shows at most: a whole market's nightly run has a new close for every
     * listing, which would bury the rest; changes.csv holds every one.
     */
    static final int PAGE_ROWS = 50;
    /** The order of the kinds on the page: what a reader must not miss first, the new closes last. */
    private static final List<String> PAGE_ORDER = List.of(NEW_LISTING, LISTING_GONE, CLOSE_WITHDRAWN, REVISED_CLOSE,
            BROKE_ISSUE, RECOVERED_ISSUE, MILESTONE, LOCKUP_ENDING, NEW_CLOSE);

    /** Lock-ups ending on the as-of day or up to this many calendar days after it are listed. */
    static final int LOCKUP_DAYS_AHEAD = 30;

    /** What is read of a report's now.csv (the previous report's too). */
    static final List<String> NOW_COLUMNS = List.of("ticker", "name_en", "currency", "listing_date", "offer_price",
            "latest_close", "latest_close_date", "return_since_offer_fraction", "below_issue_now", "data_last_date");
    /** What is read of this report's events.csv. */
    static final List<String> EVENT_COLUMNS = List.of("ticker", "date", "scheduled_date", "kind", "description");

    private static final Set<String> LOCKUPS = Set.of(Event.LOCKUP_EXPIRY, OfferFacts.CORNERSTONE_LOCKUP_END);

    private Changes() {
    }

    /**
     * One change, its figures as the reports' CSVs give them (exact); {@code comparedWith}: the
     * previous report's folder, empty for a lock-up (listed whatever came before).
     */
    record Change(String ticker, String nameEn, String kind, LocalDate date, String previousClose,
                  LocalDate previousCloseDate, String close, String currency, String offerPrice, String returnSinceOffer,
                  String comparedWith, String description) {
    }

    static TableSpec table() {
        return new TableSpec("changes.csv", "What changed since the previous report (the one latest pointed to): new "
                + "listings and listings gone, new closes and closes withdrawn or revised, listings that broke the "
                + "offer price or recovered it, market-value milestones "
                + "crossed since the previous report's data; and the lock-ups ending within " + LOCKUP_DAYS_AHEAD
                + " calendar days after the as-of day", List.of("ticker", "name_en", "change", "date", "previous_close",
                "previous_close_date", "close", "currency", "offer_price", "return_since_offer_fraction", "compared_with",
                "description"));
    }

    static CsvTable write(Path folder, List<Change> changes) throws java.io.IOException {
        CsvTable table = table().open(folder);
        for (Change c : changes) {
            table.add(List.of(Cells.text(c.ticker()), Cells.text(c.nameEn()), c.kind(), Cells.date(c.date()),
                    c.previousClose(), Cells.date(c.previousCloseDate()), c.close(), c.currency(), c.offerPrice(),
                    c.returnSinceOffer(), Cells.text(c.comparedWith()), Cells.text(c.description())));
        }
        table.close();
        return table;
    }

    /**
     * The changes from {@code previous} (null: none to compare with) to this report's
     * {@code now} rows, then the lock-ups of {@code events} ending soon; by kind, each kind in
     * now.csv's order (milestones and lock-ups by date); each described in the words of {@code t}.
     */
    static List<Change> between(Labels t, PreviousReport previous, List<Map<String, String>> now,
                                List<Map<String, String>> events, LocalDate asOf) {
        List<Position> current = now.stream().map(Position::of).toList();
        Map<String, Position> byTicker = new HashMap<>();
        current.forEach(p -> byTicker.put(p.ticker(), p));
        List<Change> changes = new ArrayList<>();
        if (previous != null) {
            Map<String, Position> before = new HashMap<>();
            List<Position> previousPositions = previous.now().stream().map(Position::of).toList();
            previousPositions.forEach(p -> before.put(p.ticker(), p));
            String name = previous.name();
            List<Change> closes = new ArrayList<>();
            List<Change> withdrawn = new ArrayList<>();
            List<Change> revised = new ArrayList<>();
            List<Change> broke = new ArrayList<>();
            List<Change> recovered = new ArrayList<>();
            for (Position p : current) {
                Position q = before.get(p.ticker());
                if (q == null) {
                    changes.add(p.change(NEW_LISTING, p.listingDate(), null, name, t.format("changeSaidNewListing",
                            p.nameEn(), p.listingDate(), p.offerSaid(), p.latestCloseDate() == null
                                    ? t.get("changeSaidNoCloseYet") : t.format("changeSaidLatestClose", p.closeSaid(t),
                                    Boolean.TRUE.equals(p.belowIssue()) ? t.get("changeSaidBelowOffer") : ""))));
                    continue;
                }
                if (p.latestCloseDate() != null && (q.latestCloseDate() == null
                        || p.latestCloseDate().isAfter(q.latestCloseDate()))) {
                    closes.add(p.change(NEW_CLOSE, p.latestCloseDate(), q, name, t.format("changeSaidNewClose",
                            p.closeSaid(t), q.previousSaid(t))));
                } else if (q.latestCloseDate() != null && (p.latestCloseDate() == null
                        || p.latestCloseDate().isBefore(q.latestCloseDate()))) {
                    withdrawn.add(p.change(CLOSE_WITHDRAWN, q.latestCloseDate(), q, name, p.latestCloseDate() == null
                            ? t.format("changeSaidCloseWithdrawnNoneLeft", q.latestCloseDate(), q.latestClose())
                            : t.format("changeSaidCloseWithdrawn", q.latestCloseDate(), q.latestClose(), p.closeSaid(t))));
                    continue; // an earlier close now: no issue broken or recovered since, the withdrawal says where it stands
                } else if (q.latestCloseDate() != null && !p.latestClose().equals(q.latestClose())) {
                    revised.add(p.change(REVISED_CLOSE, p.latestCloseDate(), q, name, t.format("changeSaidRevisedClose",
                            p.latestCloseDate(), p.closeSaid(t), q.previousSaid(t))));
                }
                // A first close below the offer (the previous report had none) broke issue too.
                if (!Boolean.TRUE.equals(q.belowIssue()) && Boolean.TRUE.equals(p.belowIssue())) {
                    broke.add(p.change(BROKE_ISSUE, p.latestCloseDate(), q, name, q.belowIssue() == null
                            ? t.format("changeSaidBrokeIssueFirstClose", p.offerSaid(), p.closeSaid(t))
                            : t.format("changeSaidBrokeIssue", p.offerSaid(), p.closeSaid(t), q.previousSaid(t))));
                }
                if (Boolean.TRUE.equals(q.belowIssue()) && Boolean.FALSE.equals(p.belowIssue())) {
                    recovered.add(p.change(RECOVERED_ISSUE, p.latestCloseDate(), q, name, t.format(
                            "changeSaidRecoveredIssue", p.offerSaid(), p.closeSaid(t), q.previousSaid(t))));
                }
            }
            // A listing of the previous report that this one no longer has, in that report's order.
            previousPositions.stream().filter(q -> !byTicker.containsKey(q.ticker())).forEach(q ->
                    changes.add(new Change(q.ticker(), q.nameEn(), LISTING_GONE, null, q.latestClose(),
                            q.latestCloseDate(), "", q.currency(), q.offerPrice(), "", name, t.format("changeSaidListingGone",
                            q.previousSaid(t)))));
            changes.addAll(withdrawn);
            changes.addAll(revised);
            changes.addAll(closes);
            changes.addAll(broke);
            changes.addAll(recovered);
            LocalDate previousDataEnds = before.values().stream().map(Position::dataLastDate)
                    .filter(d -> d != null).max(Comparator.naturalOrder()).orElse(null);
            List<Change> milestones = new ArrayList<>();
            for (Map<String, String> e : events) {
                LocalDate date = date(e.get("date"));
                Position p = byTicker.get(e.get("ticker"));
                if (!e.get("kind").equals(Event.CAP_MILESTONE) || p == null || date.isAfter(asOf)) {
                    continue;
                }
                Position q = before.get(p.ticker());
                LocalDate seenUpTo = q != null ? q.dataLastDate() : previousDataEnds;
                if (seenUpTo == null || date.isAfter(seenUpTo)) {
                    milestones.add(p.change(MILESTONE, date, null, name, t.format("changeSaidMilestone",
                            e.get("description"), date)));
                }
            }
            milestones.sort(Comparator.comparing(Change::date));
            changes.addAll(milestones);
        }
        List<Change> lockups = new ArrayList<>();
        for (Map<String, String> e : events) {
            if (!LOCKUPS.contains(e.get("kind"))) {
                continue;
            }
            // The day it was set for: a derived expiry moved to the next trading day says so in scheduled_date.
            LocalDate ends = date(e.get("scheduled_date").isEmpty() ? e.get("date") : e.get("scheduled_date"));
            long daysAfter = ChronoUnit.DAYS.between(asOf, ends);
            if (daysAfter < 0 || daysAfter > LOCKUP_DAYS_AHEAD) {
                continue;
            }
            Position p = byTicker.get(e.get("ticker"));
            String nameEn = p == null ? "" : p.nameEn();
            lockups.add(new Change(e.get("ticker"), nameEn, LOCKUP_ENDING, ends, "", null, "", "", "", "", "",
                    t.format(daysAfter == 0 ? "changeSaidLockupOnAsOf" : daysAfter == 1 ? "changeSaidLockupInOneDay"
                            : "changeSaidLockupInDays", e.get("description"), ends, daysAfter)));
        }
        lockups.sort(Comparator.comparing(Change::date));
        changes.addAll(lockups);
        return changes;
    }

    /**
     * What index.html shows (template {@code changes.mustache}): how the previous report was
     * found (one of {@code compared}, {@code noPrevious}, {@code later}, {@code unreadable}) and
     * each change, its kind as one flag so that the template words it; at most {@link #PAGE_ROWS},
     * {@code more} saying how many changes.csv holds beyond them (none when all are shown).
     */
    record Page(boolean compared, boolean noPrevious, boolean later, boolean unreadable, String previousName,
                String previousAsOf, List<String> settingsDiffer, String why, String lockupDays, boolean hasRows,
                List<Line> rows, List<String> more) {
    }

    record Line(String name, boolean newListing, boolean listingGone, boolean closeWithdrawn, boolean revisedClose,
                boolean newClose, boolean brokeIssue, boolean recoveredIssue, boolean milestone, boolean lockup,
                String date, String description) {
    }

    static Page page(PreviousReport.Lookup lookup, List<Change> changes) {
        PreviousReport previous = lookup.report();
        List<Line> lines = changes.stream().sorted(Comparator.comparingInt(c -> PAGE_ORDER.indexOf(c.kind())))
                .limit(PAGE_ROWS).map(c -> new Line(c.nameEn().isEmpty() ? c.ticker()
                : c.nameEn() + " (" + c.ticker() + ")", c.kind().equals(NEW_LISTING), c.kind().equals(LISTING_GONE),
                c.kind().equals(CLOSE_WITHDRAWN), c.kind().equals(REVISED_CLOSE), c.kind().equals(NEW_CLOSE),
                c.kind().equals(BROKE_ISSUE), c.kind().equals(RECOVERED_ISSUE), c.kind().equals(MILESTONE),
                c.kind().equals(LOCKUP_ENDING), Cells.date(c.date()), c.description())).toList();
        return new Page(lookup.found() == PreviousReport.Found.REPORT, lookup.found() == PreviousReport.Found.NONE,
                lookup.found() == PreviousReport.Found.LATER, lookup.found() == PreviousReport.Found.UNREADABLE,
                lookup.name(), lookup.asOf() == null ? null : lookup.asOf().toString(),
                previous == null || previous.settingsThatDiffer().isEmpty() ? List.of()
                        : List.of(String.join(", ", previous.settingsThatDiffer())),
                lookup.why(), String.valueOf(LOCKUP_DAYS_AHEAD), !lines.isEmpty(), lines,
                changes.size() > lines.size()
                        ? List.of(String.format(java.util.Locale.ROOT, "%,d", changes.size() - lines.size())) : List.of());
    }

    private static LocalDate date(String cell) {
        return cell == null || cell.isEmpty() ? null : LocalDate.parse(cell);
    }

    /** What the changes read of one row of a report's now.csv, the figures as written there. */
    private record Position(String ticker, String nameEn, String currency, LocalDate listingDate, String offerPrice,
                            String latestClose, LocalDate latestCloseDate, String returnSinceOffer, Boolean belowIssue,
                            LocalDate dataLastDate) {

        static Position of(Map<String, String> row) {
            String below = row.get("below_issue_now");
            return new Position(row.get("ticker"), row.get("name_en"), row.get("currency"), date(row.get("listing_date")),
                    row.get("offer_price"), row.get("latest_close"), date(row.get("latest_close_date")),
                    row.get("return_since_offer_fraction"), below.isEmpty() ? null : Boolean.valueOf(below),
                    date(row.get("data_last_date")));
        }

        /** This position's change of {@code kind}, with the close before it ({@code before}'s) where there was one. */
        Change change(String kind, LocalDate date, Position before, String comparedWith, String description) {
            boolean close = !kind.equals(MILESTONE);
            return new Change(ticker, nameEn, kind, date, before == null ? "" : before.latestClose(),
                    before == null ? null : before.latestCloseDate(), close ? latestClose : "", close ? currency : "",
                    close ? offerPrice : "", close ? returnSinceOffer : "", comparedWith, description);
        }

        /** "HKD 144.60". */
        String offerSaid() {
            return currency + " " + offerPrice;
        }

        /** "HKD 140.00 on 2026-01-12, −3.18% since the offer". */
        String closeSaid(Labels t) {
            return t.format("changeSaidClose", currency + " " + latestClose, latestCloseDate, returnSinceOffer.isEmpty()
                    ? t.get("changeSaidReturnUnknown") : IndexPage.percent(t, new BigDecimal(returnSinceOffer)));
        }

        /** How the previous report saw it. */
        String previousSaid(Labels t) {
            return latestCloseDate == null ? t.get("changeSaidNoCloseBefore")
                    : t.format("changeSaidWas", latestClose, latestCloseDate);
        }
    }
}
