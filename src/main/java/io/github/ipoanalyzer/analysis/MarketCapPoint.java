package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Market value on one date: {@code P_t × S_t}. For closes also the change since the offer
 * value, the peak so far (over closes) with its date and the drawdown from it; the offer point
 * itself has none of these (null).
 */
public record MarketCapPoint(LocalDate date, String reference, Money price, long shares, Money cap,
                             BigDecimal changeSinceOffer, Money peakToDate, LocalDate peakDate,
                             BigDecimal drawdownFromPeak, String note) {
}
