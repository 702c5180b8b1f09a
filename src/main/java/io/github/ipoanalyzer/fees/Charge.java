package io.github.ipoanalyzer.fees;


import io.github.ipoanalyzer.money.Money;

/** One charge of one side: the rule, where the schedule states it, the consideration it was taken on, the amount. */
public record Charge(FeeRule rule, String scheduleRow, Money consideration, Money amount) {
}
