package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.launch.Main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application in a child JVM, as {@code java -jar} runs it (small chunks, a progress line
 * per chunk), its console going to a file (a pipe read while the child exits can lose the end).
 */
record ChildJvm(Process process, Path output) {

    static final Pattern PRICES_PROGRESS = Pattern.compile("loadPrices\\s+([0-9,]+) rows? read");
    static final Pattern REPORT_PROGRESS = Pattern.compile("reportListings\\s+([0-9,]+) of [0-9,]+ listings");

    static ChildJvm start(String[] args, Path output, String... jvmOptions) throws IOException {
        return startIn(Path.of("").toAbsolutePath(), args, output, jvmOptions);
    }

    /** Every child started: none outlives the tests' JVM, whatever a failed test left running (a watch never ends). */
    private static final List<Process> STARTED = java.util.Collections.synchronizedList(new ArrayList<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (STARTED) {
                STARTED.forEach(ChildJvm::destroyWithDescendants);
            }
        }, "child-jvms-stop"));
    }

    /** Started in the working directory {@code cwd}, where relative paths (the default data/) resolve. */
    static ChildJvm startIn(Path cwd, String[] args, Path output, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dipo.chunk-size=200", "-Dipo.progress-interval-ms=0", "-Dipo.input-settle-seconds=0"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        STARTED.add(process);
        return new ChildJvm(process, output);
    }

    /** Waits until loadPrices has read at least 2,000 rows; returns the count it printed. */
    long waitForPricesProgress() throws Exception {
        return waitFor(PRICES_PROGRESS, 2000);
    }

    /** Waits until a progress line matching {@code progress} shows a count of at least {@code atLeast}. */
    long waitFor(Pattern progress, long atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher m = progress.matcher(allOutput());
            while (m.find()) {
                long count = Long.parseLong(m.group(1).replace(",", ""));
                if (count >= atLeast) {
                    return count;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the child ended before " + progress + " reached " + atLeast + ":\n"
                        + allOutput());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + progress + " progress:\n" + allOutput());
    }

    /** Waits until the child has printed {@code text}. */
    void waitForLine(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!allOutput().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("the child ended before printing " + text + ":\n" + allOutput());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child did not print " + text + ":\n" + allOutput());
            }
            Thread.sleep(50);
        }
    }

    /** Waits for the child to exit; returns its exit code. */
    int exitCode() throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            destroyWithDescendants(process);
            throw new AssertionError("the child did not finish:\n" + allOutput());
        }
        return process.exitValue();
    }

    /** Kills {@code process} and what it started (a launch started again with the full compiler). */
    static void destroyWithDescendants(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    String allOutput() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
