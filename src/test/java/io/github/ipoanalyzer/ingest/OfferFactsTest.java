package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.OfferFacts;
import io.github.ipoanalyzer.subscription.ShippedTables;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** offers.csv's rule: dates in the order an offer runs, days tied up, and the ends that become events. */
class OfferFactsTest {

    private static final String HEADER = "ticker,application_close,refund_date,subscription_cap_shares,"
            + "cornerstone_shares,cornerstone_lockup_end,stabilization_end";

    private static OfferFacts row(String line) {
        return InputKinds.OFFERS.rule().apply(new RowValues(new CsvRecord("offers.csv", 2, Arrays.asList(HEADER.split(",")),
                Arrays.asList(line.split(",", -1)))), ShippedTables.LISTINGS);
    }

    @Test
    void birensOfferTiesMoneyUpTwoDaysAndEndsItsLockupAndStabilizationAsEvents() {
        OfferFacts biren = row("6082.HK,2025-12-29,2025-12-31,,147926400,2026-07-01,2026-01-28");
        assertEquals(2, biren.daysTiedUp()); // 29 Dec 12:00 to the results of 31 Dec, monies already returned
        assertEquals(List.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 1, 28)),
                biren.events().stream().map(Event::date).toList());
        assertEquals(List.of(OfferFacts.CORNERSTONE_LOCKUP_END, OfferFacts.STABILIZATION_END),
                biren.events().stream().map(Event::kind).toList());
        assertEquals(null, row("6082.HK,2025-12-29,,,,,").daysTiedUp(), "a refund date unknown: days unknown, never 0");
    }

    @Test
    void datesInTheWrongOrderAndACapOfPartLotsAreRejected() {
        RejectedRowException refund = assertThrows(RejectedRowException.class,
                () -> row("6082.HK,2025-12-31,2025-12-29,,,,"));
        assertEquals("date-order", refund.rule());
        assertEquals("application_close 2025-12-31 and refund_date 2025-12-29 are in the wrong order: application_close "
                + "comes before refund_date", refund.reason());
        assertEquals("cornerstone_lockup_end", assertThrows(RejectedRowException.class,
                () -> row("6082.HK,2025-12-29,2025-12-31,,1,2025-12-01,")).column(), "a lock-up ending before listing");
        assertEquals("whole-lots", assertThrows(RejectedRowException.class,
                () -> row("688795.SH,2025-11-24,,11200,,,")).rule());
    }
}
