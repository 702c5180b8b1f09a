package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.InputFingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where each input lives inside the input folder, as {@link InputKinds} declares it:
 * listings.csv is required; prices/*.csv may be any number of files (read in name order); the
 * others are optional.
 */
public record InputLayout(Path root) {

    /** The folder of price files, any number of them. */
    public static final String PRICES = InputKinds.PRICES.path();

    /** The files of one kind that a run would read, existing or not. */
    public List<Path> candidates(InputKind<?> kind) {
        return kind.candidates(root);
    }

    /** Every input file that exists, in a fixed order: what a run reads and fingerprints. */
    public List<Path> existingFiles() {
        return InputKinds.ALL.stream().flatMap(kind -> candidates(kind).stream()).filter(Files::exists).toList();
    }

    /** Relative path to SHA-256 of every existing file, in the layout's order. */
    public Map<String, String> sha256PerFile() {
        return sha256PerFile(InputFingerprint::sha256);
    }

    /** The same, each file's hash from {@code hashOf} (a memo of the files' hashes, say). */
    public Map<String, String> sha256PerFile(java.util.function.Function<Path, String> hashOf) {
        return readEach(hashOf);
    }

    /**
     * {@code read} of every existing file by its relative path, in the layout's order, the files
     * read on every core ({@link InputFingerprint#readEach}).
     */
    public <T> LinkedHashMap<String, T> readEach(java.util.function.Function<Path, T> read) {
        List<Path> files = existingFiles();
        List<T> results = InputFingerprint.readEach(files, read);
        LinkedHashMap<String, T> byName = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            byName.put(relative(files.get(i)), results.get(i));
        }
        return byName;
    }

    /**
     * What makes the folder unusable before any row is read, or empty when it is fine: listings.csv
     * missing, a folder where a file belongs (or a file where the prices folder belongs), a file
     * that cannot be read, a link that leads out of the input folder.
     */
    public Optional<String> problem() {
        if (!Files.isDirectory(root)) {
            return Optional.of(Files.exists(root) ? root + " is a file; --input names the input folder."
                    : "the input folder " + root + " does not exist. Name it with --input DIR, or start from the "
                    + "folder that holds input/.");
        }
        for (InputKind<?> kind : InputKinds.ALL) {
            Path location = root.resolve(kind.path());
            if (kind.required() && !Files.exists(location)) {
                return Optional.of(location + " not found. The input folder needs at least " + kind.path()
                        + " (see the README for the formats).");
            }
            if (kind.folder() && Files.exists(location) && !Files.isDirectory(location)) {
                return Optional.of(location + " is a file; it must be a folder of CSV files (" + kind.path()
                        + "/*.csv).");
            }
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return Optional.of("cannot open the input folder " + root + ": " + e.getMessage());
        }
        List<Path> candidates = InputKinds.ALL.stream().flatMap(kind -> candidates(kind).stream()).toList();
        for (Path file : candidates) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String name = relative(file);
            try {
                if (!file.toRealPath().startsWith(realRoot)) {
                    return Optional.of(name + " is a link to " + file.toRealPath() + ", outside the input folder: "
                            + "copy the file in instead.");
                }
            } catch (IOException e) {
                return Optional.of(name + " is a link that leads nowhere (" + e.getMessage() + ").");
            }
            if (Files.isDirectory(file)) {
                return Optional.of(name + " is a folder; a CSV file was expected there.");
            }
            if (!Files.isRegularFile(file)) {
                return Optional.of(name + " is not a regular file (a named pipe, device or socket): only plain files "
                        + "are read, since reading a pipe could wait for ever. Remove it or copy the data into a file.");
            }
            if (!Files.isReadable(file)) {
                return Optional.of(name + " cannot be read (check its permissions).");
            }
        }
        return Optional.empty();
    }

    /**
     * CSV and TXT files in the input folder, or a folder below it, that no input kind reads, each
     * with where it probably belongs: a file a user dropped in the wrong place would otherwise be
     * ignored without a word.
     */
    public List<String> unreadFiles() {
        java.util.Set<Path> read = new java.util.HashSet<>();
        InputKinds.ALL.forEach(kind -> candidates(kind).forEach(p -> read.add(p.toAbsolutePath().normalize())));
        List<String> unread = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if ((name.endsWith(".csv") || name.endsWith(".txt")) && !read.contains(file.toAbsolutePath().normalize())) {
                    unread.add(relative(file) + " is read by no input kind" + probablyBelongs(file));
                }
            }
        } catch (IOException e) {
            unread.add("the input folder could not be listed: " + e.getMessage());
        }
        return unread;
    }

    /**
     * A hint from the header: a file with the columns of an input kind, or of an export that kind
     * reads, belongs where that kind's files are.
     */
    private String probablyBelongs(Path file) {
        for (InputKind<?> kind : InputKinds.ALL) {
            ExportSniff sniff;
            try {
                sniff = ExportSniff.of(file, kind.format());
            } catch (IOException | UncheckedIOException e) {
                return " (it could not be read: " + e.getMessage() + ")";
            }
            boolean own = sniff.source() == null && headerNames(file, sniff).containsAll(kind.format().required());
            if (own || sniff.source() != null) {
                String what = own ? "its columns are those of " + (kind.folder() ? kind.name() : kind.path())
                        : "it is a " + sniff.source().title() + " file";
                return kind.folder() ? ": " + what + ", move it into " + kind.path() + "/"
                        : ": " + what + ", which is read only as " + kind.path();
            }
        }
        return " (its columns match no input kind; see the README's input files)";
    }

    private static List<String> headerNames(Path file, ExportSniff sniff) {
        try (var lines = Files.lines(file, sniff.charset())) {
            String header = lines.skip(sniff.linesAbove().size()).findFirst().orElse("");
            return java.util.Arrays.stream(header.split(String.valueOf(sniff.separator()), -1)).map(SourceValues::name).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    public String relative(Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
