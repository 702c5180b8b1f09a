package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

import static io.github.ipoanalyzer.subscription.ShippedTables.BIREN;
import static io.github.ipoanalyzer.subscription.ShippedTables.ILUVATAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every tier of the shipped HK tables, valued with the shipped fee schedule, against figures
 * worked by hand (HK subscription charges 1% + 0.0027% + 0.00565% + 0.00015% = 1.0085%, rounded
 * in total; sale: stamp duty 0.1% up to the dollar, trading fee 0.00565%, SFC 0.0027%, AFRC
 * 0.00015%, CCASS 0.0042%, each half-up to the cent).
 */
class HkApplicationsTest {

    private static final MathContext M = MathContext.DECIMAL128;
    private static final ReferencePoint BIREN_CLOSE = new ReferencePoint(ReferencePoint.FIRST_CLOSE, LocalDate.of(2026, 1, 2),
            new BigDecimal("34.46"));
    private static final ReferencePoint ILUVATAR_CLOSE = new ReferencePoint(ReferencePoint.FIRST_CLOSE, LocalDate.of(2026, 1, 8),
            new BigDecimal("156.80"));

    private static HkApplications of(io.github.ipoanalyzer.market.Listing listing, ReferencePoint close,
                                     SubscriptionSettings settings, Integer days) throws Exception {
        return HkApplications.of(listing, ShippedTables.fees(), ShippedTables.basisRows(), List.of(close), settings, days)
                .orElseThrow();
    }

    private static void assertMoney(String expected, Money actual) {
        assertEquals(new BigDecimal(expected), actual.amount());
    }

