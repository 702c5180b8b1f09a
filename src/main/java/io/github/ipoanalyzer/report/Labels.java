package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a report in one {@link Language}: {@code labels/labels_<code>.properties} on the
 * class path, read as UTF-8, one key per label (the same keys in every language). A template
 * reads them by key ({@code {{t.nowHeading}}}); a label with {@code {0}}, {@code {1}}, … is
 * filled by {@link #format}. Money is written here too: in English with the currency's code and
 * thousands separators ({@code CNY 395,170.00}); in Chinese counted in 万 (10⁴) and 亿 (10⁸)
 * from one 万 up, to two decimals, with the currency's Chinese name ({@code 2,822.52亿元},
 * {@code 27.94万港元}, {@code 4,084.00港元}).
 */
public final class Labels {

    private static final BigDecimal WAN = new BigDecimal("1E4");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");
    private static final BigDecimal YI = new BigDecimal("1E8");
    /** The Chinese names of the currencies a report usually holds; another one is written by its code. */
    private static final Map<String, String> CHINESE_CURRENCIES = Map.of("CNY", "元", "HKD", "港元", "USD", "美元");

    private final Language language;
    private final Map<String, String> labels;
    /**
     * The workbook's names where they are not the CSV's own: each column's header by its CSV name,
     * each table's sheet by {@code sheet.<table>}.
     */
    private final Map<String, String> workbook;

    private Labels(Language language, Map<String, String> labels, Map<String, String> workbook) {
        this.language = language;
        this.labels = labels;
        this.workbook = workbook;
    }

    /** The labels of {@code language}. */
    public static Labels of(Language language) {
        return new Labels(language, read("labels/labels_" + language.code() + ".properties"),
                language == Language.EN ? Map.of() : read("labels/workbook_" + language.code() + ".properties"));
    }

    public Language language() {
        return language;
    }

    private static final Pattern ASIDE = Pattern.compile("\\s*[(（]([^()（）]*)[)）]");

    /**
     * The same words without each bracketed aside that {@code drawable} refuses: "Guaranteed lot
     * (稳获一手)" is "Guaranteed lot" on a chart drawn without a Chinese font, never boxes.
     */
    Labels withoutAsides(java.util.function.Predicate<String> drawable) {
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        labels.forEach((key, label) -> kept.put(key, ASIDE.matcher(label).replaceAll(m ->
                drawable.test(m.group(1)) ? java.util.regex.Matcher.quoteReplacement(m.group()) : "")));
        return new Labels(language, kept, workbook);
    }

    /** Every label by key, for a template ({@code {{t.key}}}). */
    public Map<String, String> all() {
        return labels;
    }

    /** The label {@code key}; a key no bundle has is a programming error. */
    public String get(String key) {
        String label = labels.get(key);
        if (label == null) {
            throw new IllegalArgumentException("no label " + key + " in labels_" + language.code() + ".properties");
        }
        return label;
    }

    /** {@code items} joined pair by pair with the pattern {@code key} ("{0}, {1}"): the language's own punctuation. */
    public String joined(String key, List<String> items) {
        return items.stream().reduce((a, b) -> format(key, a, b)).orElse("");
    }

    /** The label {@code key} with {@code {0}}, {@code {1}}, … replaced by {@code values}. */
    public String format(String key, Object... values) {
        // One pass: a value that itself holds "{1}" (an event's words from the input) stays as it is.
        Matcher placeholder = PLACEHOLDER.matcher(get(key));
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            int i = Integer.parseInt(placeholder.group(1));
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(i < values.length ? String.valueOf(values[i])
                    : placeholder.group()));
        }
        return placeholder.appendTail(filled).toString();
    }

    /**
     * A table's sheet of the workbook, by the table's file name without {@code .csv}: that name in
     * English, its Chinese name in Chinese ({@code labels/workbook_zh.properties}; a table not
     * there keeps its file's name).
     */
    public String sheet(String table) {
        return workbook.getOrDefault("sheet." + table, table);
    }

    /**
     * The workbook's header of a CSV column: its stable English name in English, its Chinese name
     * in Chinese ({@code labels/workbook_zh.properties}; a column not there keeps the English name).
     */
    public String column(String csvName) {
        return workbook.getOrDefault(csvName, csvName);
    }

    /** An amount for people: see the class comment for each language's convention. */
    public String money(Money money) {
        if (language == Language.EN) {
            DecimalFormat format = new DecimalFormat("#,##0", ChartTheme.US);
            format.setMinimumFractionDigits(money.minorUnitDigits());
            return money.currency().getCurrencyCode() + " " + format.format(Rounding.money(money));
        }
        String code = money.currency().getCurrencyCode();
        String name = CHINESE_CURRENCIES.getOrDefault(code, " " + code);
        BigDecimal amount = money.amount();
        BigDecimal size = amount.abs();
        DecimalFormat format = new DecimalFormat("#,##0.00", ChartTheme.US);
        // The unit is chosen after rounding: 99,999,999.995 is 1.00亿, not 10,000.00万.
        if (size.compareTo(YI) >= 0 || Rounding.largeUnit(size.movePointLeft(4)).compareTo(WAN) >= 0) {
            return format.format(Rounding.largeUnit(amount.movePointLeft(8))) + "亿" + name;
        }
        if (Rounding.money(money).abs().compareTo(WAN) >= 0) {
            return format.format(Rounding.largeUnit(amount.movePointLeft(4))) + "万" + name;
        }
        format.setMinimumFractionDigits(money.minorUnitDigits());
        format.setMaximumFractionDigits(money.minorUnitDigits());
        return format.format(Rounding.money(money)) + name;
    }

    private static Map<String, String> read(String resource) {
        InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no " + resource + " on the class path");
        }
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        Map<String, String> labels = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> labels.put(k, properties.getProperty(k)));
        return Collections.unmodifiableMap(labels);
    }
}
