package io.github.ipoanalyzer.bench;

import com.opencsv.CSVReader;
import io.github.ipoanalyzer.generate.MarketGenerator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of issue 6, in one run on one machine: (a) the whole job on a generated market
 * from a cold database, (n) a launch that finds nothing to do, (b) a rerun after one trading day
 * was appended for every listing, (c) DuckDB SQL computing the same first-day and market-value
 * metrics over the same CSVs. Each is a child process timed by /usr/bin/time (wall, peak RSS);
 * the job is launched as users launch it (jobs/ipo-analyzer) with its heap capped. Then it checks that (a) and (c) agree for every listing.
 * Then the report's sizes (one folder; what people open first, outside series/; the longest CSV,
 * which a spreadsheet must open) and, with NIGHTS, that many more nightly runs of one appended
 * day each, keeping 30, and the disk the output folder then takes (hard-linked files once). Last,
 * (w): a one-day rerun by a process that stays up ({@code --watch}).
 * Usage: Benchmark LISTINGS DAYS WORK_DIR [HEAP] [NIGHTS] (see jobs/benchmark.sh).
 */
public final class Benchmark {

    private static final Pattern TIME = Pattern.compile("BENCH (\\S+) s (\\d+) KB");
    /** JAVA_OPTS of every command timed: the job's heap cap and JVM options (jobs/ipo-analyzer reads them). */
    private static String jobOptions = "";

    record Measure(String name, double seconds, long peakKb, int exitCode) {
    }

