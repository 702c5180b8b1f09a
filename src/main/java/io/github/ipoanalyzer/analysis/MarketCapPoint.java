package io.github.ipoanalyzer.analysis;


import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Market value on one date: {@code P_t × S_t}. For closes also the change since the offer
 * value, the peak so far (over closes) with its date and the drawdown from it; the offer point
 * itself has none of these (null). The change and the drawdown are divisions, computed when
 * asked for, to the decimals a fraction is written with: a report that takes a series' earlier
 * months over asks for them only at the closes it writes.
 */
public record MarketCapPoint(LocalDate date, ReferencePrice reference, Money price, long shares, Money cap,
                             Money offerCap, Money peakToDate, LocalDate peakDate, String note,
                             FxRates.Conversion capInCny) {

    /** {@code cap / offer cap − 1} as written ({@link Money#changeFrom}); null at the offer itself. */
    public BigDecimal changeSinceOffer() {
        return offerCap == null ? null : cap.changeFrom(offerCap);
    }

    /** {@code cap / peak so far − 1} as written; exactly 0 at a close that set the peak; null at the offer. */
    public BigDecimal drawdownFromPeak() {
        if (peakToDate == null) {
            return null;
        }
        return date.equals(peakDate) ? BigDecimal.ZERO : cap.changeFrom(peakToDate);
    }

    /** The market value in CNY at the rate in force on its date, if there is one. */
    public Optional<FxRates.Conversion> inCny() {
        return Optional.ofNullable(capInCny);
    }
}
