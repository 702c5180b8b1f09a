package io.github.ipoanalyzer.market;


import io.github.ipoanalyzer.money.Money;

import java.time.LocalDate;

/** A market capitalisation as published in the news, to reconcile with price × shares. */
public record ReportedCap(String ticker, LocalDate date, Money cap, String note) {
}
