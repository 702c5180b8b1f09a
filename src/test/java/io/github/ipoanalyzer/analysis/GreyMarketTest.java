package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.market.GreyMarketPrice;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grey market beside the first day, on made-up sessions (no grey-market price of these IPOs is public). */
class GreyMarketTest {

    @Test
    void theLatestSessionWithACloseGivesTheReturnAndTheLotGain() {
        List<GreyMarketPrice> sessions = List.of(
                new GreyMarketPrice("9903.HK", LocalDate.of(2026, 1, 6), "Broker A", null, null, null, new BigDecimal("150.00")),
                new GreyMarketPrice("9903.HK", LocalDate.of(2026, 1, 7), "Broker B", null, null, null, new BigDecimal("170.00")),
                new GreyMarketPrice("9903.HK", LocalDate.of(2026, 1, 7), "Broker C", null, null, null, new BigDecimal("171.00")),
                new GreyMarketPrice("9903.HK", LocalDate.of(2026, 1, 7), "Broker D", new BigDecimal("168"), null, null, null));
        GreyMarket g = GreyMarket.of(Fixtures.ILUVATAR, sessions).orElseThrow();
        // 2026-01-07, the first broker by name with a close: 170.00 / 144.60 − 1 = 0.175657; 100 × 25.40 = 2,540.
        assertEquals("Broker B", g.session().broker());
        assertEquals(new BigDecimal("0.175657"), Rounding.fraction(g.returnAtClose()));
        assertEquals(Money.of("2540.00", "HKD"), new Money(Rounding.money(g.lotGainAtClose()), g.lotGainAtClose().currency()));
        assertTrue(GreyMarket.of(Fixtures.METAX, sessions).isEmpty(), "none for another listing");
    }
}
