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
     * {@code money} in {@code target} on {@code date}, through the dated CNY rates in either
     * direction: into CNY at the rate, out of CNY at its inverse, between two other currencies
     * through CNY (dated as the older of the two rates). A currency converts to itself at 1 with no
     * rate date; where a rate on or before {@code date} is missing there is no conversion.
     */
    public Optional<Conversion> convert(Money money, Currency target, LocalDate date) {
        Currency source = money.currency();
        if (source.equals(target)) {
            return Optional.of(new Conversion(money, BigDecimal.ONE, null));
        }
        if (target.equals(CNY)) {
            return asOf(source, date).map(rate -> new Conversion(
                    new Money(money.amount().multiply(rate.cnyPerUnit()), CNY), rate.cnyPerUnit(), rate.date()));
        }
        Optional<FxRate> into = asOf(target, date);
        if (source.equals(CNY)) {
            return into.map(rate -> new Conversion(new Money(Rounding.divide(money.amount(), rate.cnyPerUnit()), target),
                    Rounding.divide(BigDecimal.ONE, rate.cnyPerUnit()), rate.date()));
        }
        Optional<FxRate> from = asOf(source, date);
        if (from.isEmpty() || into.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal cny = money.amount().multiply(from.get().cnyPerUnit());
        LocalDate older = from.get().date().isBefore(into.get().date()) ? from.get().date() : into.get().date();
        return Optional.of(new Conversion(new Money(Rounding.divide(cny, into.get().cnyPerUnit()), target),
                Rounding.divide(from.get().cnyPerUnit(), into.get().cnyPerUnit()), older));
    }

    /** {@code money} in CNY on {@code date} (see {@link #convert}). */
    public Optional<Conversion> toCny(Money money, LocalDate date) {
        return convert(money, CNY, date);
    }

    /**
     * Conversions into CNY of amounts in {@code currency} on one date after another, each the
     * same as {@link #toCny}'s: for a listing's closes in date order, where the rate in force is
     * found by a step along the rates rather than a search for every close.
     */
    public CnyAlongDates toCnyAlongDates(Currency currency) {
        TreeMap<LocalDate, FxRate> rates = byCurrency.get(currency);
        return new CnyAlongDates(currency, rates == null ? new FxRate[0] : rates.values().toArray(FxRate[]::new));
    }

    /** See {@link #toCnyAlongDates}; one walk, on one thread. */
    public static final class CnyAlongDates {
        private final Currency currency;
        private final FxRate[] rates;
        /** How many rates are dated on or before the last date asked for: the one in force is the last of them. */
        private int inForce;
        private LocalDate last;

        private CnyAlongDates(Currency currency, FxRate[] rates) {
            this.currency = currency;
            this.rates = rates;
        }

        /** {@code money}, in the walk's currency, in CNY on {@code date}; null where no rate is in force. */
        public Conversion at(Money money, LocalDate date) {
            if (!money.currency().equals(currency)) {
                throw new IllegalArgumentException(money + " is not in " + currency);
            }
            if (currency.equals(CNY)) {
                return new Conversion(money, BigDecimal.ONE, null);
            }
            if (last != null && date.isBefore(last)) {
                inForce = 0; // a date before the last: walk again from the first rate
            }
            last = date;
            while (inForce < rates.length && !rates[inForce].date().isAfter(date)) {
                inForce++;
            }
            if (inForce == 0) {
                return null;
            }
            FxRate rate = rates[inForce - 1];
            return new Conversion(new Money(money.amount().multiply(rate.cnyPerUnit()), CNY), rate.cnyPerUnit(), rate.date());
        }
    }

    /**
     * A converted amount with the rate used (units of the target per unit of the source) and
     * that rate's date (null when no rate was needed).
     */
    public record Conversion(Money converted, BigDecimal rate, LocalDate rateDate) {
    }
}
