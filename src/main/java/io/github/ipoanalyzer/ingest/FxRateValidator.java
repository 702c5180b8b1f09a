package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.money.FxRates;

import java.util.Currency;

/** fx-rates.csv: CNY per one unit of a currency, dated. */
public class FxRateValidator implements RowRule<FxRate> {

    @Override
    public FxRate apply(RowValues v, ListingLookup listings) {
        Currency currency = v.currency("currency");
        if (currency.equals(FxRates.CNY)) {
            throw v.reject("currency", "cny-rate", "CNY needs no rate: amounts in CNY are not converted");
        }
        return new FxRate(v.date("date"), currency, v.positiveDecimal("cny_per_unit"));
    }
}
