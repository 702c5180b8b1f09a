package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How one file of a {@link PriceSource} is read: its header resolved against the source's
 * columns, the units (the source's, or those its header names), and the ticker when the file
 * has no ticker column. {@link #translate} turns each of its rows into a row of the project's
 * own price format, or rejects it naming the source's column, so every later rule is the same
 * for every source.
 */
public final class SourceReading implements Export.Translation {

    /** The project's own price columns (as the prices kind declares them), which a translated row has. */
    private static final List<String> PROJECT_COLUMNS = InputKinds.PRICES.format().all();

    private final PriceSource source;
    private final List<String> names;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, BigDecimal[]> units = new LinkedHashMap<>();
    private final String fileTicker;
    private final String tickerOrigin;
    private final int tickerIndex;
    /** The project columns whose unit the header names. */
    private final java.util.Set<String> stated;

    /**
     * {@code header} as the file writes it; {@code fileTicker} (already in its one form) and
     * where it came from, when the source has no ticker column.
     */
    SourceReading(PriceSource source, String file, List<String> header, String fileTicker, String tickerOrigin) {
        this.source = source;
        this.names = header.stream().map(SourceValues::name).toList();
        this.fileTicker = fileTicker;
        this.tickerOrigin = tickerOrigin;
        source.columns().forEach((project, candidates) -> candidates.stream().filter(names::contains).findFirst()
                .ifPresent(column -> index.put(project, names.indexOf(column))));
        units.put("volume", new BigDecimal[] {source.aShareVolume(), source.hkVolume()});
        units.put("turnover", new BigDecimal[] {source.aShareTurnover(), source.hkTurnover()});
        index.forEach((project, i) -> {
            if (project.equals("date")) {
                return;
            }
            // A price's unit is only checked: it may name a currency, never scale.
            HeaderUnits.stated(file, header.get(i), measureOf(project)).filter(unit -> units.containsKey(project))
                    .ifPresent(unit -> units.put(project, new BigDecimal[] {unit, unit}));
        });
        stated = index.entrySet().stream().filter(e -> HeaderUnits.bracketed(header.get(e.getValue()).trim()).matches())
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        this.tickerIndex = source.tickerColumn() == null ? -1 : names.indexOf(source.tickerColumn());
    }

    /**
     * How one file of {@code source} is read: refused when its prices are adjusted, or when it
     * has no ticker column and neither its name, title line nor Ticker row gives one, or lacks
     * dates or prices; else with its notices ready.
     */
    static SourceReading open(PriceSource source, String file, List<String> rawHeader, List<String> linesAbove,
                              List<String> tickerRow, java.util.Collection<String> listed) {
        SourceHeader.refuseAdjusted(file, source, rawHeader, linesAbove);
        java.util.Optional<SourceHeader.FileTicker> ticker = SourceHeader.fileTicker(file, source, linesAbove, tickerRow,
                listed);
        SourceReading reading = new SourceReading(source, file, rawHeader, ticker.map(SourceHeader.FileTicker::ticker).orElse(null),
                ticker.map(SourceHeader.FileTicker::origin).orElse(null));
        if (!reading.hasTickerColumn() && ticker.isEmpty()) {
            throw new InputFileException(file + " is a " + source.title() + " file, which has no ticker column, "
                    + "and neither its name" + (source.titleLine() != null ? ", its title line" : "")
                    + " nor a Ticker row gives one: name the file after a ticker of listings.csv, e.g. 688795.SH.csv, "
                    + "06082.csv or AMZN.csv");
        }
        if (linesAbove.isEmpty()) {
            reading.refuseUncertainUnits(file, rawHeader);
        }
        List<String> missing = reading.missingColumns();
        if (!missing.isEmpty()) {
            throw new InputFileException(file + " looks like a " + source.title() + " file but lacks the "
                    + "column(s) for " + String.join("; ", missing) + "; its header is: "
                    + InputFileException.quoted(String.join(",", rawHeader)));
        }
        return reading;
    }

    /**
     * A header that is also another source's but for the title line that source writes above it
     * (TDX's, without which it is a client export's), and has no column that source does not
     * write, is read only where the two agree on the unit of every amount, or the header names
     * it: 成交量 is shares in TDX and 手 in a client export.
     */
    private void refuseUncertainUnits(String file, List<String> rawHeader) {
        for (PriceSource titled : PriceSources.ALL) {
            if (titled == source || titled.titleLine() == null
                    || !titled.recognises(names, source.separator(), List.of(titled.titleLine()), List.of())) {
                continue;
            }
            SourceReading other = new SourceReading(titled, file, rawHeader, fileTicker, tickerOrigin);
            if (!other.unusedColumns().isEmpty()) {
                continue; // a column the titled source never writes: not its export
            }
            for (String project : List.of("volume", "turnover")) {
                Integer i = index.get(project);
                if (i == null || stated.contains(project) || !i.equals(other.index.get(project))) {
                    continue;
                }
                // Without a ticker column the file's ticker says which unit applies; else both must agree.
                List<Integer> kinds = tickerIndex < 0 && fileTicker != null ? List.of(fileTicker.endsWith(".HK") ? 1 : 0)
                        : List.of(0, 1);
                for (int k : kinds) {
                    BigDecimal theirs = other.units.get(project)[k];
                    BigDecimal mine = units.get(project)[k];
                    if (theirs.compareTo(mine) != 0) {
                        String column = rawHeader.get(i).trim();
                        String theirName = HeaderUnits.nameOf(measureOf(project), theirs);
                        String myName = HeaderUnits.nameOf(measureOf(project), mine);
                        throw new InputFileException(file + " has the columns of a " + titled.title() + " without its "
                                + "title line, and of a " + source.title() + ": its " + column + " is in " + theirName
                                + " in the one and in " + myName + " in the other. Add the title line the "
                                + titled.title() + " writes above the header (such as '" + titled.titleLine()
                                + "'), or name the unit in the header: " + column + "(" + theirName + ") or " + column
                                + "(" + myName + ")");
                    }
                }
            }
        }
    }

    private static HeaderUnits.Measure measureOf(String project) {
        return project.equals("volume") ? HeaderUnits.Measure.SHARES
                : project.equals("turnover") ? HeaderUnits.Measure.MONEY : HeaderUnits.Measure.PRICE;
    }

    @Override
    public List<String> notices() {
        List<String> unused = unusedColumns();
        return unused.isEmpty() ? List.of(describe()) : List.of("column(s) not used: " + String.join(", ", unused), describe());
    }

    @Override
    public java.util.Optional<String> unitsRead(String ticker) {
        Integer volume = index.get("volume");
        Integer turnover = index.get("turnover");
        if (volume == null || turnover == null) {
            return java.util.Optional.empty();
        }
        int k = ticker.endsWith(".HK") ? 1 : 0;
        BigDecimal shares = units.get("volume")[k];
        String volumeUnit = HeaderUnits.nameOf(HeaderUnits.Measure.SHARES, shares);
        String money = HeaderUnits.nameOf(HeaderUnits.Measure.MONEY, units.get("turnover")[k]);
        String said = stated.containsAll(List.of("volume", "turnover")) ? "as the header names them"
                : "as " + source.title() + " writes them" + (stated.isEmpty() ? "" : " and the header names them");
        return java.util.Optional.of(names.get(volume) + " is read in " + volumeUnit
                + (shares.compareTo(BigDecimal.ONE) == 0 ? "" : " (" + shares.toPlainString() + " shares)") + " and "
                + names.get(turnover) + " in " + money + ", " + said + "; if this file's are in other units, name them "
                + "in the header, such as " + names.get(volume) + "(" + (volumeUnit.equals("股") ? "手" : "股") + ")");
    }

    @Override
    public boolean isFooter(String firstCell) {
        return source.footerPrefix() != null && firstCell.trim().startsWith(source.footerPrefix());
    }



    /** Whether the file has a column of codes, or takes its ticker from its name (or title, or Ticker row). */
    boolean hasTickerColumn() {
        return tickerIndex >= 0;
    }

    /** The header names no column mapping and no ignore list of the source covers. */
    List<String> unusedColumns() {
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!index.containsValue(i) && i != tickerIndex && !source.ignored().contains(names.get(i)) && !names.get(i).isEmpty()) {
                unused.add(names.get(i));
            }
        }
        return unused;
    }

    /** The project columns the file lacks entirely ("date", or every price). */
    List<String> missingColumns() {
        List<String> missing = new ArrayList<>();
        if (!index.containsKey("date")) {
            missing.add("date");
        }
        if (List.of("open", "high", "low", "close").stream().noneMatch(index::containsKey)) {
            missing.add("open, high, low or close");
        }
        return missing;
    }

    /** The format, mapping, conversions and ignored columns. */
    String describe() {
        StringJoiner mapping = new StringJoiner(", ");
        if (tickerIndex >= 0) {
            mapping.add(names.get(tickerIndex) + " → ticker");
        } else {
            mapping.add("ticker " + fileTicker + " from " + tickerOrigin);
        }
        index.forEach((project, i) -> {
            String column = names.get(i);
            String text = column.equals(project) ? project : column + " → " + project;
            if (project.equals("date")) {
                text += " (" + source.dateForm() + ")";
            }
            BigDecimal[] factor = units.get(project);
            if (factor != null) {
                text += conversion(project, factor);
            }
            mapping.add(text);
        });
        List<String> ignored = names.stream().filter(n -> source.ignored().contains(n) && !n.isEmpty()).toList();
        String rounding = source.priceDecimals() == null ? ""
                : "; prices rounded half-even to " + source.priceDecimals() + " decimals (the source writes binary floating point)";
        return "read as " + source.title() + ": " + mapping + rounding
                + (ignored.isEmpty() ? "" : "; ignored: " + String.join(", ", ignored));
    }

    private static String conversion(String project, BigDecimal[] factor) {
        boolean same = factor[0].compareTo(factor[1]) == 0;
        String what = project.equals("volume") ? "shares" : "currency units";
        if (same) {
            return factor[0].compareTo(BigDecimal.ONE) == 0 ? "" : " (× " + factor[0].toPlainString() + " " + what + ")";
        }
        return " (× " + factor[0].toPlainString() + " " + what + " for A-shares, × " + factor[1].toPlainString()
                + " for HKEX)";
    }

    @Override
    public java.util.Optional<String[]> cellInFile(String projectColumn, CsvRecord raw) {
        Integer i = projectColumn.equals("ticker") && tickerIndex >= 0 ? Integer.valueOf(tickerIndex) : index.get(projectColumn);
        return i == null ? java.util.Optional.empty() : java.util.Optional.of(new String[] {names.get(i), SourceValues.cell(raw.values(), i)});
    }

    @Override
    public CsvRecord translate(CsvRecord raw) {
        List<String> values = raw.values();
        String ticker = fileTicker;
        if (tickerIndex >= 0) {
            String code = SourceValues.cell(values, tickerIndex);
            ticker = TickerSymbols.normalise(code).orElseThrow(() -> new RejectedRowException(
                    names.get(tickerIndex), code, "ticker-form", TickerSymbols.whyNot(code)));
        }
        checkFlags(values);
        String[] out = new String[PROJECT_COLUMNS.size()];
        java.util.Arrays.fill(out, "");
        out[0] = ticker;
        out[1] = isoDate(values, ticker);
        boolean hk = ticker.endsWith(".HK");
        for (String price : List.of("open", "high", "low", "close")) {
            Integer i = index.get(price);
            out[PROJECT_COLUMNS.indexOf(price)] = i == null ? "" : rounded(SourceValues.number(SourceValues.cell(values, i)));
        }
        for (String amount : List.of("volume", "turnover")) {
            Integer i = index.get(amount);
            out[PROJECT_COLUMNS.indexOf(amount)] = i == null ? "" : SourceValues.scaled(SourceValues.number(SourceValues.cell(values, i)), units.get(amount)[hk ? 1 : 0]);
        }
        return new CsvRecord(raw.file(), raw.line(), PROJECT_COLUMNS, List.of(out));
    }

    private void checkFlags(List<String> values) {
        Map.Entry<String, String> suspended = source.suspendedFlag();
        if (suspended != null && names.contains(suspended.getKey())) {
            String v = SourceValues.cell(values, names.indexOf(suspended.getKey()));
            if (v.equals(suspended.getValue())) {
                throw new RejectedRowException(suspended.getKey(), v, "suspended", suspended.getKey() + " " + v
                        + " marks a day the stock did not trade: the source repeats the previous close, which is no "
                        + "trading price");
            }
        }
        Map.Entry<String, String> adjust = source.adjustFlag();
        if (adjust != null && names.contains(adjust.getKey())) {
            String v = SourceValues.cell(values, names.indexOf(adjust.getKey()));
            if (!v.isEmpty() && !v.equals(adjust.getValue())) {
                throw new RejectedRowException(adjust.getKey(), v, "adjusted-price", adjust.getKey() + " " + v
                        + " means " + ("1".equals(v) ? "back-adjusted (后复权)" : "forward-adjusted (前复权)")
                        + " prices, which make every return against the unadjusted offer price wrong: export with "
                        + adjust.getKey() + "=\"" + adjust.getValue() + "\" (不复权, unadjusted)");
            }
        }
    }

    /** The row's date; a time with an offset is the day it was at the ticker's exchange. */
    private String isoDate(List<String> values, String ticker) {
        Integer i = index.get("date");
        String raw = i == null ? "" : SourceValues.cell(values, i);
        String column = i == null ? "date" : names.get(i);
        if (raw.isEmpty()) {
            throw new RejectedRowException(column, raw, "required", column + " is required but empty");
        }
        java.util.Optional<java.time.OffsetDateTime> instant = SourceValues.withOffset(raw);
        if (instant.isPresent()) {
            // At the exchange's date where its zone is declared; elsewhere (a US ticker of listings.csv) the date
            // in the offset the source wrote, which is the exchange's own for yfinance's US downloads.
            return Exchange.ofTicker(ticker).map(e -> instant.get().atZoneSameInstant(e.zone()).toLocalDate())
                    .orElse(instant.get().toLocalDate()).toString();
        }
        java.util.Optional<String> iso = SourceValues.isoDate(raw);
        if (iso.isPresent()) {
            return iso.get();
        }
        throw new RejectedRowException(column, raw, "date-format",
                column + " '" + raw + "' is not a date written " + source.dateForm());
    }



    private String rounded(String v) {
        if (source.priceDecimals() == null || v.isEmpty()) {
            return v;
        }
        try {
            return new BigDecimal(v).setScale(source.priceDecimals(), java.math.RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

}
