package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Lockup;
import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.MarketCapPoint;
import io.github.ipoanalyzer.analysis.MarketCapSeries;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRates;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The events a listing's own data implies: the listing day; each lock-up expiry (listing date
 * plus N months, moved to the next trading day); the first close below the offer price; each
 * market-value milestone first reached (in CNY at the dated rate); the peak market value.
 */
public final class EventDeriver {

    private final List<BigDecimal> milestonesCny;

    public EventDeriver(List<BigDecimal> milestonesCny) {
        this.milestonesCny = List.copyOf(milestonesCny);
    }

    public List<Event> derive(IpoAnalysis analysis, TradingCalendar calendar, List<Lockup> lockups) {
        Listing l = analysis.listing();
        List<Event> events = new ArrayList<>();
        if (l.ipoStudied()) {
            events.add(new Event(l.ticker(), l.listingDate(), null, Event.LISTING, "listing day", "derived", null));
        }
        for (Lockup lockup : lockups) {
            LocalDate scheduled = l.listingDate().plusMonths(lockup.months());
            String description = lockup.months() + "-month lock-up of " + lockup.holders() + " ends";
            Optional<Integer> day = calendar.onOrAfter(scheduled);
            if (day.isEmpty()) {
                events.add(new Event(l.ticker(), scheduled, null, Event.LOCKUP_EXPIRY, description, "derived",
                        "after the last trading day in the data: not moved, no returns yet"));
            } else {
                LocalDate date = calendar.day(day.get());
                events.add(new Event(l.ticker(), date, date.equals(scheduled) ? null : scheduled, Event.LOCKUP_EXPIRY,
                        description, "derived", date.equals(scheduled) ? null : "moved from " + scheduled
                        + " to the next trading day"));
            }
        }
        List<MarketCapPoint> closes = analysis.marketCap().map(s -> s.closes()).orElse(List.of());
        closes.stream().filter(p -> l.ipoStudied() && p.price().amount().compareTo(l.offerPrice()) < 0).findFirst()
                .ifPresent(p ->
                events.add(new Event(l.ticker(), p.date(), null, Event.FIRST_CLOSE_BELOW_OFFER,
                        "first close below the offer price (" + price(p.price().amount()) + " < "
                                + price(l.offerPrice()) + ")", "derived", null)));
        // Crossed only if the value at the start (the offer; a peer's first close) was below it: a cap already
        // above it crosses nothing.
        Optional<MarketCapPoint> start = l.ipoStudied() ? analysis.marketCap().map(MarketCapSeries::atOffer)
                : closes.stream().findFirst();
        Optional<FxRates.Conversion> atStart = start.flatMap(MarketCapPoint::inCny);
        for (BigDecimal milestone : milestonesCny) {
            if (atStart.isEmpty() || atStart.get().converted().amount().compareTo(milestone) >= 0) {
                continue;
            }
            for (MarketCapPoint p : closes) {
                Optional<FxRates.Conversion> cny = p.inCny();
                if (cny.isPresent() && cny.get().converted().amount().compareTo(milestone) >= 0) {
                    events.add(new Event(l.ticker(), p.date(), null, Event.CAP_MILESTONE,
                            "market value crossed CNY " + billions(milestone), "derived", null));
                    break;
                }
            }
        }
        // The series keeps its running peak: the last close's is the highest of all, at its first date.
        if (!closes.isEmpty()) {
            events.add(new Event(l.ticker(), closes.get(closes.size() - 1).peakDate(), null, Event.PEAK_MARKET_VALUE,
                    "highest market value in the data", "derived", null));
        }
        return events;
    }

    private static String price(BigDecimal price) {
        return price.setScale(Math.max(2, price.stripTrailingZeros().scale())).toPlainString();
    }

    private static String billions(BigDecimal cny) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US))
                .format(cny.movePointLeft(9)) + " billion";
    }
}
