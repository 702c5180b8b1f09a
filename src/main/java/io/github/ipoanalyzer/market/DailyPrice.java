package io.github.ipoanalyzer.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One trading day, unadjusted, in the listing's currency. Null fields are unknown, never zero. */
public record DailyPrice(String ticker, LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low,
                         BigDecimal close, Long volume, BigDecimal turnover, String note) {
}
