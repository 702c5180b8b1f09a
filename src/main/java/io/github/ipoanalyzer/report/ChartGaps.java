package io.github.ipoanalyzer.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    public String approximations(Labels t) {
        return t.joined("listJoin", List.copyOf(approximate.keySet()));
    }

    /** "Beta: high unknown; Gamma: total shares unknown", as the chart's footer says it in {@code t}'s language. */
    public String words(Labels t) {
        return t.joined("both", reasons.entrySet().stream()
                .map(e -> t.format("gapOf", e.getKey(), t.joined("listJoin", List.copyOf(e.getValue())))).toList());
    }
}
