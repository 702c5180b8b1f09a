package io.github.ipoanalyzer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where each input lives inside the input folder. listings.csv is required; prices/*.csv may
 * be any number of files (read in name order); the others are optional.
 */
public record InputLayout(Path root) {

    public Path listings() {
        return root.resolve("listings.csv");
    }

    public List<Path> prices() {
        Path dir = root.resolve("prices");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path revenue() {
        return root.resolve("revenue.csv");
    }

    public Path fxRates() {
        return root.resolve("fx-rates.csv");
    }

    public Path reportedCaps() {
        return root.resolve("reported-caps.csv");
    }

    /** Every input file that exists, in a fixed order: what a run reads and fingerprints. */
    public List<Path> existingFiles() {
        List<Path> files = new ArrayList<>();
        files.add(listings());
        files.addAll(prices());
        files.add(revenue());
        files.add(fxRates());
        files.add(reportedCaps());
        return files.stream().filter(Files::exists).toList();
    }

    public String relative(Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
