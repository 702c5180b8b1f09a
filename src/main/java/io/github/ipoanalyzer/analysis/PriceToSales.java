package io.github.ipoanalyzer.analysis;


import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Price-to-sales {@code cap_t / revenue} for one named revenue period, the two in one
 * currency: directly when cap and revenue share a currency, else both in CNY at the rate in
 * force on the cap's date. A half-year is divided as it is (not annualised); the period's
 * length travels with it. {@code multiple} is null when revenue or a needed rate is unknown,
 * and {@code note} says why.
 */
public record PriceToSales(RevenuePeriod period, ReferencePrice capReference, LocalDate capDate, Money cap,
                           BigDecimal multiple, FxRates.Conversion capInCny, String note) {

    public static PriceToSales of(RevenuePeriod period, ReferencePrice capReference, LocalDate capDate, Money cap,
                                  FxRates rates) {
        Money revenue = period.revenue();
        if (revenue == null) {
            return new PriceToSales(period, capReference, capDate, cap, null, null, "revenue unknown");
        }
        if (revenue.amount().signum() <= 0) {
            return new PriceToSales(period, capReference, capDate, cap, null, null, "revenue not positive");
        }
        if (revenue.currency().equals(cap.currency())) {
            return new PriceToSales(period, capReference, capDate, cap, cap.dividedBy(revenue), null, null);
        }
        Optional<FxRates.Conversion> capCny = rates.toCny(cap, capDate);
        Optional<FxRates.Conversion> revenueCny = rates.toCny(revenue, capDate);
        if (capCny.isEmpty() || revenueCny.isEmpty()) {
            String missing = capCny.isEmpty() ? cap.currency().getCurrencyCode() : revenue.currency().getCurrencyCode();
            return new PriceToSales(period, capReference, capDate, cap, null, capCny.orElse(null),
                    "no CNY/" + missing + " rate on or before " + capDate);
        }
        return new PriceToSales(period, capReference, capDate, cap, capCny.get().converted().dividedBy(revenueCny.get().converted()),
                capCny.get(), null);
    }
}
