package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: whatever happens to the input files (lines dropped, repeated, cut short, fields
 * swapped, bytes injected), the job never crashes: it ends with 0 (the row accounting then holds
 * for every file, counted independently) or 3 (bad input: no report published), never with a
 * stack trace. Deterministic from the seed; bounded in rounds and time. A longer soak:
 * {@code mvn test -Dtest=MutationTest -Dmutation.seed=7 -Dmutation.rounds=200 -Dmutation.minutes=10}.
 */
class MutationTest {

    private static final long SEED = Long.getLong("mutation.seed", 20261128L);
    private static final int ROUNDS = Integer.getInteger("mutation.rounds", 12);
    private static final long MAX_MILLIS = Integer.getInteger("mutation.minutes", 1) * 60_000L;
    private static final byte[][] INJECTIONS = {",".getBytes(), "\"".getBytes(), "\n".getBytes(), "\r\n".getBytes(),
            {(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE}, "=cmd|' /C calc'!A0".getBytes(), "9999999999999999999999999999".getBytes(),
            "-".getBytes(), "\\".getBytes(), "1e9".getBytes(), "2025-02-30".getBytes(), "\uFEFF".getBytes(), {0}};

    @TempDir
    Path work;

    @Test
    void theJobNeverCrashesAndEveryRowIsAccountedFor() throws Exception {
        Random random = new Random(SEED);
        long start = System.currentTimeMillis();
        int exits0 = 0;
        int exits3 = 0;
        for (int round = 0; round < ROUNDS && System.currentTimeMillis() - start < MAX_MILLIS; round++) {
            Path dir = work.resolve("round-" + round);
            Path input = dir.resolve("input");
            JobRun.copyTree(Path.of("input"), input);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(input)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            List<String> applied = new ArrayList<>();
            for (int m = 0, n = 1 + random.nextInt(3); m < n; m++) {
                Path file = files.get(random.nextInt(files.size()));
                applied.add(input.relativize(file) + ": " + mutate(file, random));
            }
            JobRun run = JobRun.launch("--input", input.toString(), "--output", dir.resolve("output").toString(),
                    "--db", dir.resolve("db").toString(), "--as-of", "2026-11-28",
                    "--max-reject-fraction", random.nextBoolean() ? "1" : "0.05");
            String context = "round " + round + " " + applied + "\n" + run.out() + run.err();
            assertTrue(run.exitCode() == 0 || run.exitCode() == 3, context);
            assertTrue(!(run.out() + run.err()).contains("\tat "), "no stack trace: " + context);
            if (run.exitCode() == 0) {
                exits0++;
                BadInputCorpusTest.assertEveryRowLoadedOrRejected(input, dir.resolve("output/latest/input-files.csv"));
            } else {
                exits3++;
                // Nothing published, nothing left behind; at most the rejects of a run the reject limit stopped.
                assertEquals(List.of(), JobRun.reportFolders(dir.resolve("output")).stream()
                        .filter(n -> !n.startsWith("failed-")).toList(), context);
            }
        }
        assertTrue(exits0 > 0 && exits3 > 0, "both outcomes exercised: " + exits0 + " ok, " + exits3 + " bad input");
    }

    /**
     * Property of the nightly path: rows appended to loaded files, some of them broken or
     * repeating earlier rows, are read alone (INPUT_TAIL), and the result is that of a run from
     * scratch on the same folder: the same exit code, the same figures, the same accounting per
     * file and the same rejected lines with their rules. (A reject's reason may name the two rows
     * of a conflict the other way round, so reasons are not compared.)
     */
    @Test
    void appendingRowsThenRerunningEqualsARunFromScratch() throws Exception {
        Random random = new Random(SEED + 1);
        long start = System.currentTimeMillis();
        for (int round = 0; round < Math.max(2, ROUNDS / 4) && System.currentTimeMillis() - start < MAX_MILLIS; round++) {
            Path dir = work.resolve("append-" + round);
            Path input = dir.resolve("input");
            JobRun.copyTree(Path.of("input"), input);
            String[] args = {"--input", input.toString(), "--output", dir.resolve("output").toString(), "--db",
                    dir.resolve("db").toString(), "--as-of", "2026-11-28", "--max-reject-fraction", "1"};
            assertEquals(0, JobRun.launch(args).exitCode());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(input)) {
                files = walk.filter(Files::isRegularFile).filter(f -> !f.endsWith("listings.csv")).sorted().toList();
            }
            List<String> applied = new ArrayList<>();
            for (int m = 0, n = 1 + random.nextInt(4); m < n; m++) {
                Path file = files.get(random.nextInt(files.size()));
                List<byte[]> lines = splitLines(Files.readAllBytes(file));
                byte[] copy = lines.get(lines.size() <= 1 ? 0 : 1 + random.nextInt(lines.size() - 1)).clone();
                Path scratch = dir.resolve("line.csv");
                Files.write(scratch, copy);
                String what = random.nextBoolean() || copy.length == 0 ? "repeated" : mutate(scratch, random);
                ByteArrayOutputStream appended = new ByteArrayOutputStream();
                appended.write(Files.readAllBytes(scratch));
                if (appended.size() == 0 || appended.toByteArray()[appended.size() - 1] != '\n') {
                    appended.write('\n'); // the shipped files end with a line end, and so does what a feed appends
                }
                Files.write(file, appended.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
                applied.add(input.relativize(file) + ": appended a line, " + what);
            }
            JobRun incremental = JobRun.launch(args);
            JobRun fresh = JobRun.launch("--input", input.toString(), "--output", dir.resolve("fresh").toString(),
                    "--db", dir.resolve("fresh-db").toString(), "--as-of", "2026-11-28", "--max-reject-fraction", "1");
            String context = "round " + round + " " + applied + "\n" + incremental.out() + incremental.err();
            assertEquals(fresh.exitCode(), incremental.exitCode(), context);
            if (fresh.exitCode() != 0) {
                continue;
            }
            Path a = dir.resolve("output/latest");
            Path b = dir.resolve("fresh/latest");
            // Every report file, but those that say which run parsed what (and the rejects, whose reasons
            // may name a conflict's two rows the other way round: compared below by line and rule).
            assertEquals(JobRun.figureFiles(b, "manifest.json", "input-files.csv", "rejects.csv"),
                    JobRun.figureFiles(a, "manifest.json", "input-files.csv", "rejects.csv"), context);
            assertEquals(accounting(b), accounting(a), context);
            assertEquals(rejectedLines(b), rejectedLines(a), context);
        }
    }

    private static List<String> accounting(Path report) throws Exception {
        return JobRun.csv(report.resolve("input-files.csv")).stream().map(f -> f.get("file") + " " + f.get("rows_read")
                + " " + f.get("rows_loaded") + " " + f.get("rows_repeated") + " " + f.get("rows_rejected") + " "
                + f.get("rows_set_aside")).toList();
    }

    private static List<String> rejectedLines(Path report) throws Exception {
        return JobRun.csv(report.resolve("rejects.csv")).stream().map(r -> r.get("file") + ":" + r.get("line") + " "
                + r.get("rule")).sorted().toList();
    }

    /** One random mutation of a file, described for the failure message. */
    private static String mutate(Path file, Random random) throws Exception {
        List<byte[]> lines = splitLines(Files.readAllBytes(file));
        int i = lines.size() <= 1 ? 0 : 1 + random.nextInt(lines.size() - 1);
        String what;
        switch (random.nextInt(5)) {
            case 0 -> {
                lines.remove(i);
                what = "dropped line " + (i + 1);
            }
            case 1 -> {
                lines.add(i, lines.get(i).clone());
                what = "repeated line " + (i + 1);
            }
            case 2 -> {
                byte[] line = lines.get(i);
                lines.set(i, java.util.Arrays.copyOf(line, line.length == 0 ? 0 : random.nextInt(line.length)));
                what = "cut line " + (i + 1);
            }
            case 3 -> {
                String[] fields = new String(lines.get(i), java.nio.charset.StandardCharsets.UTF_8).split(",", -1);
                int a = random.nextInt(fields.length);
                int b = random.nextInt(fields.length);
                String t = fields[a];
                fields[a] = fields[b];
                fields[b] = t;
                lines.set(i, String.join(",", fields).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                what = "swapped fields " + a + " and " + b + " of line " + (i + 1);
            }
            default -> {
                byte[] line = lines.get(i);
                byte[] injected = INJECTIONS[random.nextInt(INJECTIONS.length)];
                int at = line.length == 0 ? 0 : random.nextInt(line.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(line, 0, at);
                out.write(injected);
                out.write(line, at, line.length - at);
                lines.set(i, out.toByteArray());
                what = "injected " + injected.length + " byte(s) into line " + (i + 1);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.write(line);
            out.write('\n');
        }
        Files.write(file, out.toByteArray());
        return what;
    }

    private static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }
}
