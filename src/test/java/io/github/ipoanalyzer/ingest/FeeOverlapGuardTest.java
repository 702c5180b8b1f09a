package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.fees.FeeRounding;
import io.github.ipoanalyzer.fees.FeeRule;
import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.fees.NetLotGain;
import io.github.ipoanalyzer.fees.Side;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.store.Sourced;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One charge of a market and side is one charge however its name is cased or spaced. */
class FeeOverlapGuardTest {

    private static final Currency CNY = Currency.getInstance("CNY");

    private static FeeRule sse(String charge, String rate, String from, String to, String note) {
        return new FeeRule("SSE", Side.SALE, charge, new BigDecimal(rate), null, null, FeeRounding.HALF_UP_CENT,
                from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to), CNY, note);
    }

    /** The shipped SSE sale rows, at their lines of fees.csv (not seeded: no store). */
    private static List<Sourced<FeeRule>> admitShipped(FeeOverlapGuard guard) {
        List<Sourced<FeeRule>> rows = List.of(
                new Sourced<>(sse("stamp duty", "0.001", null, "2023-08-27", "0.1%"), "fees.csv", 13),
                new Sourced<>(sse("stamp duty", "0.0005", "2023-08-28", null, "0.05%"), "fees.csv", 14),
                new Sourced<>(sse("transfer fee", "0.00001", "2022-04-29", null, null), "fees.csv", 15),
                new Sourced<>(sse("exchange handling fee", "0.0000487", null, "2023-08-27", null), "fees.csv", 16),
                new Sourced<>(sse("exchange handling fee", "0.0000341", "2023-08-28", null, null), "fees.csv", 17),
                new Sourced<>(sse("CSRC management fee", "0.00002", null, null, null), "fees.csv", 18));
        rows.forEach(guard::admit);
        return rows;
    }

    @Test
    void aChargeSpelledInAnotherCaseIsARepeatAndMooreThreadsNetStaysAsTheScheduleGivesIt() {
        FeeOverlapGuard guard = new FeeOverlapGuard(null);
        List<Sourced<FeeRule>> admitted = new ArrayList<>(admitShipped(guard));
        RejectedRowException repeat = assertThrows(RejectedRowException.class, () -> guard.admit(new Sourced<>(
                sse("Stamp  Duty", "0.00050", "2023-08-28", null, "copied from a broker's sheet"), "fees.csv", 25)));
        assertEquals(List.of("repeat", "SSE sale Stamp  Duty", "repeats line 14 of fees.csv (stamp duty) with the "
                        + "same rate, limits, rounding, dates and currency; counted as a repeat, not loaded"),
                List.of(repeat.rule(), repeat.rawValue(), repeat.reason()));

        // Sale of 500 × 600.50 = 300,250 on 2025-12-05: stamp duty 150.125 → 150.13 once, transfer 3.0025 → 3.00,
        // handling 10.238525 → 10.24, CSRC 6.005 → 6.01: 169.38; 300,250 − 169.38 − 57,140 = 242,940.62.
        FeeSchedule schedule = new FeeSchedule(admitted.stream()
                .map(r -> new FeeSchedule.Row(r.row(), r.file() + " line " + r.line())).toList());
        NetLotGain net = NetLotGain.of(schedule, "SSE", Money.of("57140.00", "CNY"), LocalDate.of(2025, 12, 5),
                Money.of("300250.00", "CNY"), LocalDate.of(2025, 12, 5)).orElseThrow();
        assertEquals(new BigDecimal("169.38"), net.sale().total().amount());
        assertEquals(new BigDecimal("242940.62"), net.net().amount());
    }

    @Test
    void aChargeSpelledOtherwiseWithAnotherRateOverlapsAndBothLinesAreNamed() {
        FeeOverlapGuard guard = new FeeOverlapGuard(null);
        admitShipped(guard);
        RejectedRowException conflict = assertThrows(RejectedRowException.class, () -> guard.admit(new Sourced<>(
                sse("Transfer  Fee", "0.00002", "2025-01-01", null, null), "fees.csv", 26)));
        assertEquals(List.of("conflict", "fees.csv", 15L), List.of(conflict.rule(), conflict.otherFile(),
                conflict.otherLine()));
        assertEquals("the dates of SSE sale Transfer  Fee at line 15 of fees.csv (spelled transfer fee there) and at line "
                + "26 of fees.csv overlap: two rates for one day; both rows are rejected", conflict.reason());
        // Not a repeat: a charge of another side, or of the same name and dates elsewhere, is its own.
        guard.admit(new Sourced<>(new FeeRule("SSE", Side.SUBSCRIPTION, "Transfer Fee", new BigDecimal("0.00001"), null,
                null, FeeRounding.HALF_UP_CENT, null, null, CNY, null), "fees.csv", 27));
        guard.admit(new Sourced<>(sse("transferfee", "0.00001", null, "2022-04-28", null), "fees.csv", 28));
    }
}