    public static void main(String[] args) throws Exception {
        int listings = Integer.parseInt(args[0]);
        int days = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]).toAbsolutePath();
        String heap = args.length > 3 ? args[3] : "1g";
        int nights = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Path market = work.resolve("market");
        deleteTree(work);
        MarketGenerator generator = new MarketGenerator(listings, days, 1);
        generator.writeTo(market);
        long rows = (long) listings * days;
        // The job runs with the JVM options the scheduled runs use (jobs/java-options, or JAVA_OPTS).
        String javaOptions = System.getenv().containsKey("JAVA_OPTS") ? System.getenv("JAVA_OPTS")
                : String.join(" ", Files.readAllLines(Path.of("jobs/java-options")).stream()
                .filter(l -> !l.startsWith("#")).toList());
        System.out.printf(Locale.ROOT, "Market: %,d listings × %,d days = %,d price rows (%s); %d cores, heap cap %s, "
                        + "JVM options of the job: %s%n", listings, days, rows, market,
                Runtime.getRuntime().availableProcessors(), heap, javaOptions.isBlank() ? "none" : javaOptions.trim());

        // The job as the scheduled and one-off runs launch it: jobs/ipo-analyzer (the extracted jar with its
        // class-data-sharing archive, which the build above recorded), the JVM options in JAVA_OPTS.
        Path extracted = Path.of("target/app/ipo-analyzer.jar");
        if (!Files.exists(extracted) || Files.getLastModifiedTime(extracted).compareTo(
                Files.getLastModifiedTime(Path.of("target/ipo-analyzer.jar"))) < 0) {
            System.out.println(extracted + " is missing or older than target/ipo-analyzer.jar (a build with -Dcds.skip?): "
                    + "jobs/ipo-analyzer would run java -jar instead, which is not what users run. Build without -Dcds.skip.");
            System.exit(1);
        }
        jobOptions = ("-Xmx" + heap + " " + javaOptions).trim();
        List<String> job = new ArrayList<>(List.of(Path.of("jobs/ipo-analyzer").toAbsolutePath().toString(),
                "--input", market.toString(),
                "--output", work.resolve("out").toString(), "--db", work.resolve("db").toString(), "--as-of", "2030-01-01",
                "--keep", "30", "--settle-seconds", "0")); // the market was written moments ago
        Measure a = timed("(a) full job, cold database", job, work.resolve("a.log"));
        Measure n = timed("(n) launch with nothing to do", job, work.resolve("n.log"));
        generator.appendOneDay(market);
        Measure b = timed("(b) rerun after +1 day per listing", job, work.resolve("b.log"));
        Measure c = timed("(c) DuckDB reference", List.of("java", "-cp", System.getProperty("java.class.path"),
                DuckDbReference.class.getName(), market.toString(), work.resolve("duck").toString()), work.resolve("c.log"));

        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %10s %14s %12s %6s%n", "run", "wall s", "rows/s", "peak RSS MB", "exit");
        for (Measure m : List.of(a, n, b, c)) {
            System.out.printf(Locale.ROOT, "%-40s %10.1f %,14.0f %12.0f %6d%n", m.name(), m.seconds(), rows / m.seconds(),
                    m.peakKb() / 1024.0, m.exitCode());
        }
        System.out.printf(Locale.ROOT, "ratio (a)/(c) = %.1f (target ≤ 1.5, aim ≤ 1: as fast as DuckDB on the same work)%n", a.seconds() / c.seconds());
        System.out.printf(Locale.ROOT, "ratio (b)/(n) = %.2f (target ≤ 1.5: a one-day rerun vs a launch with nothing to do)%n",
                b.seconds() / n.seconds());
        System.out.printf(Locale.ROOT, "ratio (b)/(c) = %.1f%n", b.seconds() / c.seconds());
        for (String run : List.of("a", "b")) {
            Files.readAllLines(work.resolve(run + ".log")).stream().filter(l -> l.contains("time per step"))
                    .forEach(l -> System.out.println("(" + run + ")" + l));
        }
        // A run that failed published no report to measure: say which, with the end of its log, and stop.
        boolean failed = false;
        for (Map.Entry<String, Measure> run : List.of(Map.entry("a", a), Map.entry("n", n), Map.entry("b", b))) {
            if (run.getValue().exitCode() != 0) {
                List<String> log = Files.readAllLines(work.resolve(run.getKey() + ".log"));
                System.out.println(run.getValue().name() + " exited " + run.getValue().exitCode() + "; the end of "
                        + work.resolve(run.getKey() + ".log") + ":");
                log.subList(Math.max(0, log.size() - 4), log.size()).forEach(l -> System.out.println("  " + l));
                failed = true;
            }
        }
        if (failed) {
            System.exit(1);
        }
        Path report = work.resolve("out/latest").toRealPath();
        System.out.printf(Locale.ROOT, "report folder: %,.0f MB; outside series/ (what people open first): %,.0f MB; "
                + "longest CSV: %,d rows with the header (a spreadsheet opens 1,048,576)%n", diskMb(report, null),
                diskMb(report, "series"), longestCsv(report));
        if (nights > 0) {
            List<Measure> nightly = new ArrayList<>();
            for (int night = 1; night <= nights; night++) {
                generator.appendDay(market, night);
                nightly.add(timed("night " + night, job, work.resolve("night.log")));
            }
            double mean = nightly.stream().mapToDouble(Measure::seconds).average().orElse(0);
            System.out.printf(Locale.ROOT, "%d more nightly runs (+1 day each, --keep 30): mean %.1f s, max peak RSS %.0f MB; "
                    + "output folder %,.0f MB on disk = %.1f × one report folder (%,.0f MB)%n", nights, mean,
                    nightly.stream().mapToLong(Measure::peakKb).max().orElse(0) / 1024.0, diskMb(work.resolve("out"), null),
                    diskMb(work.resolve("out"), null) / diskMb(work.resolve("out/latest").toRealPath(), null),
                    diskMb(work.resolve("out/latest").toRealPath(), null));
        }
        if (a.exitCode() == 0) {
            agreement(work.resolve("out/latest/first-day.csv"), work.resolve("duck/first-day.csv"), listings);
        } else {
            System.out.println("(a) failed: no agreement check; see " + work.resolve("a.log"));
        }
        try {
            watched(job, work, generator, market, nights, n);
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * (w): the one-day rerun by a process that stays up ({@code --watch 1}), as a nightly run there
     * costs it. Its first look finds nothing to do; a day appended is its first run (the JIT still
     * compiling); another day appended is timed from the append to the report's last line (the
     * next look, up to a second, included), with the run's own time as it printed it.
     */
    private static void watched(List<String> job, Path work, MarketGenerator generator, Path market, int nights,
                                Measure n) throws Exception {
        List<String> command = new ArrayList<>(job);
        command.addAll(List.of("--watch", "1"));
        Path log = work.resolve("w.log");
        System.out.println("running (w) the same on a process that stays up (--watch 1) …");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", jobOptions);
        Process p = builder.start();
        try {
            awaitLines(p, log, "Nothing to do", 1);
            generator.appendDay(market, nights + 1);
            long first = System.nanoTime();
            awaitLines(p, log, "Report published.", 1);
            double firstSeconds = (System.nanoTime() - first) / 1e9;
            generator.appendDay(market, nights + 2);
            long second = System.nanoTime();
            awaitLines(p, log, "Report published.", 2);
            double secondSeconds = (System.nanoTime() - second) / 1e9;
            String status = Files.readString(Path.of("/proc/" + p.pid() + "/status"));
            Matcher peak = Pattern.compile("VmHWM:\\s+(\\d+) kB").matcher(status);
            // The line is seen as soon as its first words are written: its end (the run's own times) may come a moment later.
            List<String> printed = List.of();
            for (int tries = 0; tries < 50 && printed.size() < 2; tries++) {
                printed = Files.readAllLines(log).stream().filter(l -> l.startsWith("Report published.") && l.endsWith(")"))
                        .toList();
                if (printed.size() < 2) {
                    Thread.sleep(100);
                }
            }
            System.out.printf(Locale.ROOT, "(w) +1 day on a process that stays up: %.1f s from the append to the report "
                            + "(its first run: %.1f s); the run printed \"%s\"; peak RSS %.0f MB%n", secondSeconds,
                    firstSeconds, printed.get(1).replaceAll(".*\\((.*)\\)", "$1"),
                    peak.find() ? Long.parseLong(peak.group(1)) / 1024.0 : Double.NaN);
            System.out.printf(Locale.ROOT, "ratio (w)/(n) = %.2f%n", secondSeconds / n.seconds());
            Files.readAllLines(log).stream().filter(l -> l.contains("time per step")).skip(1)
                    .forEach(l -> System.out.println("(w)" + l));
            long launches = Files.readAllLines(log).stream().filter(l -> l.startsWith("ipo-analyzer: input ")).count();
            if (launches != 3) {
                // A look during an append (1,000 files, one after the other) starts a run on part of the day.
                System.out.println("(w) warning: " + launches + " launches where 3 were due: a look fell in the middle "
                        + "of an append, and the figures above include a run on part of a day; run again");
            }
        } finally {
            p.destroy(); // SIGTERM: between runs, the process ends at once with 0
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        System.out.println("(w) stopped with exit code " + p.exitValue());
    }

    /** Waits until {@code log} holds {@code times} lines starting with {@code start}; fails if the process ends first. */
    private static void awaitLines(Process p, Path log, String start, int times) throws Exception {
        while (Files.readAllLines(log).stream().filter(l -> l.startsWith(start)).count() < times) {
            if (!p.isAlive()) {
                throw new IllegalStateException("(w) ended before its report; see " + log);
            }
            Thread.sleep(20);
        }
    }

    /** Megabytes on disk under {@code folder}, a hard-linked file once, leaving out the subfolder {@code except}. */
    private static double diskMb(Path folder, String except) throws IOException {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        long bytes = 0;
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (except != null && folder.relativize(p).startsWith(except)) {
                    continue;
                }
                if (seen.add(Files.getAttribute(p, "unix:ino"))) {
                    bytes += Files.size(p);
                }
            }
        }
        return bytes / 1e6;
    }

    /** The most lines of any CSV of the report. */
    private static long longestCsv(Path report) throws IOException {
        long longest = 0;
        try (var walk = Files.walk(report)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".csv")).toList()) {
                try (var lines = Files.lines(p, StandardCharsets.UTF_8)) {
                    longest = Math.max(longest, lines.count());
                }
            }
        }
        return longest;
    }

    private static Measure timed(String name, List<String> command, Path log) throws Exception {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "BENCH %e s %M KB"));
        full.addAll(command);
        System.out.println("running " + name + " …");
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", jobOptions);
        Process p = builder.start();
        int exit = p.waitFor();
        Matcher m = TIME.matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no timing in " + log);
        }
        return new Measure(name, Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)), exit);
    }

    /** Every listing's first-day return and market value at the first close, job against DuckDB. */
    private static void agreement(Path jobCsv, Path duckCsv, int listings) throws Exception {
        Map<String, String[]> job = new HashMap<>();
        for (Map<String, String> r : rows(jobCsv, true)) {
            job.put(r.get("ticker"), new String[] {r.get("first_day_return_close_vs_offer_fraction"),
                    r.get("market_cap_at_first_close")});
        }
        int agree = 0;
        List<String> disagree = new ArrayList<>();
        for (Map<String, String> r : rows(duckCsv, false)) {
            String[] j = job.get(r.get("ticker"));
            boolean returnOk = j != null && Math.abs(Double.parseDouble(j[0]) - Double.parseDouble(r.get("first_day_return"))) < 1e-6;
            boolean capOk = j != null && new java.math.BigDecimal(j[1]).compareTo(new java.math.BigDecimal(r.get("cap_first_close"))) == 0;
            if (returnOk && capOk) {
                agree++;
            } else if (disagree.size() < 5) {
                disagree.add(r.get("ticker") + " job " + (j == null ? "missing" : String.join(" / ", j)) + " duckdb "
                        + r.get("first_day_return") + " / " + r.get("cap_first_close"));
            }
        }
        System.out.printf(Locale.ROOT, "agreement (a) vs (c): %,d of %,d listings on first-day return and market value at the first close%s%n",
                agree, listings, disagree.isEmpty() ? "" : "; e.g. " + disagree);
    }

    private static List<Map<String, String>> rows(Path csv, boolean bom) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReader reader = new CSVReader(in)) {
            List<String[]> all = reader.readAll();
            String[] header = all.get(0);
            if (bom) {
                header[0] = header[0].replace("\uFEFF", "");
            }
            List<Map<String, String>> result = new ArrayList<>();
            for (String[] row : all.subList(1, all.size())) {
                Map<String, String> map = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    map.put(header[i], row[i]);
                }
                result.add(map);
            }
            return result;
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
