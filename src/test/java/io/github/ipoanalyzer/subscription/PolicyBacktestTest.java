package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.market.OfferFacts;
import io.github.ipoanalyzer.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.github.ipoanalyzer.subscription.ShippedTables.BIREN;
import static io.github.ipoanalyzer.subscription.ShippedTables.ILUVATAR;
import static io.github.ipoanalyzer.subscription.ShippedTables.MOORE_THREADS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The policies over the shipped HK tables and Moore Threads' cap, totals worked by hand. */
class PolicyBacktestTest {

    private static final MathContext M = MathContext.DECIMAL128;

    private static Subscription hk(io.github.ipoanalyzer.market.Listing listing, String close, LocalDate day)
            throws Exception {
        return new Subscription(HkApplications.of(listing, ShippedTables.fees(), ShippedTables.basisRows(),
                List.of(new ReferencePoint(ReferencePoint.FIRST_CLOSE, day, new BigDecimal(close))),
                SubscriptionSettings.NONE, 2).orElseThrow(), null, null);
    }

    @Test
    void theOneLotPolicyOverBirenAndIluvatarAndTheCapOverMooreThreads() throws Exception {
        OfferFacts moore = new OfferFacts("688795.SH", LocalDate.of(2025, 11, 24), null, null, null, "STAR", 11_000L,
                new BigDecimal("110000"), null, null, null, null, null);
        List<String> policies = List.of(PolicyBacktest.ONE_LOT, PolicyBacktest.GUARANTEED_LOT, PolicyBacktest.CAP);
        List<PolicyBacktest.Listed> listed = List.of(
                new PolicyBacktest.Listed(MOORE_THREADS, PolicyBacktest.choices(new Subscription(null,
                        AShareApplication.of(MOORE_THREADS, moore, null, new io.github.ipoanalyzer.market.Allotment("688795.SH", 1,
                                null, null, new BigDecimal("0.0003635054"), 1L, null, null),
                                Money.of("242940.62", "CNY")).orElseThrow(), moore), policies), false),
                new PolicyBacktest.Listed(BIREN, PolicyBacktest.choices(hk(BIREN, "34.46", LocalDate.of(2026, 1, 2)),
                        policies), false),
                new PolicyBacktest.Listed(ILUVATAR, PolicyBacktest.choices(hk(ILUVATAR, "156.80", LocalDate.of(2026, 1, 8)),
                        policies), false));
        PolicyBacktest.Result r = PolicyBacktest.run(listed, Map.of("GPU", List.of("688795.SH", "6082.HK", "9903.HK")),
                policies);
        PolicyBacktest.Total oneLot = r.totals().get(0);
        // Biren: 8,741/174,816 × 2,924.59 = 146.2328…, capital 3,959.53 × 2 days; Iluvatar: 7,193/102,763 × 1,056.18
        // = 73.9284…, 14,605.83 × 2 days. Σ capital-days = 37,130.72; Σ net × 365 / that = 2.1642…
        BigDecimal net = new BigDecimal(8_741).multiply(new BigDecimal("2924.59")).divide(new BigDecimal(174_816), M)
                .add(new BigDecimal(7_193).multiply(new BigDecimal("1056.18")).divide(new BigDecimal(102_763), M));
        assertEquals(List.of("one-lot", "HKD", 2, 1), List.of(oneLot.policy(), oneLot.currency(), oneLot.applied(),
                oneLot.skipped()));
        assertEquals(new BigDecimal("18565.36"), oneLot.capital());
        assertEquals(new BigDecimal("37130.72"), oneLot.capitalDays());
        assertEquals(0, net.round(new MathContext(28)).compareTo(oneLot.expectedNet().round(new MathContext(28))));
        assertEquals("220.16", oneLot.expectedNet().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
        assertEquals("2.164215", oneLot.annualised().setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString());
        // Moore Threads is skipped by the HK policies, with the reason; the cap applies to it alone, without cash.
        PolicyBacktest.Applied skipped = r.rows().get(0);
        assertEquals("no basis-of-allotment table in allotment-basis.csv", skipped.skipped());
        PolicyBacktest.Total cap = r.totals().get(2);
        assertEquals(List.of("cap", "CNY", 1, 2), List.of(cap.policy(), cap.currency(), cap.applied(), cap.skipped()));
        assertEquals(null, cap.annualised(), "an A-share application ties up no cash: nothing to annualise");
        assertEquals("22 签 (cap)", r.rows().stream().filter(a -> a.policy().equals("cap") && a.skipped() == null)
                .findFirst().orElseThrow().application());
    }
}
