package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.eventstudy.EstimationWindow;
import io.github.ipoanalyzer.eventstudy.EventStudySettings;
import io.github.ipoanalyzer.ingest.InputKinds;
import io.github.ipoanalyzer.report.Language;
import io.github.ipoanalyzer.report.ReportSettings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settings that change a report's figures ({@link IpoSettings}: the event study's windows,
 * horizons, estimation window, market-value milestones, partial windows, smallest n and kind of
 * returns; the longest wait for a first close; how many listings the charts show; the
 * subscriber's financing, handling fee, A-share 签 and policies), and the language of its words
 * (its charts and pages are other images and pages in another language), as text by property name. Each report partition carries them (its step execution's context, which a
 * remote worker reads), so a worker computes with the manager's settings, not the ones it was
 * started with; the manifest and the job parameter {@code figure.settings} record them.
 */
public record FigureSettings(SortedMap<String, String> values) {

    /** Each setting's text, as written for an {@link IpoSettings} value and read back by binding it. */
    private static final Map<String, Function<IpoSettings, Object>> TEXTS = Map.ofEntries(
            Map.entry("ipo.event-windows", IpoSettings::eventWindows),
            Map.entry("ipo.bhar-horizons", s -> joined(s.bharHorizons())),
            Map.entry("ipo.market-model-min-days", IpoSettings::marketModelMinDays),
            Map.entry("ipo.estimation-window-start",
                    s -> s.estimationWindowStart() == null ? "" : s.estimationWindowStart()),
            Map.entry("ipo.estimation-gap-days", IpoSettings::estimationGapDays),
            Map.entry("ipo.cap-milestones-cny", s -> joined(s.capMilestonesCny().stream().map(BigDecimal::toPlainString).toList())),
            Map.entry("ipo.partial-windows", IpoSettings::partialWindows),
            Map.entry("ipo.event-min-n", IpoSettings::eventMinN),
            Map.entry("ipo.returns", s -> s.returns().name().toLowerCase(Locale.ROOT)),
            Map.entry("ipo.max-close-lag-trading-days", IpoSettings::maxCloseLagTradingDays),
            Map.entry("ipo.chart-max-listings", IpoSettings::chartMaxListings),
            Map.entry("ipo.financed-fraction", s -> s.financedFraction().toPlainString()),
            Map.entry("ipo.financing-annual-rate", s -> s.financingAnnualRate().toPlainString()),
            Map.entry("ipo.handling-fee-per-application", s -> s.handlingFeePerApplication().toPlainString()),
            Map.entry("ipo.a-share-lots", s -> s.aShareLots() == null ? "" : s.aShareLots()),
            Map.entry("ipo.policies", s -> joined(s.policies())),
            Map.entry(Language.SETTING, s -> s.lang().code()));

    public FigureSettings {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        if (!values.keySet().equals(TEXTS.keySet())) {
            throw new IllegalArgumentException("the figure settings name " + values.keySet() + ", not "
                    + new TreeSet<>(TEXTS.keySet()));
        }
    }

    /** This process's settings. */
    public static FigureSettings of(IpoSettings settings) {
        SortedMap<String, String> values = new TreeMap<>();
        TEXTS.forEach((name, text) -> values.put(name, String.valueOf(text.apply(settings))));
        return new FigureSettings(values);
    }

    private static String joined(List<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** One {@code name=value} line per setting, in name order. */
    public String text() {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    /**
     * What changed from the settings {@code before} (as {@link #text} wrote them; empty: a run that
     * did not record its settings), one {@code name: old → new} each.
     */
    public List<String> changesFrom(String before) {
        if (before == null || before.isEmpty()) {
            return List.of("the run before did not record its settings");
        }
        Map<String, String> old = lines(before);
        List<String> changes = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!value.equals(old.get(name))) {
                changes.add(name + ": " + (old.containsKey(name) ? "'" + old.get(name) + "'" : "not set") + " → '"
                        + value + "'");
            }
        });
        return changes;
    }

    /** The settings {@link #text} wrote. */
    public static FigureSettings parse(String text) {
        FigureSettings settings = new FigureSettings(lines(text));
        settings.publisherSettings(); // a value this version cannot read is refused where it is received
        return settings;
    }

    /** The {@code name=value} lines of a settings text, by name (empty for an empty text). */
    private static SortedMap<String, String> lines(String text) {
        SortedMap<String, String> values = new TreeMap<>();
        for (String line : text.isEmpty() ? new String[0] : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("not a name=value setting: " + line);
            }
            values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return values;
    }

    /** The settings of a run, by name, from its job parameter's text (empty where a run recorded none). */
    public static SortedMap<String, String> recorded(String text) {
        return text == null ? new TreeMap<>() : lines(text);
    }

    ReportSettings publisherSettings() {
        IpoSettings s = IpoSettings.of(values);
        return new ReportSettings(new EventStudySettings(s.windows(), s.bharHorizons(),
                new EstimationWindow(s.estimationWindowStart(), s.estimationGapDays(), s.marketModelMinDays()),
                s.capMilestonesCny(), s.partialWindows(), s.eventMinN(), s.returns()),
                s.maxCloseLagTradingDays(), s.chartMaxListings(), InputKinds.FEES.path(), s.subscription(), s.lang());
    }
}
