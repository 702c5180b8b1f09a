package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.AllotmentBasisRow;
import io.github.ipoanalyzer.store.Sourced;
import io.github.ipoanalyzer.subscription.ShippedTables;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The basis-of-allotment input on the shipped tables: read as written, checked row by row and
 * against the announcements' totals, without Spring Batch or a database. The totals are those
 * the announcements print (Biren, 31 Dec 2025; Iluvatar CoreX, 7 Jan 2026).
 */
class AllotmentBasisTest {

    private static final String HEADER = "ticker,pool,shares_applied,valid_applications,basis,guaranteed_shares,winners,"
            + "out_of,extra_shares,successful_applicants,shares_allotted";

    static List<Sourced<AllotmentBasisRow>> shipped() throws Exception {
        return ShippedTables.basis();
    }

    private static AllotmentBasisRow row(String line) {
        return row(line.split(",", -1));
    }

    private static AllotmentBasisRow row(String[] values) {
        return InputKinds.ALLOTMENT_BASIS.rule().apply(new RowValues(new CsvRecord("allotment-basis.csv", 2,
                Arrays.asList(HEADER.split(",", -1)), Arrays.asList(values))), ShippedTables.LISTINGS);
    }

    private static RejectedRowException reject(String line) {
        return assertThrows(RejectedRowException.class, () -> row(line));
    }

    @Test
    void theShippedTablesAddUpToEveryStatedTotal() throws Exception {
        List<Sourced<AllotmentBasisRow>> rows = shipped();
        AllotmentBasisGuard guard = new AllotmentBasisGuard(List::of);
        guard.seed();
        rows.forEach(guard::admit); // a total that did not match would throw
        assertTrue(guard.takeReplacements().isEmpty());
        // Biren: 41 rows; Σ V = 471,116, successful = 135,569, Σ (V·G + W·E) = 49,538,600 (announcement, p. 29-31).
        List<AllotmentBasisRow> biren = rows.stream().map(Sourced::row).filter(r -> r.ticker().equals("6082.HK")
                && !r.isTotal()).toList();
        assertEquals(41, biren.size());
        assertEquals(List.of(471_116L, 135_569L, 49_538_600L), sums(biren));
        List<AllotmentBasisRow> iluvatar = rows.stream().map(Sourced::row).filter(r -> r.ticker().equals("9903.HK")
                && !r.isTotal()).toList();
        assertEquals(43, iluvatar.size());
        assertEquals(List.of(180_802L, 22_451L, 2_543_200L), sums(iluvatar));
    }

    private static List<Long> sums(List<AllotmentBasisRow> rows) {
        return List.of(rows.stream().mapToLong(AllotmentBasisRow::validApplications).sum(),
                rows.stream().mapToLong(AllotmentBasisRow::successfulOfRow).sum(),
                rows.stream().mapToLong(AllotmentBasisRow::sharesOfRow).sum());
    }

    @Test
    void theBasisIsReadInEachOfItsThreeFormsAndBothSpellings() {
        // Biren's one-lot row: a ballot, 8,741 of 174,816 get 200 shares (5.00%).
        AllotmentBasisRow oneLot = row(new String[] {"6082.HK", "A", "200", "174816",
                "8,741 out of 174,816 applicants to receive 200 H Shares", "", "", "", "", "", ""});
        assertEquals(List.of(0L, 8_741L, 174_816L, 200L), List.of(oneLot.guaranteedShares(), oneLot.winners(),
                oneLot.outOf(), oneLot.extraShares()));
        // Iluvatar's form: "Shares", no "applicants", no "an".
        AllotmentBasisRow plus = row("9903.HK,B,1100000,5,100 Shares plus 3 out of 5 to receive additional 100 Shares,,,,,,");
        assertEquals(List.of(100L, 3L, 5L, 100L), List.of(plus.guaranteedShares(), plus.winners(), plus.outOf(),
                plus.extraShares()));
        AllotmentBasisRow fixed = row("6082.HK,A,200000,8682,400 H Shares,,,,,,");
        assertEquals(List.of(400L, 0L, 8_682L * 400), List.of(fixed.guaranteedShares(), fixed.winners(),
                fixed.sharesOfRow()));
        // As fields: the same row as Biren's 50,000-share row "200 H Shares plus 78 out of 4,914 … additional 200".
        AllotmentBasisRow fields = row("6082.HK,A,50000,4914,,200,78,4914,200,,");
        assertEquals(4_914L * 200 + 78L * 200, fields.sharesOfRow());
        assertEquals(4_914L, fields.successfulOfRow(), "every applicant of a row with guaranteed shares succeeds");
    }

