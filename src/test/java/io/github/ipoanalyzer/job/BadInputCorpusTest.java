package io.github.ipoanalyzer.job;

import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus under src/test/resources/bad-input: each case overlays the shipped input with its
 * files (after removing what case.properties names), runs the job, and checks the exit code, the
 * message, the exact rejects (expected-rejects.csv) and that every row of every file is either
 * loaded or rejected, counted independently here.
 */
class BadInputCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/bad-input");

    @TempDir
    Path work;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void corpusCase(String name) throws Exception {
        Path caseDir = CORPUS.resolve(name);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(caseDir.resolve("case.properties"), StandardCharsets.UTF_8)) {
            props.load(r);
        }
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        for (String removed : props.getProperty("remove", "").split(",")) {
            if (!removed.isBlank()) {
                deleteTree(input.resolve(removed.trim()));
            }
        }
        overlay(caseDir.resolve("input"), input);

        JobRun run = launch(input, props.getProperty("args", ""));
        String console = run.out() + run.err();
        assertEquals(Integer.parseInt(props.getProperty("exit")), run.exitCode(), console);
        String message = props.getProperty("message");
        if (message != null) {
            assertTrue(console.contains(message), "expected «" + message + "» in:\n" + console);
        }
        assertTrue(!console.contains("\tat ") && !console.contains("Exception"), "no stack trace: " + console);
        Path output = work.resolve("output");
        Path expectedRejects = caseDir.resolve("expected-rejects.csv");
        Path rejects = output.resolve("latest/rejects.csv");
        if (run.exitCode() != 0) {
            // Only the rejects of a run stopped by the reject limit, in failed-<as-of>_run-<n>/.
            List<String> left = JobRun.reportFolders(output);
            assertEquals(List.of(), left.stream().filter(f -> !f.startsWith("failed-")).toList(), "a failed run publishes nothing");
            if (!Files.exists(expectedRejects)) {
                return;
            }
            rejects = output.resolve(left.get(0)).resolve("rejects.csv");
        }
        if (Files.exists(expectedRejects)) {
            String actual = Files.readString(rejects, StandardCharsets.UTF_8).substring(1).replace("\r\n", "\n");
            if (Boolean.getBoolean("corpus.write")) { // records the current rejects instead, for a deliberate change
                Files.writeString(expectedRejects, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(expectedRejects, StandardCharsets.UTF_8), actual);
        }
        if (run.exitCode() != 0) {
            return;
        }
        assertEveryRowLoadedOrRejected(input, output.resolve("latest/input-files.csv"));
        assertNoInvisibleControlCharacters(output.resolve("latest"));
    }

    /** Bidi overrides and isolates, zero-width marks, C0 (but tab and line ends) and C1 controls. */
    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    /** Whatever the input holds, no report text (CSV, HTML) carries a character that hides or reorders text. */
    static void assertNoInvisibleControlCharacters(Path report) throws IOException {
        Path folder = report.toRealPath(); // latest is a link: walked, it would yield only itself
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> texts = files.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".html")).toList();
            assertTrue(texts.size() >= 20, "every CSV and page of the report is read: " + texts);
            for (Path f : texts) {
                java.util.regex.Matcher m = INVISIBLE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                assertTrue(!m.find(), () -> folder.relativize(f) + " holds U+" + String.format("%04X",
                        (int) m.group().charAt(0)));
            }
        }
    }

    /** rows_read = rows_loaded + rows_repeated + rows_rejected, and rows_read is what OpenCSV finds in the file. */
    static void assertEveryRowLoadedOrRejected(Path input, Path inputFilesCsv) throws Exception {
        for (Map<String, String> f : JobRun.csv(inputFilesCsv)) {
            long read = Long.parseLong(f.get("rows_read"));
            assertEquals(read, Long.parseLong(f.get("rows_loaded")) + Long.parseLong(f.get("rows_repeated"))
                    + Long.parseLong(f.get("rows_rejected")) + Long.parseLong(f.get("rows_set_aside")), f.get("file"));
            assertEquals(dataRows(input.resolve(f.get("file"))), read, f.get("file"));
        }
    }

    private static long dataRows(Path file) throws Exception {
        // The same RFC 4180 dialect the application reads (no backslash escapes).
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            text = new String(bytes, java.nio.charset.Charset.forName("GB18030")); // read as GBK, with a notice
        }
        try (CSVReader csv = new com.opencsv.CSVReaderBuilder(new java.io.StringReader(text))
                .withCSVParser(new com.opencsv.RFC4180ParserBuilder().build()).build()) {
            return csv.readAll().stream().skip(1).filter(r -> !(r.length == 1 && r[0].isBlank())).count();
        }
    }

    @Test
    void aTenMegabyteLineEndsTheFileWithOneRejectThatEchoesNothing() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        String huge = "x".repeat(10 * 1024 * 1024);
        Files.writeString(input.resolve("prices/688795.SH.csv"), "688795.SH,2026-01-05,,,,700.00,,," + huge + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        JobRun run = launch(input, "--max-reject-fraction 1");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> reject = JobRun.csv(work.resolve("output/latest/rejects.csv")).get(0);
        // Read no further than 64 KiB into the line: the rest of the file is no rows.
        assertEquals(List.of("6", "unreadable", "prices/688795.SH.csv: line 6 is longer than 64 KiB (no line ends: not a "
                + "CSV file?); the rest of the file is not read: correct it, or remove it if it is no CSV", ""),
                List.of(reject.get("line"), reject.get("rule"), reject.get("reason"), reject.get("value")));
    }

    @Test
    void aLinkLeadingOutOfTheInputFolderIsRefused() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        Path outside = Files.writeString(work.resolve("elsewhere.csv"), "date,currency,cny_per_unit\n");
        Files.delete(input.resolve("fx-rates.csv"));
        Files.createSymbolicLink(input.resolve("fx-rates.csv"), outside);
        JobRun run = launch(input, "");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("Bad input: fx-rates.csv is a link to " + outside.toRealPath()
                + ", outside the input folder: copy the file in instead."), run.err());
    }

    private JobRun launch(Path input, String extraArgs) {
        List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", work.resolve("output").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-11-28"));
        args.addAll(Arrays.stream(extraArgs.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList());
        return JobRun.launch(args.toArray(String[]::new));
    }

    private static void overlay(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals(".gitkeep")) {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
