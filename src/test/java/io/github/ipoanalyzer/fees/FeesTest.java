package io.github.ipoanalyzer.fees;

import io.github.ipoanalyzer.market.Allotment;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fee schedule of src/site/markdown/report.md ("The shipped fee schedule"), worked by hand:
 * each rate is written here as the schedule states it, each charge recomputed and rounded as it
 * says (half-up to the cent; HK stamp duty up to the whole dollar; the HK application amount
 * rounded once).
 */
class FeesTest {

    private static final Currency HKD = Currency.getInstance("HKD");
    private static final Currency CNY = Currency.getInstance("CNY");

    private static final Listing ILUVATAR = new Listing("9903.HK", "Iluvatar CoreX", "天数智芯", "HKEX", "Main Board", HKD,
            LocalDate.of(2026, 1, 8), new BigDecimal("144.60"), 100, 25_431_800L, 254_317_736L, null, null);
    private static final Listing BIREN = new Listing("6082.HK", "Biren", "壁仞科技", "HKEX", "Main Board", HKD,
            LocalDate.of(2026, 1, 2), new BigDecimal("19.60"), 200, 284_846_600L, null, null, null);

    /** The shipped schedule's Hong Kong and mainland rows, as input/fees.csv has them. */
    static FeeSchedule schedule() {
        List<FeeSchedule.Row> rows = new ArrayList<>();
        hk(rows, Side.SUBSCRIPTION, "brokerage on application", "0.01", FeeRounding.IN_TOTAL, null, null);
        hk(rows, Side.SUBSCRIPTION, "SFC transaction levy", "0.000027", FeeRounding.IN_TOTAL, "2014-11-01", null);
        hk(rows, Side.SUBSCRIPTION, "HKEX trading fee", "0.0000565", FeeRounding.IN_TOTAL, "2023-01-01", null);
        hk(rows, Side.SUBSCRIPTION, "AFRC transaction levy", "0.0000015", FeeRounding.IN_TOTAL, "2022-01-01", null);
        hk(rows, Side.SALE, "stamp duty", "0.0013", FeeRounding.UP_TO_WHOLE_UNIT, "2021-08-01", "2023-11-16");
        hk(rows, Side.SALE, "stamp duty", "0.001", FeeRounding.UP_TO_WHOLE_UNIT, "2023-11-17", null);
        hk(rows, Side.SALE, "HKEX trading fee", "0.0000565", FeeRounding.HALF_UP_CENT, "2023-01-01", null);
        hk(rows, Side.SALE, "SFC transaction levy", "0.000027", FeeRounding.HALF_UP_CENT, "2014-11-01", null);
        hk(rows, Side.SALE, "AFRC transaction levy", "0.0000015", FeeRounding.HALF_UP_CENT, "2022-01-01", null);
        rows.add(new FeeSchedule.Row(new FeeRule("HKEX", Side.SALE, "CCASS stock settlement fee", new BigDecimal("0.00002"),
                Money.of("2", "HKD"), Money.of("100", "HKD"), FeeRounding.HALF_UP_CENT, null, LocalDate.of(2025, 6, 29), HKD,
                null), "test"));
        hk(rows, Side.SALE, "CCASS stock settlement fee", "0.000042", FeeRounding.HALF_UP_CENT, "2025-06-30", null);
        for (String[] r : new String[][] {{"stamp duty", "0.001", null, "2023-08-27"}, {"stamp duty", "0.0005", "2023-08-28", null},
                {"transfer fee", "0.00001", "2022-04-29", null}, {"exchange handling fee", "0.0000487", null, "2023-08-27"},
                {"exchange handling fee", "0.0000341", "2023-08-28", null}, {"CSRC management fee", "0.00002", null, null}}) {
            rows.add(new FeeSchedule.Row(new FeeRule("SSE", Side.SALE, r[0], new BigDecimal(r[1]), null, null,
                    FeeRounding.HALF_UP_CENT, date(r[2]), date(r[3]), CNY, null), "test"));
        }
        return new FeeSchedule(rows);
    }