    @Test
    void aBasisThatCannotBeReadOrDoesNotHoldIsRejectedWithItsReason() {
        assertEquals("basis-text", reject("6082.HK,A,200,174816,8741 in 174816 get 200 shares,,,,,,").rule());
        RejectedRowException lots = reject("6082.HK,A,300,10,100 H Shares,,,,,,");
        assertEquals("whole-lots", lots.rule());
        assertEquals("300 shares is not a whole number of lots of 200 (the board lot of 6082.HK)", lots.reason());
        RejectedRowException winners = reject("6082.HK,A,200,100,,,101,100,200,,");
        assertEquals("winners", winners.rule());
        assertEquals("101 winners out of 100 applicants: there cannot be more winners than applicants", winners.reason());
        assertEquals("basis-applicants", reject("6082.HK,A,200,174816,8741 out of 174815 applicants to receive 200 "
                + "H Shares,,,,,,").rule());
        assertEquals("pool", reject("6082.HK,C,200,10,200 H Shares,,,,,,").rule());
        assertEquals("basis-fields", reject("6082.HK,A,200,174816,8741 out of 174816 applicants to receive 200 H Shares,"
                + "0,8742,174816,200,,").rule());
    }

    @Test
    void aTableAlteredByOneWinnerIsRejectedWholeNamingTheTotalAndBothFigures() throws Exception {
        List<Sourced<AllotmentBasisRow>> rows = new ArrayList<>(shipped());
        // Biren's one-lot row (line 2) with 8,742 winners instead of 8,741: one successful applicant and 200 shares more.
        Sourced<AllotmentBasisRow> first = rows.get(0);
        AllotmentBasisRow r = first.row();
        rows.set(0, new Sourced<>(new AllotmentBasisRow(r.ticker(), r.pool(), r.sharesApplied(), r.validApplications(),
                r.guaranteedShares(), r.winners() + 1, r.outOf(), r.extraShares(), null, null, null, null, null),
                first.file(), first.line()));
        AllotmentBasisGuard guard = new AllotmentBasisGuard(List::of);
        guard.seed();
        List<RejectedRowException> rejects = new ArrayList<>();
        for (Sourced<AllotmentBasisRow> row : rows) {
            try {
                guard.admit(row);
            } catch (RejectedRowException e) {
                rejects.add(e);
            }
        }
        // Pool A's total (106,314 successful) is the first to fail; the table's later rows are rejected with it.
        assertEquals("the table of 6082.HK pool A does not add up: its rows give 106,315 successful applicants, its total "
                + "says 106,314; none of the table's rows is loaded", rejects.get(0).reason());
        assertEquals("table-total", rejects.get(0).rule());
        assertEquals("table-total", rejects.get(1).rule());
        assertEquals("the table of 6082.HK above does not add up to its total: none of its rows is loaded",
                rejects.get(1).reason(), "pool B's total and the grand total, after the table is rejected");
        assertEquals(3, rejects.size(), "Iluvatar's table is untouched");
        // Every one of Biren's 41 rows, already admitted, is withdrawn with the totals row's reason.
        List<RowGuard.Replacement<AllotmentBasisRow>> withdrawn = guard.takeReplacements();
        assertEquals(41, withdrawn.size());
        assertEquals(rejects.get(0).reason(), withdrawn.get(0).asReject().reason());
        assertEquals(2L, withdrawn.get(0).earlier().line());
    }
}
