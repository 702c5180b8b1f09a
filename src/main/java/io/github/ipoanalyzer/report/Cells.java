package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;
import io.github.ipoanalyzer.text.InvisibleCharacters;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How values become CSV cells: exact, rounded only here by {@link Rounding}, unknown as an
 * empty cell, never 0. Text is guarded against spreadsheet formula injection (OWASP): a value
 * starting with =, +, -, @, tab or carriage return gets a leading apostrophe; characters that
 * hide or reorder text are left out.
 */
public final class Cells {

    private Cells() {
    }

    public static String money(Money money) {
        return money == null ? "" : Rounding.money(money).toPlainString();
    }

    /** An amount of {@code currency}, as {@link #money(Money)} writes it. */
    public static String money(BigDecimal amount, java.util.Currency currency) {
        return amount == null ? "" : money(new Money(amount, currency));
    }

    public static String fraction(BigDecimal fraction) {
        return fraction == null ? "" : Rounding.fraction(fraction).toPlainString();
    }

    public static String averagePrice(BigDecimal price) {
        return price == null ? "" : Rounding.averagePrice(price).toPlainString();
    }

    public static String multiple(BigDecimal multiple) {
        return multiple == null ? "" : Rounding.multiple(multiple).toPlainString();
    }

    /** A price or rate as given in the input (at least 2 decimals for prices). */
    public static String price(BigDecimal price) {
        if (price == null) {
            return "";
        }
        // Most prices have at most 2 decimals: no need to strip zeros to know the scale to show.
        return (price.scale() <= 2 ? price.setScale(2) : price.setScale(Math.max(2, price.stripTrailingZeros().scale())))
                .toPlainString();
    }

    public static String rate(BigDecimal rate) {
        return rate == null ? "" : rate.stripTrailingZeros().toPlainString();
    }

    /** A lottery or allotment rate: as stated, or to {@link Rounding#ODDS_SCALE} decimals where worked out from counts. */
    public static String odds(BigDecimal odds) {
        return odds == null ? "" : Rounding.odds(odds).stripTrailingZeros().toPlainString();
    }

    public static String whole(Number n) {
        return n == null ? "" : n.toString();
    }

    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public static String bool(Boolean b) {
        return b == null ? "" : b.toString();
    }

    /** Text as a cell: without invisible control characters ({@link InvisibleCharacters}), guarded against formulas. */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String s = InvisibleCharacters.removed(raw);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}
