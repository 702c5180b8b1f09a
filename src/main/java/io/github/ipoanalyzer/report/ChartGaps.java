package io.github.ipoanalyzer.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What a chart could not draw, grouped by IPO (or by part of the chart), each reason once, in the order met. */
public final class ChartGaps {

    private final Map<String, Set<String>> reasons = new LinkedHashMap<>();
    private final Map<String, Set<String>> approximate = new LinkedHashMap<>();

    void add(String what, String reason) {
        reasons.computeIfAbsent(what, k -> new LinkedHashSet<>()).add(reason);
    }

    /** A point drawn from an input its source marks approximate: the footer says which and why. */
    void approximate(String what, String note) {
        approximate.computeIfAbsent(what, k -> new LinkedHashSet<>()).add(note);
    }

    /** Marks {@code what} approximate when its input's note says so. */
    void approximateIf(String what, String note) {
        if (note != null && note.toLowerCase(java.util.Locale.ROOT).contains("approximate")) {
            approximate(what, note);
        }
    }

    public boolean isEmpty() {
        return reasons.isEmpty();
    }

    /** "Moore Threads 2025-12-22, MetaX 2025-12-19" (the notes themselves are in the CSVs), or empty. */
    public String approximations() {
        return String.join(", ", approximate.keySet());
    }

    /** "Beta: high unknown; Gamma: total shares unknown", as the chart's footer says it. */
    @Override
    public String toString() {
        return join(reasons);
    }

    private static String join(Map<String, Set<String>> byWhat) {
        return byWhat.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }
}
