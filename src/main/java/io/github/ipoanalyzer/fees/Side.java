package io.github.ipoanalyzer.fees;

import java.util.Arrays;
import java.util.Optional;

/** Which side of a winning lot a charge falls on: the subscription (allotment), or the sale. */
public enum Side {
    SUBSCRIPTION("subscription"),
    SALE("sale");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Side> of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
