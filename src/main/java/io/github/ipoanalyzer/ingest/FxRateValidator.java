package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;

import java.util.Currency;
import java.util.List;

/** fx-rates.csv: CNY per one unit of a currency, dated. */
public class FxRateValidator extends RowValidator<FxRate> {

    public static final CsvFormat FORMAT = new CsvFormat(
            List.of("date", "currency", "cny_per_unit"),
            List.of("note"));

    public FxRateValidator(MarketDataStore store) {
        super(store, MarketTables.FX_RATE, f -> f.currency() + " " + f.date(), "currency and date");
    }

    @Override
    protected FxRate validate(RowValues v) {
        Currency currency = v.currency("currency");
        if (currency.equals(FxRates.CNY)) {
            throw v.reject("currency", "cny-rate", "CNY needs no rate: amounts in CNY are not converted");
        }
        return new FxRate(v.date("date"), currency, v.positiveDecimal("cny_per_unit"));
    }
}
