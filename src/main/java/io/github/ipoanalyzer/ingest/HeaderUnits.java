package io.github.ipoanalyzer.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The units a header may name in brackets ({@code 成交量(手)}, {@code 成交额(百万元)},
 * {@code 发行总数(万股)}) and the units sources document: the one table of them. A unit not in
 * it, or of the wrong measure (手 on a turnover), refuses the file: a guess would be off by
 * factors of ten thousand.
 */
final class HeaderUnits {

    /** What a column counts: shares, an amount of currency, or a price (currency per share, in whole units). */
    enum Measure {
        SHARES("volume"), MONEY("turnover"), PRICE("a price");

        private final String what;

        Measure(String what) {
            this.what = what;
        }
    }

    record Unit(String name, Measure measure, BigDecimal factor) {
    }

    static final List<Unit> TABLE = List.of(
            unit("股", Measure.SHARES, "1"), unit("shares", Measure.SHARES, "1"), unit("手", Measure.SHARES, "100"),
            unit("万股", Measure.SHARES, "10000"), unit("亿股", Measure.SHARES, "100000000"),
            unit("元", Measure.MONEY, "1"), unit("港元", Measure.MONEY, "1"), unit("千元", Measure.MONEY, "1000"),
            unit("万元", Measure.MONEY, "10000"), unit("百万元", Measure.MONEY, "1000000"),
            unit("亿元", Measure.MONEY, "100000000"), unit("千港元", Measure.MONEY, "1000"),
            unit("万港元", Measure.MONEY, "10000"), unit("百万港元", Measure.MONEY, "1000000"),
            unit("亿港元", Measure.MONEY, "100000000"));

    private static final Pattern BRACKETED = Pattern.compile("(.*?)\\s*[(（]\\s*([^)）]*?)\\s*[)）]");

    private HeaderUnits() {
    }

    private static Unit unit(String name, Measure measure, String factor) {
        return new Unit(name, measure, new BigDecimal(factor));
    }

    /** Of a documented unit, by its name: how many shares or currency units one of it is. */
    static BigDecimal factor(String name) {
        return TABLE.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow().factor();
    }

    /**
     * The first unit of the table with this measure and factor (手 for 100 shares), to say a
     * factor the sources' way; every factor read comes from this table.
     */
    static String nameOf(Measure measure, BigDecimal factor) {
        return TABLE.stream().filter(u -> u.measure() == measure && u.factor().compareTo(factor) == 0).findFirst()
                .map(Unit::name).orElseThrow();
    }

    /** A header name without a unit in brackets. */
    static Matcher bracketed(String header) {
        return BRACKETED.matcher(header);
    }

    /**
     * The factor of the unit {@code rawHeader} names in brackets, or empty when it names none; a
     * unit not known for {@code measure} refuses {@code file}, listing the known ones. A price
     * may only name a currency in whole units.
     */
    static Optional<BigDecimal> stated(String file, String rawHeader, Measure measure) {
        Matcher m = BRACKETED.matcher(rawHeader.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(2);
        Optional<Unit> unit = known(measure).stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
        return Optional.of(unit.orElseThrow(() -> new InputFileException(file + ": its column " + rawHeader.trim()
                + " is in " + name + ", which is no unit of " + measure.what + " this tool knows ("
                + known(measure).stream().map(Unit::name).collect(Collectors.joining(", "))
                + "): convert the column to one of them and name that unit in the header")).factor());
    }

    private static List<Unit> known(Measure measure) {
        return TABLE.stream().filter(u -> measure == Measure.PRICE
                ? u.measure() == Measure.MONEY && u.factor().compareTo(BigDecimal.ONE) == 0
                : u.measure() == measure).toList();
    }
}