    private static void hk(List<FeeSchedule.Row> rows, Side side, String charge, String rate, FeeRounding rounding,
                           String from, String to) {
        rows.add(new FeeSchedule.Row(new FeeRule("HKEX", side, charge, new BigDecimal(rate), null, null, rounding, date(from),
                date(to), HKD, null), "test"));
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static BigDecimal halfUp(String amount) {
        return new BigDecimal(amount).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void theEntranceFeeOfBothHongKongListings() {
        // 144.60 × 100 × (1 + 1% + 0.0027% + 0.00565% + 0.00015%) = 14,460 × 1.010085 = 14,605.8291 → 14,605.83,
        // as Iluvatar CoreX's prospectus states.
        Application iluvatar = Application.of(ILUVATAR, schedule(), List.of(), Optional.empty());
        assertEquals(Money.of("14605.83", "HKD"), iluvatar.entranceFee());
        // 19.60 × 200 × 1.010085 = 3,959.5332 → 3,959.53
        assertEquals(Money.of("3959.53", "HKD"), Application.of(BIREN, schedule(), List.of(), Optional.empty()).entranceFee());
        // With the top of an offer range of 150.00: 15,000 × 1.010085 = 15,151.275 → 15,151.28 (half-up).
        Listing ranged = new Listing("9903.HK", "Iluvatar CoreX", null, "HKEX", null, HKD, LocalDate.of(2026, 1, 8),
                new BigDecimal("144.60"), 100, 1L, null, null, null, new BigDecimal("150.00"));
        assertEquals(Money.of("15151.28", "HKD"), Application.of(ranged, schedule(), List.of(), Optional.empty()).entranceFee());
    }

    @Test
    void iluvatarsLotNetOfEveryChargeAtTheFirstClose() {
        NetLotGain n = NetLotGain.of(schedule(), "HKEX", Money.of("14460.00", "HKD"), LocalDate.of(2026, 1, 8),
                Money.of("15680.00", "HKD"), LocalDate.of(2026, 1, 8)).orElseThrow();
        // Sale of 100 × 156.80 = 15,680: stamp duty 15.68 → 16 (up to the whole dollar); trading fee 0.88592 → 0.89;
        // SFC 0.42336 → 0.42; AFRC 0.02352 → 0.02; CCASS 0.0042% (in force since 2025-06-30) 0.65856 → 0.66.
        assertEquals(List.of("stamp duty 16", "HKEX trading fee 0.89", "SFC transaction levy 0.42",
                        "AFRC transaction levy 0.02", "CCASS stock settlement fee 0.66"),
                n.sale().charges().stream().map(c -> c.rule().charge() + " " + c.amount().amount().toPlainString()).toList());
        assertEquals(new BigDecimal("17.99"), n.sale().total().amount());
        // Application: 14,460 × 1.0085% = 145.8291 → 145.83, rounded once.
        assertEquals(new BigDecimal("145.83"), n.subscription().total().amount());
        assertEquals(Money.of("14605.83", "HKD"), n.capital());
        // 15,680 − 17.99 − 14,605.83 = 1,056.18 (gross 1,220); return 1,056.18 / 14,605.83 = 0.072312…
        assertEquals(new BigDecimal("1056.18"), n.net().amount());
        assertEquals(new BigDecimal("0.072312"), n.netReturn().setScale(6, RoundingMode.HALF_EVEN));
    }

    @Test
    void theOtherListingsNetAtTheFirstClose() {
        FeeSchedule s = schedule();
        // Moore Threads, 500 × 600.50 = 300,250 on 2025-12-05: stamp 150.125 → 150.13, transfer 3.0025 → 3.00,
        // handling 10.238525 → 10.24, CSRC 6.005 → 6.01 (half-up): 169.38; no subscription charges.
        NetLotGain mt = NetLotGain.of(s, "SSE", Money.of("57140.00", "CNY"), LocalDate.of(2025, 12, 5),
                Money.of("300250.00", "CNY"), LocalDate.of(2025, 12, 5)).orElseThrow();
        BigDecimal mtSale = halfUp("150.125").add(halfUp("3.0025")).add(halfUp("10.238525")).add(halfUp("6.005"));
        assertEquals(mtSale, mt.sale().total().amount());
        assertEquals(new BigDecimal("300250.00").subtract(mtSale).subtract(new BigDecimal("57140.00")), mt.net().amount());
        assertEquals(new BigDecimal("242940.62"), mt.net().amount());
        // MetaX, 500 × 829.90 = 414,950 on 2025-12-17: 207.475 → 207.48, 4.1495 → 4.15, 14.149795 → 14.15, 8.299 → 8.30.
        NetLotGain metax = NetLotGain.of(s, "SSE", Money.of("52330.00", "CNY"), LocalDate.of(2025, 12, 17),
                Money.of("414950.00", "CNY"), LocalDate.of(2025, 12, 17)).orElseThrow();
        assertEquals(new BigDecimal("234.08"), metax.sale().total().amount());
        assertEquals(new BigDecimal("362385.92"), metax.net().amount());
        // Biren, 200 × 34.46 = 6,892 on 2026-01-02: stamp 6.892 → 7, 0.389398 → 0.39, 0.186084 → 0.19,
        // 0.010338 → 0.01, 0.289464 → 0.29: 7.88; capital 3,920 × 1.010085 = 3,959.5332 → 3,959.53.
        NetLotGain biren = NetLotGain.of(s, "HKEX", Money.of("3920.00", "HKD"), LocalDate.of(2026, 1, 2),
                Money.of("6892.00", "HKD"), LocalDate.of(2026, 1, 2)).orElseThrow();
        assertEquals(new BigDecimal("7.88"), biren.sale().total().amount());
        assertEquals(new BigDecimal("2924.59"), biren.net().amount());
    }

    @Test
    void aSaleOnEachSideOfAFeeChangeDate() {
        FeeSchedule s = schedule();
        Money sale = Money.of("15680.00", "HKD");
        // Stamp duty 0.13% up to 2023-11-16: 20.384 → 21; 0.1% from 2023-11-17: 15.68 → 16. The CCASS fee before
        // mid-2025 is 0.002% with a HK$2 minimum: 0.3136 → 2.00.
        assertEquals(List.of("stamp duty 21", "CCASS stock settlement fee 2.00"), charges(s, sale, "2023-11-16"));
        assertEquals(List.of("stamp duty 16", "CCASS stock settlement fee 2.00"), charges(s, sale, "2023-11-17"));
        // Mainland stamp duty 0.1% to 2023-08-27, 0.05% from 2023-08-28 (on 300,250: 300.25 and 150.13).
        assertEquals(new BigDecimal("300.25"), mainland(s, "2023-08-27", "stamp duty"));
        assertEquals(new BigDecimal("150.13"), mainland(s, "2023-08-28", "stamp duty"));
    }

    private static List<String> charges(FeeSchedule s, Money sale, String day) {
        return s.charges("HKEX", Side.SALE, LocalDate.parse(day), sale).charges().stream()
                .filter(c -> c.rule().charge().equals("stamp duty") || c.rule().charge().startsWith("CCASS"))
                .map(c -> c.rule().charge() + " " + c.amount().amount().toPlainString()).toList();
    }

    private static BigDecimal mainland(FeeSchedule s, String day, String charge) {
        return s.charges("SSE", Side.SALE, LocalDate.parse(day), Money.of("300250.00", "CNY")).charges().stream()
                .filter(c -> c.rule().charge().equals(charge)).findFirst().orElseThrow().amount().amount();
    }

    @Test
    void theExpectedGainOfOneApplicationWhereTheRateIsKnown() {
        FeeSchedule s = schedule();
        Optional<NetLotGain> mt = NetLotGain.of(s, "SSE", Money.of("57140.00", "CNY"), LocalDate.of(2025, 12, 5),
                Money.of("300250.00", "CNY"), LocalDate.of(2025, 12, 5));
        Listing mooreThreads = new Listing("688795.SH", "Moore Threads", null, "SSE", "STAR Market", CNY,
                LocalDate.of(2025, 12, 5), new BigDecimal("114.28"), 500, 70_000_000L, null, null, null);
        Allotment perLot = new Allotment("688795.SH", 1, null, null, new BigDecimal("0.0003635054"), 1L, null, null);
        // 0.03635054% × 242,940.62 = 88.3096… per 签; the A-share application costs nothing up front.
        Application a = Application.of(mooreThreads, s, List.of(perLot), mt);
        assertEquals(new BigDecimal("88.31"), a.expectedGain().amount().setScale(2, RoundingMode.HALF_EVEN));
        assertEquals(null, a.entranceFee());
        // Biren: 5% of 2,924.59 = 146.2295 per one-lot application, from applicants and successes too.
        Optional<NetLotGain> biren = NetLotGain.of(s, "HKEX", Money.of("3920.00", "HKD"), LocalDate.of(2026, 1, 2),
                Money.of("6892.00", "HKD"), LocalDate.of(2026, 1, 2));
        Allotment fromCounts = new Allotment("6082.HK", 1, 200_000L, 10_000L, null, 1L, null, null);
        assertEquals(new BigDecimal("146.2295"), Application.of(BIREN, s, List.of(fromCounts), biren).expectedGain()
                .amount().stripTrailingZeros());
        // An IPO whose one-lot rate is not given: the expected gain is unknown, never 0.
        Application unknown = Application.of(ILUVATAR, s, List.of(new Allotment("9903.HK", 1, null, null, null, null,
                new BigDecimal("414.24"), null)), Optional.empty());
        assertEquals(null, unknown.expectedGain());
        assertTrue(unknown.note().contains("success rate unknown"), unknown.note());
    }

    @Test
    void aBrokerCommissionTheUserAddsIsChargedWithItsMinimum() {
        List<FeeSchedule.Row> rows = new ArrayList<>(List.of(new FeeSchedule.Row(new FeeRule("HKEX", Side.SALE,
                FeeSchedule.BROKER_COMMISSION, new BigDecimal("0.0025"), Money.of("3", "HKD"), null, FeeRounding.HALF_UP_CENT,
                LocalDate.of(2024, 1, 1), null, HKD, null), "fees.csv line 25")));
        FeeSchedule s = new FeeSchedule(rows);
        // 0.25% of 15,680 = 39.20; of 1,000 = 2.50, so the HK$3 minimum.
        assertEquals(new BigDecimal("39.20"), s.charges("HKEX", Side.SALE, LocalDate.of(2026, 1, 8),
                Money.of("15680.00", "HKD")).total().amount());
        assertEquals(new BigDecimal("3.00"), s.charges("HKEX", Side.SALE, LocalDate.of(2026, 1, 8),
                Money.of("1000.00", "HKD")).total().amount());
    }

    @Test
    void withoutAScheduleRowForTheSaleTheNetIsUnknownNeverTheGross() {
        assertTrue(NetLotGain.of(schedule(), "BSE", Money.of("1000", "CNY"), LocalDate.of(2025, 1, 2),
                Money.of("2000", "CNY"), LocalDate.of(2025, 1, 2)).isEmpty());
    }
}
