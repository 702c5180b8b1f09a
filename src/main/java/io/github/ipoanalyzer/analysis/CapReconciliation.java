package io.github.ipoanalyzer.analysis;


import io.github.ipoanalyzer.market.ReportedCap;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A market cap reported in the news beside the computed {@code P_t × S_t} of the same date,
 * with the gap {@code computed − reported} and {@code computed / reported − 1}. Only where a
 * close exists for that date; a reported cap in another currency is compared in that currency,
 * the computed cap converted at the dated rate (either direction through CNY).
 */
public record CapReconciliation(ReportedCap reported, MarketCapPoint computedPoint, Money computed, Money gap,
                                BigDecimal gapFraction, Integer lagTradingDays, String note) {

    /** Without a trading calendar: a cap is compared only with a close of its own date. */
    public static CapReconciliation of(ReportedCap reported, Optional<MarketCapSeries> series, FxRates rates) {
        return of(reported, series, rates, TradingDays.NONE, null);
    }

    /**
     * A cap reported on a day the exchange has no session (a weekend, a holiday of the calendar)
     * is compared with the latest close on or before it, and {@code lagTradingDays} says how many
     * sessions lie after that close up to the reported day (0: the close is the last session).
     */
    public static CapReconciliation of(ReportedCap reported, Optional<MarketCapSeries> series, FxRates rates,
                                       TradingDays calendars, String exchange) {
        Optional<MarketCapPoint> point = series.flatMap(s -> s.on(reported.date()));
        Integer lag = point.isPresent() ? Integer.valueOf(0) : null;
        String matched = null;
        Optional<String> closed = exchange == null ? Optional.empty() : calendars.closedBecause(exchange, reported.date());
        if (point.isEmpty() && closed.isPresent()) {
            point = series.flatMap(s -> s.closes().stream().filter(p -> !p.date().isAfter(reported.date()))
                    .reduce((first, second) -> second));
            if (point.isPresent()) {
                lag = calendars.sessions(exchange, point.get().date().plusDays(1), reported.date()).size();
                matched = reported.date() + " is " + closed.get() + ": compared with the close of " + point.get().date()
                        + (lag == 0 ? ", the last session before it"
                        : ", the latest before it (" + lag + " later session(s) without a close)");
            }
        }
        if (point.isEmpty()) {
            String why = series.isEmpty() ? "total shares unknown" : "no close on " + reported.date();
            return new CapReconciliation(reported, null, null, null, null, null, why);
        }
        Money computed = point.get().cap();
        if (!computed.currency().equals(reported.cap().currency())) {
            Optional<FxRates.Conversion> converted = rates.convert(computed, reported.cap().currency(), reported.date());
            if (converted.isEmpty()) {
                return new CapReconciliation(reported, point.get(), null, null, null, lag,
                        "no rate to compare " + computed.currency() + " with " + reported.cap().currency());
            }
            computed = converted.get().converted();
        }
        Money gap = computed.minus(reported.cap());
        return new CapReconciliation(reported, point.get(), computed, gap,
                computed.dividedBy(reported.cap()).subtract(BigDecimal.ONE), lag, matched);
    }
}