    private static void assertClose(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.round(new MathContext(30)).compareTo(actual.round(new MathContext(30))),
                expected + " vs " + actual);
    }

    @Test
    void birensOneLotRowIsABallotOfFivePercent() throws Exception {
        HkApplications biren = of(BIREN, BIREN_CLOSE, SubscriptionSettings.NONE, null);
        Tier oneLot = biren.oneLot();
        assertEquals(200L, oneLot.sharesApplied());
        assertEquals("allotment-basis.csv line 2", oneLot.source().where());
        BigDecimal p = new BigDecimal(8_741).divide(new BigDecimal(174_816), M); // 0.0500011 (5.00%)
        assertEquals(p, oneLot.oneLotChance());
        assertClose(p.multiply(new BigDecimal(200)), oneLot.expectedShares());
        // 200 × 19.60 × 1.010085 = 3,959.5332 → 3,959.53 (the entrance fee).
        assertMoney("3959.53", oneLot.applicationMoney());
        // net(200) at 34.46: 6,892 − sale 7.88 (7 + 0.39 + 0.19 + 0.01 + 0.29) − 3,920 − 39.53 = 2,924.59.
        // Expected: p × 2,924.59 = 146.2328…; on the application money: ÷ 3,959.53 = 0.0369319.
        Tier.Gain gain = oneLot.at(ReferencePoint.FIRST_CLOSE).orElseThrow();
        assertClose(p.multiply(new BigDecimal("2924.59")), gain.expectedNet().amount());
        assertEquals("146.23", gain.expectedNet().amount().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
        assertEquals("0.036932", gain.returnOnCapital().setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString());
        assertEquals(null, gain.annualisedReturn(), "days unknown: annualised unknown, never 0");
    }

    @Test
    void birensGuaranteedLotIsThe50000ShareRowPlusAnAdditionalLotFor78Of4914() throws Exception {
        HkApplications biren = of(BIREN, BIREN_CLOSE, SubscriptionSettings.NONE, null);
        Tier g = biren.guaranteed().orElseThrow();
        // Pool A rows up to 40,000 shares are ballots; 50,000: "200 H Shares plus 78 out of 4,914 … an additional 200".
        assertEquals(List.of("A", 50_000L), List.of(g.pool(), g.sharesApplied()));
        assertEquals(BigDecimal.ONE, g.oneLotChance());
        // 50,000 × 19.60 × 1.010085 = 989,883.30.
        assertMoney("989883.30", g.applicationMoney());
        // 78 / 4,914 = 1/63: expected shares 200 + 200/63 = 203.1746…
        assertClose(new BigDecimal(200).add(new BigDecimal(200).divide(new BigDecimal(63), M)), g.expectedShares());
        // net(400) at 34.46: 13,784 − 15.75 (14 + 0.78 + 0.37 + 0.02 + 0.58) − 7,840 − 79.07 = 5,849.18;
        // (62/63) × 2,924.59 + (1/63) × 5,849.18 = 2,924.59 × 64/63 = 2,971.0120634…
        assertClose(new BigDecimal("2924.59").multiply(new BigDecimal(64)).divide(new BigDecimal(63), M),
                g.at(ReferencePoint.FIRST_CLOSE).orElseThrow().expectedNet().amount());
    }

    @Test
    void iluvatarsOneLotRowAndGuaranteedLot() throws Exception {
        HkApplications iluvatar = of(ILUVATAR, ILUVATAR_CLOSE, SubscriptionSettings.NONE, null);
        Tier oneLot = iluvatar.oneLot();
        BigDecimal p = new BigDecimal(7_193).divide(new BigDecimal(102_763), M); // 7.00%
        assertEquals(p, oneLot.oneLotChance());
        assertMoney("14605.83", oneLot.applicationMoney()); // as the prospectus prints the entrance fee
        // net(100) at 156.80: 15,680 − 17.99 (16 + 0.89 + 0.42 + 0.02 + 0.66) − 14,460 − 145.83 = 1,056.18.
        assertClose(p.multiply(new BigDecimal("1056.18")), oneLot.at(ReferencePoint.FIRST_CLOSE).orElseThrow().expectedNet().amount());
        // Every pool A row is a ballot; pool B's smallest, 40,000 shares, gives 100 plus 1,717 of 5,722 another 100.
        Tier g = iluvatar.guaranteed().orElseThrow();
        assertEquals(List.of("B", 40_000L), List.of(g.pool(), g.sharesApplied()));
        assertMoney("5842331.64", g.applicationMoney()); // 40,000 × 144.60 × 1.010085
        assertEquals(43, iluvatar.tiers().size());
    }

    @Test
    void aBallotOfOneTwelfthExpectsExactlyHalfACentOverAndRoundsItAsTheReportRounds() throws Exception {
        // Pool A, 4,000 shares: 93 out of 1,116 (= 1/12) receive 100 shares; net(100) at 156.80 is 1,056.18.
        Tier tier = of(ILUVATAR, ILUVATAR_CLOSE, SubscriptionSettings.NONE, null).tiers().stream()
                .filter(t -> t.pool().equals("A") && t.sharesApplied() == 4_000).findFirst().orElseThrow();
        BigDecimal expected = tier.at(ReferencePoint.FIRST_CLOSE).orElseThrow().expectedNet().amount();
        // 1,056.18 / 12 = 88.015 exactly: a 34-digit 1/12 times 1,056.18 was 88.01499…, written 88.01.
        assertEquals(0, new BigDecimal("88.015").compareTo(expected), expected.toPlainString());
        assertEquals(new BigDecimal("88.02"), io.github.ipoanalyzer.money.Rounding.money(tier.at(ReferencePoint.FIRST_CLOSE)
                .orElseThrow().expectedNet()));
        assertEquals(0, new BigDecimal("100").multiply(new BigDecimal(93)).divide(new BigDecimal(1_116), M)
                .compareTo(tier.expectedShares()));
    }

    @Test
    void financingHandlingAndDaysTiedUp() throws Exception {
        // Half the money financed at 6% a year for 2 days, HK$100 handling fee per application.
        SubscriptionSettings financed = new SubscriptionSettings(new BigDecimal("0.5"), new BigDecimal("0.06"),
                new BigDecimal("100"), null, List.of());
        Tier oneLot = of(BIREN, BIREN_CLOSE, financed, 2).oneLot();
        // 0.5 × 3,959.53 × 0.06 × 2 / 365 = 0.65088… → 0.65.
        assertMoney("0.65", oneLot.financingCost());
        BigDecimal p = new BigDecimal(8_741).divide(new BigDecimal(174_816), M);
        BigDecimal net = p.multiply(new BigDecimal("2924.59")).subtract(new BigDecimal("100.65"));
        Tier.Gain gain = oneLot.at(ReferencePoint.FIRST_CLOSE).orElseThrow();
        assertClose(net, gain.expectedNet().amount());
        // Annualised: (net / 3,959.53) × 365 / 2.
        assertClose(net.divide(new BigDecimal("3959.53"), M).multiply(new BigDecimal(365)).divide(new BigDecimal(2), M),
                gain.annualisedReturn());
        assertTrue(of(BIREN, BIREN_CLOSE, financed, null).oneLot().gains().isEmpty(),
                "financed, days unknown: the financing cost and the expected net are unknown, never 0");
    }
}
