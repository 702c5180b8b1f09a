package io.github.ipoanalyzer.job;

import com.opencsv.CSVReader;
import io.github.ipoanalyzer.launch.Launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the application as a user would (the same entry point as java -jar) and reads its report back. */
public record JobRun(int exitCode, String out, String err) {

    public static JobRun launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new JobRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Rows of a report CSV as column → value maps; the byte-order mark must be there and is
     * dropped. Of a series folder ({@code series/lot-gains}), the rows of all its files in name order.
     */
    static List<Map<String, String>> csv(Path file) throws Exception {
        if (Files.isDirectory(file)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Path month : filesIn(file)) {
                rows.addAll(csv(month));
            }
            return rows;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError(file + " has no UTF-8 byte-order mark");
        }
        try (CSVReader reader = new CSVReader(new StringReader(text.substring(1)))) {
            List<String[]> rows = reader.readAll();
            List<Map<String, String>> result = new ArrayList<>();
            for (String[] row : rows.subList(1, rows.size())) {
                Map<String, String> map = new LinkedHashMap<>();
                for (int i = 0; i < rows.get(0).length; i++) {
                    map.put(rows.get(0)[i], row[i]);
                }
                result.add(map);
            }
            return result;
        }
    }

    /** The bytes of a report file, or of every file of a series folder, each after its name. */
    static byte[] bytes(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.readAllBytes(path);
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Path f : filesIn(path)) {
            all.write((f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            all.write(Files.readAllBytes(f));
        }
        return all.toByteArray();
    }

    /** Every file of a report folder (series included) by relative path, with its SHA-256, but those named. */
    static Map<String, String> reportFiles(Path report, String... except) throws Exception {
        Path folder = report.toRealPath(); // latest is a link
        List<String> left = List.of(except);
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(f).toString().replace('\\', '/');
                if (!left.contains(name)) {
                    files.put(name, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(f))));
                }
            }
        }
        if (files.size() < 20) {
            throw new AssertionError("a report folder has every CSV, series file and chart: " + files.keySet());
        }
        return files;
    }

    /**
     * Every file of a report folder as {@link #reportFiles} gives it, but what depends on the
     * report published before it: changes.csv is left out, and index.html is hashed without its
     * section of what changed and without changes.csv's row count in its list of files. What a run
     * from scratch on the same input must equal.
     */
    static Map<String, String> figureFiles(Path report, String... except) throws Exception {
        List<String> left = new ArrayList<>(List.of(except));
        left.add("changes.csv");
        Map<String, String> files = reportFiles(report, left.toArray(String[]::new));
        String page = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8)
                .replaceFirst("(?s)<h2>Changed since the previous report</h2>.*?(?=<h2>Now</h2>)", "")
                .replaceFirst("(<a href=\"changes.csv\">changes.csv</a></td><td class=\"d\">[^<]*</td><td class=\"n\">)"
                        + "[0-9,]+", "$1");
        files.put("index.html", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(page.getBytes(StandardCharsets.UTF_8))));
        return files;
    }

    static String text(Path path) throws IOException {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    static Map<String, String> row(List<Map<String, String>> rows, String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
    }

    /** Everything in an output folder but {@code latest} and the output lock, by name: report folders and leftovers. */
    static List<String> reportFolders(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(output)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("latest") && !n.equals(".ipo-analyzer.lock") && !n.equals(".published-hashes.tsv"))
                    .sorted().toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
