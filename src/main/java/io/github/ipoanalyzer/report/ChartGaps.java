package io.github.ipoanalyzer.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What a chart could not draw, grouped by IPO (or by part of the chart), each reason once, in the order met. */
public final class ChartGaps {

    private final Map<String, Set<String>> reasons = new LinkedHashMap<>();

    void add(String what, String reason) {
        reasons.computeIfAbsent(what, k -> new LinkedHashSet<>()).add(reason);
    }

    public boolean isEmpty() {
        return reasons.isEmpty();
    }

    /** "Beta: high unknown; Gamma: total shares unknown", as the chart's footer says it. */
    @Override
    public String toString() {
        return reasons.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }
}
