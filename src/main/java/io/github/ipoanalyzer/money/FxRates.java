package io.github.ipoanalyzer.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Dated CNY rates with as-of lookup: the rate of the same date, else of the latest earlier
 * date, never a later one. The conversion keeps the rate and its date so that a report can
 * show both.
 */
public final class FxRates {

    public static final Currency CNY = Currency.getInstance("CNY");

    private final Map<Currency, TreeMap<LocalDate, FxRate>> byCurrency = new HashMap<>();

    public FxRates(Collection<FxRate> rates) {
        for (FxRate rate : rates) {
            byCurrency.computeIfAbsent(rate.currency(), c -> new TreeMap<>()).put(rate.date(), rate);
        }
    }

    /** The rate in force on {@code date}: same date, else the latest earlier one. */
    public Optional<FxRate> asOf(Currency currency, LocalDate date) {
        TreeMap<LocalDate, FxRate> rates = byCurrency.get(currency);
        if (rates == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(rates.floorEntry(date)).map(Map.Entry::getValue);
    }

    /**
     * {@code money} in CNY on {@code date}. CNY converts to itself at 1 with no rate date;
     * another currency with no rate on or before {@code date} has no conversion.
     */
    public Optional<Conversion> toCny(Money money, LocalDate date) {
        if (money.currency().equals(CNY)) {
            return Optional.of(new Conversion(money, BigDecimal.ONE, null));
        }
        return asOf(money.currency(), date).map(rate ->
                new Conversion(new Money(money.amount().multiply(rate.cnyPerUnit()), CNY), rate.cnyPerUnit(), rate.date()));
    }

    /** A converted amount with the rate used and that rate's date (null when no rate was needed). */
    public record Conversion(Money cny, BigDecimal cnyPerUnit, LocalDate rateDate) {
    }
}
