package io.github.ipoanalyzer.fees;

import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A charge keeps its currency: its minimum and maximum are amounts of it, and it rounds to its minor unit. */
class FeeCurrencyTest {

    private static FeeRule rule(String rate, Money minimum, Money maximum, String currency) {
        return new FeeRule("TSE", Side.SALE, "commission", new BigDecimal(rate), minimum, maximum,
                FeeRounding.HALF_UP_CENT, null, null, Currency.getInstance(currency), null);
    }

    @Test
    void aChargeRoundsHalfUpToItsCurrencysMinorUnit() {
        // JPY has no minor unit: 1,234,567 × 0.0005 = 617.2835 → 617; 1,235,000 × 0.0005 = 617.5 → 618 (half-up).
        assertEquals(Money.of("617", "JPY"), rule("0.0005", null, null, "JPY").on(Money.of("1234567", "JPY")));
        assertEquals(Money.of("618", "JPY"), rule("0.0005", null, null, "JPY").on(Money.of("1235000", "JPY")));
        // CNY to the fen: 395,170 × 0.0000341 = 13.475297 → 13.48.
        assertEquals(Money.of("13.48", "CNY"), rule("0.0000341", null, null, "CNY").on(Money.of("395170", "CNY")));
    }

    @Test
    void theMinimumAndMaximumAreAmountsOfTheChargesCurrency() {
        // HK$2 minimum beats 0.00002 × 5,000 = HK$0.10; HK$100 maximum caps 0.00002 × 10,000,000 = HK$200.
        FeeRule ccass = rule("0.00002", Money.of("2", "HKD"), Money.of("100", "HKD"), "HKD");
        assertEquals(Money.of("2.00", "HKD"), ccass.on(Money.of("5000", "HKD")));
        assertEquals(Money.of("100.00", "HKD"), ccass.on(Money.of("10000000", "HKD")));
    }

    @Test
    void aChargeInAnotherCurrencyThanItsConsiderationIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rule("0.001", null, null, "USD").on(Money.of("395170", "CNY")));
        assertEquals("commission of TSE is in USD, not in the consideration's CNY", e.getMessage());
    }

    @Test
    void aSideInTotalRoundsOnceToTheMinorUnit() {
        // Two unrounded charges of JPY 100,001 (0.00005 → 5.00005, 0.00027 → 27.00027) total 32.00032 → 32.
        FeeRule a = new FeeRule("TSE", Side.SUBSCRIPTION, "a", new BigDecimal("0.00005"), null, null,
                FeeRounding.IN_TOTAL, null, null, Currency.getInstance("JPY"), null);
        FeeRule b = new FeeRule("TSE", Side.SUBSCRIPTION, "b", new BigDecimal("0.00027"), null, null,
                FeeRounding.IN_TOTAL, null, null, Currency.getInstance("JPY"), null);
        FeeSchedule schedule = new FeeSchedule(List.of(new FeeSchedule.Row(a, "fees.csv line 2"),
                new FeeSchedule.Row(b, "fees.csv line 3")));
        assertEquals(Money.of("32", "JPY"), schedule.charges("TSE", Side.SUBSCRIPTION, LocalDate.of(2026, 1, 5),
                Money.of("100001", "JPY")).total());
        assertEquals(new BigDecimal("618"), Rounding.money(Money.of("617.5", "JPY")), "written out half-even: 618");
    }
}
