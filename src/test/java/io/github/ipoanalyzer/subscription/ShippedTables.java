package io.github.ipoanalyzer.subscription;

import com.opencsv.CSVReader;
import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.ingest.CsvRecord;
import io.github.ipoanalyzer.ingest.InputKind;
import io.github.ipoanalyzer.ingest.InputKinds;
import io.github.ipoanalyzer.ingest.ListingLookup;
import io.github.ipoanalyzer.ingest.RowValues;
import io.github.ipoanalyzer.market.AllotmentBasisRow;
import io.github.ipoanalyzer.market.ExchangeHoliday;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.store.Sourced;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** The shipped input's rows, each read by its kind's rule as the load step reads it: for tests worked by hand. */
public final class ShippedTables {

    public static final Listing BIREN = new Listing("6082.HK", "Biren", null, "HKEX", "Main Board",
            Currency.getInstance("HKD"), LocalDate.of(2026, 1, 2), new BigDecimal("19.60"), 200, 284_846_600L, null, null,
            null);
    public static final Listing ILUVATAR = new Listing("9903.HK", "Iluvatar CoreX", null, "HKEX", "Main Board",
            Currency.getInstance("HKD"), LocalDate.of(2026, 1, 8), new BigDecimal("144.60"), 100, 25_431_800L, null, null,
            null);
    public static final Listing MOORE_THREADS = new Listing("688795.SH", "Moore Threads", null, "SSE", "STAR Market",
            Currency.getInstance("CNY"), LocalDate.of(2025, 12, 5), new BigDecimal("114.28"), 500, 70_000_000L, null, null,
            null);
    public static final ListingLookup LISTINGS = new ListingLookup(Map.of(BIREN.ticker(), BIREN, ILUVATAR.ticker(),
            ILUVATAR, MOORE_THREADS.ticker(), MOORE_THREADS),
            // SZSE is named by its calendar, so that the schedule's SZSE rows are read too.
            new TradingDays(List.of(new ExchangeHoliday("SZSE", LocalDate.of(2026, 1, 1), null))));

    private ShippedTables() {
    }

    /** input/allotment-basis.csv, line 2 on. */
    public static List<Sourced<AllotmentBasisRow>> basis() throws Exception {
        return read(InputKinds.ALLOTMENT_BASIS);
    }

    public static List<TableRow> basisRows() throws Exception {
        return basis().stream().map(s -> new TableRow(s.row(), s.file(), s.line())).toList();
    }

    /** input/fees.csv as the schedule, each row named by its line. */
    public static FeeSchedule fees() throws Exception {
        return new FeeSchedule(read(InputKinds.FEES).stream()
                .map(s -> new FeeSchedule.Row(s.row(), s.file() + " line " + s.line())).toList());
    }

    private static <T> List<Sourced<T>> read(InputKind<T> kind) throws Exception {
        List<Sourced<T>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(Path.of("input").resolve(kind.path()), StandardCharsets.UTF_8);
             CSVReader csv = new CSVReader(in)) {
            List<String[]> lines = csv.readAll();
            List<String> header = Arrays.asList(lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                RowValues v = new RowValues(new CsvRecord(kind.path(), i + 1, header, Arrays.asList(lines.get(i))));
                rows.add(new Sourced<>(kind.rule().apply(v, LISTINGS), kind.path(), i + 1));
            }
        }
        return rows;
    }
}
