package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.IpoAnalyzer;
import io.github.ipoanalyzer.fees.FeeRounding;
import io.github.ipoanalyzer.fees.FeeRule;
import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.fees.NetLotGain;
import io.github.ipoanalyzer.fees.Side;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeeNoteTest {

    @Test
    void aUsersBrokerCommissionIsRecognisedInAnyCaseOrSpacing() {
        Currency hkd = Currency.getInstance("HKD");
        Listing b = new Listing("B.HK", "Beta", null, "HKEX", "Main Board", hkd, LocalDate.of(2026, 1, 2),
                new BigDecimal("20"), 100, 1000L, 5_000L, null, null);
        IpoAnalysis beta = new IpoAnalyzer(new FxRates(List.of()), LocalDate.of(2026, 11, 28), 5).analyse(
                new ListingHistory(b, List.of(new DailyPrice("B.HK", LocalDate.of(2026, 1, 2), null, null, null,
                        new BigDecimal("22"), null, null, null)), List.of(), List.of()));
        FeeSchedule schedule = new FeeSchedule(List.of(new FeeSchedule.Row(new FeeRule("HKEX", Side.SALE,
                "Broker  Commission", new BigDecimal("0.0025"), Money.of("3", "HKD"), null, FeeRounding.HALF_UP_CENT, null,
                null, hkd, null), "fees.csv line 25")));
        Optional<NetLotGain> net = NetLotGain.of(schedule, "HKEX", Money.of("2000.00", "HKD"), LocalDate.of(2026, 1, 2),
                Money.of("2200.00", "HKD"), LocalDate.of(2026, 1, 2));
        assertEquals("includes broker commission as fees.csv line 25 states it",
                ReportTables.feeNote(beta, net).split("; ")[0]);
    }
}
