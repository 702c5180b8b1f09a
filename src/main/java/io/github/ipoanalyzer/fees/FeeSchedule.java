package io.github.ipoanalyzer.fees;

import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The charges of one side of a trade in one market on one date, from the dated rows of the fee
 * schedule: each row in force that day applies once. A side's total is the sum of its charges,
 * those rounded "in total" summed first and rounded half-up to the cent once.
 */
public final class FeeSchedule {

    /** A schedule row with where it was read ("fees.csv line 4"). */
    public record Row(FeeRule rule, String where) {
    }

    /** The charges of one side and their total. */
    public record SideCharges(List<Charge> charges, Money total) {
    }

    private final List<Row> rows;
    private final String caveat;

    public FeeSchedule(List<Row> rows) {
        this(rows, null);
    }

    /** {@code caveat}: why a net figure may lack a charge (rows of the schedule were rejected), or null. */
    public FeeSchedule(List<Row> rows, String caveat) {
        this.rows = List.copyOf(rows);
        this.caveat = caveat;
    }

    public java.util.Optional<String> caveat() {
        return java.util.Optional.ofNullable(caveat);
    }

    /** True when some row of {@code market} and {@code side} is in force on {@code date}. */
    public boolean covers(String market, Side side, LocalDate date) {
        return rows.stream().anyMatch(r -> applies(r.rule(), market, side, date));
    }

    public boolean hasAny(String market, Side side) {
        return rows.stream().anyMatch(r -> r.rule().market().equals(market) && r.rule().side() == side);
    }

    /** The rows of a side in force on a date, in the order of the schedule file. */
    public List<Row> inForce(String market, Side side, LocalDate date) {
        return rows.stream().filter(r -> applies(r.rule(), market, side, date)).toList();
    }

    public SideCharges charges(String market, Side side, LocalDate date, Money consideration) {
        List<Charge> charges = inForce(market, side, date).stream()
                .map(r -> new Charge(r.rule(), r.where(), consideration, r.rule().on(consideration))).toList();
        Money inTotal = Money.zero(consideration.currency());
        Money own = Money.zero(consideration.currency());
        for (Charge c : charges) {
            if (c.rule().rounding() == FeeRounding.IN_TOTAL) {
                inTotal = inTotal.plus(c.amount());
            } else {
                own = own.plus(c.amount());
            }
        }
        return new SideCharges(charges, own.plus(inTotal.roundedHalfUp()));
    }

    /** The sum of the rates of a side in force on a date (the entrance-fee factor is one plus this). */
    public BigDecimal rateSum(String market, Side side, LocalDate date) {
        return inForce(market, side, date).stream().map(r -> r.rule().rate() == null ? BigDecimal.ZERO : r.rule().rate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The charge a user's own broker commission row is named by (none is shipped). */
    public static final String BROKER_COMMISSION = "broker commission";

    private static boolean applies(FeeRule rule, String market, Side side, LocalDate date) {
        return rule.market().equals(market) && rule.side() == side && rule.inForceOn(date);
    }
}
