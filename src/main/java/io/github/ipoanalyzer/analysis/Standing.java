package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an IPO stands as of a day: its latest close and that close's date, the sessions it has
 * traded since listing, the return since the offer ({@code C/P0 − 1}) and since the first close
 * ({@code C/C1 − 1}), one winning lot sold at the latest close (gross and net of the fee schedule,
 * as {@link LotGain} computes every lot), whether it trades below issue now ({@code C < P0}), the
 * returns over the last 5, 20 and 60 sessions, and how old the data is: a listing whose data
 * stops more than {@link #STALE_AFTER_SESSIONS} sessions before the as-of day is stale.
 * Nothing dated after the as-of day is seen.
 * <p>
 * Sessions are the exchange's (calendars.csv) where its calendar covers the days, weekdays where
 * it does not (the note says so). A return over the last k sessions runs from the close of the
 * session k sessions before the latest close; without a close on that very session it is unknown
 * (never taken from another day), and the note says why.
 */
public record Standing(Listing listing, LocalDate asOf, FirstDay firstDay, BigDecimal latestClose,
                       LocalDate latestCloseDate, Integer sessionsSinceListing, BigDecimal returnSinceOffer,
                       BigDecimal returnSinceFirstClose, LotGain lotAtLatestClose, Boolean belowIssue,
                       List<Recent> recent, LocalDate dataLastDate, Integer sessionsSinceDataLastDate, boolean stale,
                       String note) {

    /** The recent horizons, in sessions, in the order the report lists them. */
    public static final List<Integer> RECENT_SESSIONS = List.of(5, 20, 60);

    /** Data that stops more than this many sessions before the as-of day is stale. */
    public static final int STALE_AFTER_SESSIONS = 5;

    /** The return over the last {@code sessions} sessions, from the close on {@code from}; null where unknown. */
    public record Recent(int sessions, LocalDate from, BigDecimal fraction) {
    }

    /** The return over the last {@code sessions} sessions, if known. */
    public Optional<BigDecimal> recentReturn(int sessions) {
        return recent.stream().filter(r -> r.sessions() == sessions).map(Recent::fraction)
                .filter(f -> f != null).findFirst();
    }

    /** One winning lot sold at the latest close, if there is one. */
    public Optional<LotGain> lotGain() {
        return Optional.ofNullable(lotAtLatestClose);
    }

    /**
     * {@code prices} in date order (those dated after {@code asOf} are left out here too);
     * {@code firstDay}: where the listing's first close is.
     */
    public static Standing of(Listing listing, FirstDay firstDay, List<DailyPrice> prices, LocalDate asOf,
                              TradingDays calendars, FxRates rates, FeeSchedule fees) {
        Sessions sessions = new Sessions(calendars, listing.exchange());
        List<String> notes = new ArrayList<>();
        List<DailyPrice> seen = prices.stream().filter(p -> !p.date().isAfter(asOf)).toList();
        DailyPrice latest = null;
        for (DailyPrice p : seen) {
            if (p.close() != null && !p.date().isBefore(listing.listingDate())) {
                latest = p;
            }
        }
        LocalDate dataLast = seen.isEmpty() ? null : seen.get(seen.size() - 1).date();
        Integer sinceData = dataLast == null ? null : sessions.after(dataLast, asOf);
        boolean stale = sinceData == null || sinceData > STALE_AFTER_SESSIONS;
        if (dataLast == null) {
            notes.add("stale: no price on or before " + asOf);
        } else if (stale) {
            notes.add("stale: the data ends on " + dataLast + ", " + sinceData + " sessions before " + asOf);
        }
        if (latest == null) {
            if (dataLast != null) {
                notes.add("no close since listing on or before " + asOf + ": nothing to report now");
            }
            return new Standing(listing, asOf, firstDay, null, null, null, null, null, null, null,
                    RECENT_SESSIONS.stream().map(k -> new Recent(k, null, null)).toList(), dataLast, sinceData, stale,
                    sessions.noted(notes));
        }
        BigDecimal close = latest.close();
        LocalDate date = latest.date();
        if (latest.note() != null) {
            notes.add("latest close: " + latest.note());
        }
        LotGain lot = LotGain.at(listing, ReferencePrice.LATEST_CLOSE, date, close, rates, fees, latest.note());
        if (lot.inCny().isEmpty()) {
            notes.add("no CNY/" + listing.currency().getCurrencyCode() + " rate on or before " + date + ": CNY unknown");
        }
        if (lot.netOfFees().isEmpty()) {
            notes.add("no fee schedule row for a sale on " + listing.exchange() + " on " + date + ": net unknown");
        }
        BigDecimal sinceFirstClose = firstDay.close() == null ? null : Rounding.change(close, firstDay.close());
        if (sinceFirstClose == null) {
            notes.add("first close unknown: return since it unknown");
        }
        List<Recent> recent = new ArrayList<>();
        List<String> notReached = new ArrayList<>();
        for (int k : RECENT_SESSIONS) {
            LocalDate from = sessions.before(date, k, listing.listingDate());
            if (from == null) {
                notReached.add(String.valueOf(k));
                recent.add(new Recent(k, null, null));
                continue;
            }
            Optional<BigDecimal> fromClose = seen.stream().filter(p -> p.date().equals(from) && p.close() != null)
                    .map(DailyPrice::close).findFirst();
            if (fromClose.isEmpty()) {
                notes.add(k + "-session return unknown: no close on " + from + ", " + k + " sessions before " + date);
            }
            recent.add(new Recent(k, from, fromClose.map(c -> Rounding.change(close, c)).orElse(null)));
        }
        if (!notReached.isEmpty()) {
            String horizons = notReached.size() == 1 ? notReached.get(0) + "-session return"
                    : String.join(", ", notReached.subList(0, notReached.size() - 1)) + " and "
                    + notReached.get(notReached.size() - 1) + "-session returns";
            notes.add(horizons + " unknown: listed " + sessions.after(listing.listingDate(), date) + " sessions before "
                    + date);
        }
        return new Standing(listing, asOf, firstDay, close, date, sessions.after(listing.listingDate(), date),
                Rounding.change(close, listing.offerPrice()), sinceFirstClose, lot, close.compareTo(listing.offerPrice()) < 0,
                List.copyOf(recent), dataLast, sinceData, stale, sessions.noted(notes));
    }

    /** Counts an exchange's sessions: its calendar's where it covers the day, weekdays elsewhere (remembered, to be said). */
    private static final class Sessions {
        private final TradingDays calendars;
        private final String exchange;
        private boolean weekdaysUsed;

        Sessions(TradingDays calendars, String exchange) {
            this.calendars = calendars;
            this.exchange = exchange;
        }

        boolean isSession(LocalDate day) {
            if (calendars.covers(exchange, day)) {
                return calendars.closedBecause(exchange, day).isEmpty();
            }
            weekdaysUsed = true;
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        /**
         * The sessions after {@code from} up to and including {@code to}: its weekdays less the
         * calendar's holidays among them (counted, not walked: the span can be years long).
         */
        int after(LocalDate from, LocalDate to) {
            if (to.isAfter(from) && !(calendars.covers(exchange, from.plusDays(1)) && calendars.covers(exchange, to))) {
                weekdaysUsed = true; // a calendar covers whole years in one span: its ends tell
            }
            return TradingDays.weekdaysAfter(from, to) - calendars.weekdayHolidaysAfter(exchange, from, to);
        }

        /** The session {@code k} sessions before {@code day}; null when it would be before {@code notBefore}. */
        LocalDate before(LocalDate day, int k, LocalDate notBefore) {
            LocalDate d = day;
            for (int n = 0; n < k; ) {
                d = d.minusDays(1);
                if (d.isBefore(notBefore)) {
                    return null;
                }
                if (isSession(d)) {
                    n++;
                }
            }
            return d;
        }

        /** The notes, with how sessions were counted where a calendar did not cover the days. */
        String noted(List<String> notes) {
            List<String> all = new ArrayList<>(notes);
            if (weekdaysUsed) {
                all.add("sessions counted as weekdays where calendars.csv has no " + exchange + " calendar");
            }
            return String.join("; ", all);
        }
    }
}
