package io.github.ipoanalyzer.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** How many CNY one unit of {@code currency} bought on {@code date}. */
public record FxRate(LocalDate date, Currency currency, BigDecimal cnyPerUnit) {
}
