package io.github.ipoanalyzer.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one form of a ticker ({@code 688795.SH}, {@code 000001.SZ}, {@code 830799.BJ},
 * {@code 6082.HK}) from the spellings data sources use: {@code 688795}, {@code sh688795},
 * {@code sh.688795}, {@code SH#688795}, {@code 688795.SS}, {@code 06082}, {@code 06082.HK},
 * {@code hk06082}, {@code 31#06082}. A bare six-digit code is placed by its prefix, a five-digit
 * one on HKEX; what cannot be placed is refused with {@link #FORMS}.
 */
public final class TickerSymbols {

    public static final String FORMS = "write it as 688795.SH, 000001.SZ, 830799.BJ or 6082.HK "
            + "(also read: 688795, sh688795, sh.688795, SH#688795, 688795.SS, 06082, 06082.HK, hk06082)";

    private static final Pattern SUFFIXED = Pattern.compile("(\\d{6})\\.(SH|SS|SZ|BJ)");
    private static final Pattern PREFIXED = Pattern.compile("(SH|SZ|BJ)[.#]?(\\d{6})");
    private static final Pattern HK_SUFFIXED = Pattern.compile("(\\d{1,5})\\.HK");
    // 31 is the market number TDX gives HKEX main-board stocks in its file names (31#01093.txt).
    private static final Pattern HK_PREFIXED = Pattern.compile("(?:HK|31#)[.#]?(\\d{1,5})");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");

    private TickerSymbols() {
    }

    /** The ticker in its one form, or empty when the spelling cannot be placed (see {@link #whyNot}). */
    public static Optional<String> normalise(String raw) {
        String s = raw.trim().toUpperCase(Locale.ROOT);
        Matcher m;
        if ((m = SUFFIXED.matcher(s)).matches()) {
            return Optional.of(m.group(1) + "." + (m.group(2).equals("SS") ? "SH" : m.group(2)));
        }
        if ((m = PREFIXED.matcher(s)).matches()) {
            return Optional.of(m.group(2) + "." + m.group(1));
        }
        if ((m = HK_SUFFIXED.matcher(s)).matches() || (m = HK_PREFIXED.matcher(s)).matches()) {
            return Optional.of(hongKong(m.group(1)));
        }
        if (FIVE_DIGITS.matcher(s).matches()) {
            return Optional.of(hongKong(s));
        }
        if (SIX_DIGITS.matcher(s).matches()) {
            return exchangeOfSixDigits(s).map(exchange -> s + "." + exchange);
        }
        return Optional.empty();
    }

    /** Why {@code raw} is refused, in words a person can act on. */
    public static String whyNot(String raw) {
        String s = raw.trim();
        if (s.matches("7\\d{5}")) {
            return "'" + s + "' looks like a Shanghai subscription code (申购代码), not the stock's code; " + FORMS;
        }
        if (s.matches("\\d{1,4}")) {
            return "'" + s + "' is ambiguous: an A-share code whose leading zeros were lost (000001 written as 1) "
                    + "or an HKEX code; " + FORMS;
        }
        return "'" + s + "' is not a ticker this tool can place on an exchange; " + FORMS;
    }

    /** The same ticker whichever way two sources spell it: its one form, or the text itself. */
    public static String key(String ticker) {
        return normalise(ticker).orElse(ticker.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * The ticker a file's name gives ({@code SH#688795.txt}, {@code 06082.csv},
     * {@code 688795.SS.csv}, {@code stock_hk_hist_06082.csv}): the whole name without its
     * extension, or else exactly one of its parts separated by {@code _}, {@code -} or spaces.
     * Any other ticker counts only when it is one of {@code listed} (those of listings.csv), in
     * any case and with {@code -} or {@code .} before a share class: {@code AMZN.csv},
     * {@code BRK-B.csv} for {@code BRK.B}; it is then given as listings.csv writes it.
     */
    public static Optional<String> fromFileName(String fileName, Collection<String> listed) {
        String stem = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = stem.lastIndexOf('.');
        stem = dot > 0 ? stem.substring(0, dot) : stem;
        Optional<String> whole = normalise(stem);
        if (whole.isPresent()) {
            return whole;
        }
        var parts = java.util.Arrays.stream(stem.split("[_\\s-]+")).map(TickerSymbols::normalise)
                .flatMap(Optional::stream).distinct().toList();
        if (parts.size() == 1) {
            return Optional.of(parts.get(0));
        }
        Map<String, String> byLooseKey = new HashMap<>();
        listed.forEach(t -> byLooseKey.put(looseKey(t), t));
        Optional<String> listedWhole = Optional.ofNullable(byLooseKey.get(looseKey(stem)));
        if (listedWhole.isPresent()) {
            return listedWhole;
        }
        var listedParts = java.util.Arrays.stream(stem.split("[_\\s]+")).map(p -> byLooseKey.get(looseKey(p)))
                .filter(Objects::nonNull).distinct().toList();
        return listedParts.size() == 1 ? Optional.of(listedParts.get(0)) : Optional.empty();
    }

    /** Of the A-share and HK forms only (no listings to match other tickers against). */
    public static Optional<String> fromFileName(String fileName) {
        return fromFileName(fileName, List.of());
    }

    /** A ticker's key that ignores case and whether a share class follows {@code -} or {@code .}. */
    private static String looseKey(String ticker) {
        return key(ticker).replace('-', '.');
    }

    private static String hongKong(String digits) {
        String code = digits.replaceFirst("^0+(?=\\d)", "");
        return "0".repeat(Math.max(0, 4 - code.length())) + code + ".HK";
    }

    /** Shanghai: 5, 6, 9 (but 92, Beijing); Shenzhen: 0 to 3; Beijing: 4 and 8. */
    private static Optional<String> exchangeOfSixDigits(String code) {
        if (code.startsWith("92")) {
            return Optional.of("BJ");
        }
        return switch (code.charAt(0)) {
            case '5', '6', '9' -> Optional.of("SH");
            case '0', '1', '2', '3' -> Optional.of("SZ");
            case '4', '8' -> Optional.of("BJ");
            default -> Optional.empty();
        };
    }
}
