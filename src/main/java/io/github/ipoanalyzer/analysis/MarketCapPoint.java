package io.github.ipoanalyzer.analysis;

import java.io.Serializable;

import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Market value on one date: {@code P_t × S_t}. For closes also the change since the offer
 * value, the peak so far (over closes) with its date and the drawdown from it; the offer point
 * itself has none of these (null).
 */
public record MarketCapPoint(LocalDate date, ReferencePrice reference, Money price, long shares, Money cap,
                             BigDecimal changeSinceOffer, Money peakToDate, LocalDate peakDate,
                             BigDecimal drawdownFromPeak, String note, FxRates.Conversion capInCny) implements Serializable {

    /** The market value in CNY at the rate in force on its date, if there is one. */
    public Optional<FxRates.Conversion> inCny() {
        return Optional.ofNullable(capInCny);
    }
}
