package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.fees.FeeRounding;
import io.github.ipoanalyzer.fees.FeeRule;
import io.github.ipoanalyzer.fees.Side;

import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * fees.csv: one row per charge of a market and side, in force between two dates (either may be
 * open). The market is an exchange of the listings or calendars (in any case); the currency is
 * the one that exchange's listings trade in, as a charge is taken on their consideration.
 */
public class FeeValidator implements RowRule<FeeRule> {

    @Override
    public FeeRule apply(RowValues v, ListingLookup listings) {
        Side side = Side.of(v.text("side")).orElseThrow(() -> v.reject("side", "fee-side",
                "side must be one of " + Arrays.stream(Side.values()).map(Side::label).collect(Collectors.joining(", "))));
        BigDecimal rate = v.optionalDecimal("rate");
        if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0)) {
            throw v.reject("rate", "fee-rate", "a rate is a fraction of the consideration from 0 up to (not including) 1: "
                    + "write 0.001 for 0.1%");
        }
        BigDecimal minimum = v.optionalNonNegativeDecimal("minimum");
        BigDecimal maximum = v.optionalNonNegativeDecimal("maximum");
        if (rate == null && minimum == null) {
            throw v.reject("rate", "fee-amount", "a charge needs a rate, a minimum, or both");
        }
        if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
            throw v.reject("minimum", "fee-range", "the minimum " + minimum.toPlainString() + " is above the maximum "
                    + maximum.toPlainString());
        }
        String roundingText = v.optionalText("rounding");
        FeeRounding rounding = roundingText == null ? FeeRounding.HALF_UP_CENT : FeeRounding.of(roundingText)
                .orElseThrow(() -> v.reject("rounding", "fee-rounding", "rounding must be one of " + Arrays
                        .stream(FeeRounding.values()).map(FeeRounding::label).collect(Collectors.joining(", "))));
        String market = listings.exchange(v.text("market")).orElseThrow(() -> v.reject("market", "fee-market",
                "no listing or calendar is on market " + v.text("market") + ": the known markets are "
                        + String.join(", ", listings.exchanges())));
        Currency currency = v.currency("currency");
        Set<String> trading = listings.tradingCurrencies(market);
        if (!trading.isEmpty() && !trading.contains(currency.getCurrencyCode())) {
            throw v.reject("currency", "fee-currency", "a charge in " + currency + " on " + market
                    + ", whose listings trade in " + String.join(" and ", trading) + ": write the charge in "
                    + String.join(" or ", trading));
        }
        FeeRule rule = new FeeRule(market, side, v.text("charge"), rate, inCurrency(minimum, currency),
                inCurrency(maximum, currency), rounding,
                v.optionalDate("effective_from"), v.optionalDate("effective_to"), currency,
                v.optionalText("note"));
        if (rule.effectiveFrom() != null && rule.effectiveTo() != null && rule.effectiveTo().isBefore(rule.effectiveFrom())) {
            throw v.reject("effective_to", "period-order", "in force to " + rule.effectiveTo() + ", before it is in force from "
                    + rule.effectiveFrom());
        }
        return rule;
    }

    private static Money inCurrency(BigDecimal amount, Currency currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}
