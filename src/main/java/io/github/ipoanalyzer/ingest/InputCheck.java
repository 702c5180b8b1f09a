package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.ExchangeHoliday;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.TradingDays;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.FileSystemResource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an input folder as a run would, with the same reader and row rules, but in memory:
 * for every file its recognised format, column mapping and conversions, its rows and the rows
 * that would be rejected, without a database or an output folder. Listings are read first, then
 * calendars, so that every other row is judged against them as in a run. Duplicates and conflicts
 * between rows are left to the run (they need every row loaded).
 */
public final class InputCheck {

    /** One rejected row: line of the original file, column, raw value, rule and reason. */
    public record Reject(long line, String column, String rawValue, String rule, String reason) {
    }

    /** What one file gives: notices, rows read, rejects, the valid rows, or why the file cannot be read at all. */
    public record FileCheck(String file, List<String> notices, long rowsRead, List<Reject> rejects, List<Object> rows,
                            String failure) {
    }

    private InputCheck() {
    }

    public static List<FileCheck> check(Path inputDir) {
        InputLayout layout = new InputLayout(inputDir);
        List<FileCheck> checks = new ArrayList<>();
        ListingLookup lookup = ListingLookup.NONE;
        Map<String, Listing> listings = new LinkedHashMap<>();
        List<ExchangeHoliday> closures = new ArrayList<>();
        for (InputKind<?> kind : InputKinds.ALL) {
            for (Path file : layout.candidates(kind)) {
                if (!file.toFile().isFile()) {
                    continue;
                }
                FileCheck check = checkFile(kind, layout, file, lookup);
                checks.add(check);
                for (Object row : check.rows()) {
                    if (row instanceof Listing l) {
                        listings.putIfAbsent(l.ticker(), l);
                    } else if (row instanceof ExchangeHoliday h) {
                        closures.add(h);
                    }
                }
            }
            if (kind == InputKinds.LISTINGS || kind == InputKinds.CALENDARS) {
                lookup = new ListingLookup(Map.copyOf(listings), new TradingDays(closures));
            }
        }
        return checks;
    }

    private static FileCheck checkFile(InputKind<?> kind, InputLayout layout, Path file, ListingLookup lookup) {
        String name = layout.relative(file);
        List<String> notices = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<Object> rows = new ArrayList<>();
        long read = 0;
        CsvRecordReader reader = new CsvRecordReader("check", layout.root(), kind.format(),
                (f, message) -> notices.add(message), f -> Optional.empty(), f -> Optional.empty(),
                () -> lookup.byTicker().keySet());
        reader.setResource(new FileSystemResource(file));
        try {
            reader.open(new ExecutionContext());
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                read++;
                if (record.unreadable().isPresent()) {
                    rejects.add(new Reject(record.line(), "", null, "unreadable", record.unreadable().get()));
                    continue;
                }
                RowValues values = null;
                try {
                    values = new RowValues(record);
                    rows.add(kind.rule().apply(values, lookup));
                } catch (RejectedRowException e) {
                    var row = e.at(record);
                    rejects.add(new Reject(row.line(), row.column(), row.rawValue(), row.rule(), row.reason()));
                }
                if (values != null) {
                    values.invisibleCharacters().ifPresent(notices::add);
                }
            }
        } catch (Exception e) {
            return new FileCheck(name, notices, read, rejects, rows, messageOf(e));
        } finally {
            reader.close();
        }
        return new FileCheck(name, notices, read, rejects, rows, null);
    }

    /** The reader wraps what it throws; the person wants the innermost message a file gave. */
    private static String messageOf(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InputFileException) {
                return c.getMessage();
            }
        }
        return e.getMessage();
    }
}
