package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.RowStore;
import io.github.ipoanalyzer.store.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One kind of input file, declared once (see {@link InputKinds}): its name, where its files are
 * (one file, or a folder of any number of {@code .csv} or {@code .txt} files), whether it is required, its
 * columns, its row rule, its duplicate rule, and the table its rows go to. The load steps, the
 * input layout and the store's table lists are derived from these declarations.
 */
public record InputKind<T>(String name, String path, boolean folder, boolean required, CsvFormat format,
                           RowRule<T> rule, String table, Function<MarketDataStore, RowGuard<T>> guard,
                           Function<MarketDataStore, RowStore<T>> destination) {

    /** A kind of one optional or required file whose rows go to {@code table}, one row per {@code key}. */
    public static <T> InputKind<T> file(String name, String path, boolean required, CsvFormat format, RowRule<T> rule,
                                        Table<T> table, Function<T, Object> key, String keyDescription) {
        return new InputKind<>(name, path, false, required, format, rule, table.name(),
                store -> new DuplicateGuard<>(key, keyDescription, () -> store.loadAll(table)),
                store -> store.writer(table));
    }

    /** The load step's name: {@code loadPrices} for the kind {@code prices}. */
    public String stepName() {
        return "load" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** A file a folder kind reads: CSV, or the .txt that TDX and the trading clients export. */
    static boolean isTable(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".txt");
    }

    /** The files of this kind under {@code root} that a run would read (in name order for a folder); they may not exist. */
    public List<Path> candidates(Path root) {
        Path location = root.resolve(path);
        if (!folder) {
            return List.of(location);
        }
        if (!Files.isDirectory(location)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(location)) {
            return files.filter(p -> isTable(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
