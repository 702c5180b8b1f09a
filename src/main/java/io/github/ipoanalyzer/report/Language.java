package io.github.ipoanalyzer.report;

import java.util.Locale;

/**
 * The language of a report's words ({@code ipo.lang}): its pages, charts and workbook headers.
 * The CSV files are the same bytes in every language (their headers are stable names that
 * scripts read); only the words around the figures, and how a Chinese page counts money (万, 亿),
 * change.
 */
public enum Language {
    EN,
    ZH;

    /** The setting that chooses it. */
    public static final String SETTING = "ipo.lang";

    /** {@code en} or {@code zh}, as the setting is written and as the pages' {@code lang} attribute says it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
