package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.market.ReportedCap;
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
                                BigDecimal gapFraction, String note) {

    public static CapReconciliation of(ReportedCap reported, Optional<MarketCapSeries> series, FxRates rates) {
        Optional<MarketCapPoint> point = series.flatMap(s -> s.on(reported.date()));
        if (point.isEmpty()) {
            String why = series.isEmpty() ? "total shares unknown" : "no close on " + reported.date();
            return new CapReconciliation(reported, null, null, null, null, why);
        }
        Money computed = point.get().cap();
        if (!computed.currency().equals(reported.cap().currency())) {
            Optional<FxRates.Conversion> converted = rates.convert(computed, reported.cap().currency(), reported.date());
            if (converted.isEmpty()) {
                return new CapReconciliation(reported, point.get(), null, null, null,
                        "no rate to compare " + computed.currency() + " with " + reported.cap().currency());
            }
            computed = converted.get().converted();
        }
        Money gap = computed.minus(reported.cap());
        return new CapReconciliation(reported, point.get(), computed, gap,
                computed.dividedBy(reported.cap()).subtract(BigDecimal.ONE), null);
    }
}
