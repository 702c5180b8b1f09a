package io.github.ipoanalyzer.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Which run a report is of, as its manifest names it: the as-of date, the run number, what
 * identifies the run's work ({@code identity}: a folder of that name with another identity is
 * never replaced), its job parameters, the version, when it started, and every setting that
 * changes a figure, by name, as the run took it ({@code settings}; empty: none recorded).
 */
public record ReportRun(LocalDate asOf, long number, String identity, Map<String, Object> parameters, String version,
                        Instant startedAt, Map<String, String> settings) {
}
