package io.github.ipoanalyzer.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One IPO list read as listings.csv rows: the exchange from the code, the board from its prefix,
 * the lot (中一签) by the board's convention, shares and proceeds in units, and a note on every
 * row saying what the list did not give.
 */
final class IpoListReading implements Export.Translation {

    private static final List<String> LISTING_COLUMNS = InputKinds.LISTINGS.format().all();
    /** A public offer of fewer shares than this is a unit error (万股 read as shares), not an IPO. */
    private static final long FEWEST_SHARES_OFFERED = 100_000;

    private final IpoListSource source;
    private final List<String> names;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final BigDecimal sharesUnit;
    private final BigDecimal proceedsUnit;

    IpoListReading(IpoListSource source, String file, List<String> rawHeader) {
        this.source = source;
        this.names = rawHeader.stream().map(SourceValues::name).toList();
        source.columns().forEach((column, candidates) -> candidates.stream().filter(names::contains).findFirst()
                .ifPresent(c -> index.put(column, names.indexOf(c))));
        this.sharesUnit = unit(file, rawHeader, "shares_offered", HeaderUnits.Measure.SHARES, source.sharesUnit());
        this.proceedsUnit = unit(file, rawHeader, "gross_proceeds", HeaderUnits.Measure.MONEY, source.proceedsUnit());
        unit(file, rawHeader, "offer_price", HeaderUnits.Measure.PRICE, null);
    }

    private BigDecimal unit(String file, List<String> rawHeader, String column, HeaderUnits.Measure measure,
                            BigDecimal documented) {
        Integer i = index.get(column);
        return i == null ? documented : HeaderUnits.stated(file, rawHeader.get(i), measure).orElse(documented);
    }

    /** The lot of one winning subscription (一签) and the board, by the code's prefix. */
    record Board(String exchange, String board, long lotShares) {

        static Optional<Board> of(String ticker) {
            String code = ticker.substring(0, ticker.indexOf('.'));
            if (ticker.endsWith(".SH")) {
                return Optional.of(code.startsWith("688") || code.startsWith("689") ? new Board("SSE", "STAR Market", 500)
                        : new Board("SSE", "Main Board", 1000));
            }
            if (ticker.endsWith(".SZ")) {
                return Optional.of(code.startsWith("30") ? new Board("SZSE", "ChiNext", 500) : new Board("SZSE", "Main Board", 500));
            }
            if (ticker.endsWith(".BJ")) {
                return Optional.of(new Board("BSE", "BSE", 100));
            }
            return Optional.empty();
        }
    }

    @Override
    public CsvRecord translate(CsvRecord raw) {
        List<String> values = raw.values();
        String code = cell(values, "ticker");
        String ticker = TickerSymbols.normalise(code).orElseThrow(() -> new RejectedRowException(
                column("ticker"), code, "ticker-form", TickerSymbols.whyNot(code)));
        Board board = Board.of(ticker).orElseThrow(() -> new RejectedRowException(column("ticker"), code, "ticker-form",
                ticker + " is not an A-share: an IPO list gives no lot or currency for it; write it in listings.csv"));
        String listed = cell(values, "listing_date");
        if (listed.isEmpty()) {
            throw new RejectedRowException(column("listing_date"), listed, "not-listed",
                    "no listing date (" + column("listing_date") + " is empty): the IPO has not listed yet");
        }
        String date = SourceValues.isoDate(listed).orElseThrow(() -> new RejectedRowException(column("listing_date"),
                listed, "date-format", listed.matches("\\d{1,2}-\\d{1,2}(\\s.*)?")
                        ? column("listing_date") + " '" + listed + "' has no year, so the day cannot be placed: export full dates"
                        : column("listing_date") + " '" + listed + "' is not a date written " + source.dateForm()));
        String shares = SourceValues.scaled(SourceValues.number(cell(values, "shares_offered")), sharesUnit);
        try {
            if (!shares.isEmpty() && new BigDecimal(shares).compareTo(BigDecimal.valueOf(FEWEST_SHARES_OFFERED)) < 0) {
                throw new RejectedRowException(column("shares_offered"), cell(values, "shares_offered"), "shares-units",
                        column("shares_offered") + " gives " + shares + " shares offered, too few for an IPO: if the "
                                + "list counts in 万股, name the unit in the header (" + column("shares_offered") + "(万股))");
            }
        } catch (NumberFormatException e) {
            // not a number: the listing rule rejects it with its reason
        }
        Map<String, String> row = new LinkedHashMap<>();
        LISTING_COLUMNS.forEach(c -> row.put(c, ""));
        String name = cell(values, "name_local");
        row.put("ticker", ticker);
        row.put("name_en", ticker); // the list has no English name: charts then show the ticker, never empty boxes
        row.put("name_local", name);
        row.put("exchange", board.exchange());
        row.put("board", board.board());
        row.put("currency", "CNY");
        row.put("listing_date", date);
        row.put("offer_price", SourceValues.number(cell(values, "offer_price")));
        row.put("lot_shares", String.valueOf(board.lotShares()));
        row.put("shares_offered", shares);
        if (proceedsUnit != null) {
            row.put("gross_proceeds", SourceValues.scaled(SourceValues.number(cell(values, "gross_proceeds")), proceedsUnit));
        }
        row.put("note", "from an IPO list (" + source.title() + "): one lot of " + board.lotShares() + " shares by the "
                + board.board() + " convention; total shares after listing not in the list, so no market value");
        return new CsvRecord(raw.file(), raw.line(), LISTING_COLUMNS, new ArrayList<>(row.values()));
    }

    private String cell(List<String> values, String column) {
        Integer i = index.get(column);
        return i == null ? "" : SourceValues.cell(values, i);
    }

    private String column(String listingColumn) {
        Integer i = index.get(listingColumn);
        return i == null ? listingColumn : names.get(i);
    }

    @Override
    public Optional<String[]> cellInFile(String column, CsvRecord raw) {
        Integer i = index.get(column);
        return i == null ? Optional.empty() : Optional.of(new String[] {names.get(i), SourceValues.cell(raw.values(), i)});
    }

    @Override
    public List<String> notices() {
        List<String> mapping = new ArrayList<>();
        index.forEach((column, i) -> mapping.add(names.get(i) + " → " + column + unitText(column)));
        return List.of("read as " + source.title() + ": " + String.join(", ", mapping) + "; exchange and board from "
                + "the code, currency CNY, the lot by the board's convention (SSE main board 1,000 shares; STAR, SZSE "
                + "and ChiNext 500; BSE 100), no English name (the ticker stands for it), no total shares after "
                + "listing (no market value)");
    }

    private String unitText(String column) {
        BigDecimal unit = column.equals("shares_offered") ? sharesUnit : column.equals("gross_proceeds") ? proceedsUnit : null;
        return unit == null || unit.compareTo(BigDecimal.ONE) == 0 ? "" : " (× " + unit.toPlainString() + ")";
    }
}
