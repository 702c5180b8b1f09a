package io.github.ipoanalyzer.fees;

import io.github.ipoanalyzer.money.Money;

import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;

/**
 * How one charge is rounded (report.md): half-up to the cent (the currency's minor unit) on its
 * own, as contract notes do;
 * up to the next whole unit (Hong Kong stamp duty); or not on its own but in the total of its
 * side, rounded half-up to the minor unit once (the Hong Kong amount payable on application).
 */
public enum FeeRounding {
    HALF_UP_CENT("half-up-cent"),
    UP_TO_WHOLE_UNIT("up-to-whole-unit"),
    IN_TOTAL("in-total");

    private final String label;

    FeeRounding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<FeeRounding> of(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }

    /** The amount as this rule rounds it on its own ({@link #IN_TOTAL}: unrounded). */
    Money round(Money amount) {
        return switch (this) {
            case HALF_UP_CENT -> amount.roundedHalfUp();
            case UP_TO_WHOLE_UNIT -> new Money(amount.amount().setScale(0, RoundingMode.CEILING), amount.currency());
            case IN_TOTAL -> amount;
        };
    }
}
