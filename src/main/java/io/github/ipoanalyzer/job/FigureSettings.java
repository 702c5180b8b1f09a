package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.eventstudy.EstimationWindow;
import io.github.ipoanalyzer.eventstudy.EventStudySettings;
import io.github.ipoanalyzer.eventstudy.EventWindow;
import io.github.ipoanalyzer.eventstudy.ReturnKind;
import io.github.ipoanalyzer.ingest.InputKinds;
import io.github.ipoanalyzer.report.ReportPublisher;
import io.github.ipoanalyzer.subscription.SubscriptionSettings;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.env.PropertyResolver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The settings that change a report's figures, by property name, as the manager resolved them:
 * the event study's windows, horizons, estimation window, market-value milestones, partial
 * windows, smallest n and kind of returns; the longest wait for a first close; how many listings
 * the charts show; the subscriber's financing, handling fee, A-share 签 and policies. Each report partition carries them (its step execution's context, which a
 * remote worker reads), so a worker computes with the manager's settings, not the ones it was
 * started with. Values are read as Spring reads a {@code @Value} of the same type.
 */
public record FigureSettings(SortedMap<String, String> values) {

    /** Each property, with the default used when nothing sets it (null: application.properties must). */
    private static final Map<String, String> PROPERTIES = properties();

    public FigureSettings {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        if (!values.keySet().equals(PROPERTIES.keySet())) {
            throw new IllegalArgumentException("the figure settings name " + values.keySet() + ", not "
                    + PROPERTIES.keySet());
        }
    }

    private static Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ipo.event-windows", null);
        p.put("ipo.bhar-horizons", null);
        p.put("ipo.market-model-min-days", null);
        p.put("ipo.estimation-window-start", "");
        p.put("ipo.estimation-gap-days", "0");
        p.put("ipo.cap-milestones-cny", null);
        p.put("ipo.partial-windows", "false");
        p.put("ipo.event-min-n", "5");
        p.put("ipo.returns", "simple");
        p.put("ipo.max-close-lag-trading-days", "5");
        p.put("ipo.chart-max-listings", "12");
        p.put("ipo.financed-fraction", "0");
        p.put("ipo.financing-annual-rate", "0");
        p.put("ipo.handling-fee-per-application", "0");
        p.put("ipo.a-share-lots", "");
        p.put("ipo.policies", "one-lot,guaranteed-lot,top-of-pool-A,cap");
        return Collections.unmodifiableMap(p);
    }

    /** This process's settings. */
    static FigureSettings of(PropertyResolver properties) {
        SortedMap<String, String> values = new TreeMap<>();
        PROPERTIES.forEach((name, fallback) -> values.put(name, fallback == null
                ? properties.getRequiredProperty(name) : properties.getProperty(name, fallback)));
        return readable(new FigureSettings(values));
    }

    /** {@code settings}, once each value is known to be readable: one that is not is refused where it is given. */
    private static FigureSettings readable(FigureSettings settings) {
        settings.publisherSettings();
        return settings;
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
        return readable(new FigureSettings(lines(text)));
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

    ReportPublisher.Settings publisherSettings() {
        return new ReportPublisher.Settings(new EventStudySettings(EventWindow.parseAll(values.get("ipo.event-windows")),
                list("ipo.bhar-horizons", Integer.class),
                new EstimationWindow(value("ipo.estimation-window-start", Integer.class),
                        value("ipo.estimation-gap-days", Integer.class), value("ipo.market-model-min-days", Integer.class)),
                list("ipo.cap-milestones-cny", BigDecimal.class), value("ipo.partial-windows", Boolean.class),
                value("ipo.event-min-n", Integer.class), ReturnKind.parse(values.get("ipo.returns"))),
                value("ipo.max-close-lag-trading-days", Integer.class), value("ipo.chart-max-listings", Integer.class),
                InputKinds.FEES.path(), new SubscriptionSettings(value("ipo.financed-fraction", BigDecimal.class),
                value("ipo.financing-annual-rate", BigDecimal.class),
                value("ipo.handling-fee-per-application", BigDecimal.class), value("ipo.a-share-lots", Integer.class),
                list("ipo.policies", String.class)));
    }

    private <T> T value(String name, Class<T> type) {
        try {
            return DefaultConversionService.getSharedInstance().convert(values.get(name), type);
        } catch (ConversionException e) {
            throw new IllegalArgumentException(name + "=" + values.get(name) + " cannot be read as " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String name, Class<T> element) {
        try {
            Object list = DefaultConversionService.getSharedInstance().convert(values.get(name),
                    TypeDescriptor.valueOf(String.class), TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(element)));
            return list == null ? List.of() : new ArrayList<>((List<T>) list);
        } catch (ConversionException e) {
            throw new IllegalArgumentException(name + "=" + values.get(name) + " cannot be read as a list of "
                    + element.getSimpleName(), e);
        }
    }
}
