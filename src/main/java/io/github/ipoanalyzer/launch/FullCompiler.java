package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.report.Workbook;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of the JVM's compilers a run is worth. The optimising compiler (C2) makes long work fast,
 * but compiling costs CPU time that a short run never earns back: on 2 cores a one-day rerun of
 * a 2M-row market spent about half its CPU time compiling. So {@code jobs/ipo-analyzer} starts
 * the JVM with the quick compiler only ({@value #QUICK_FLAG}), with the system properties
 * {@value #INPUT_LIMIT} and {@value #WORKBOOK_LIMIT}: how large an input folder, and how large a
 * previous report.xlsx (written again whole by every run), such a JVM works on itself. A run with
 * more, a process that stays up ({@code --watch}) and a worker start again with the JVM's full
 * compiler: the same command without those options, whose exit code becomes the launch's. The
 * figures are the same either way; only the time differs.
 */
final class FullCompiler {

    static final String INPUT_LIMIT = "ipo.quick-compiler.input-bytes";
    static final String WORKBOOK_LIMIT = "ipo.quick-compiler.workbook-bytes";
    static final String QUICK_FLAG = "-XX:TieredStopAtLevel=1";
    /** In the environment of a launch started again: it never starts again itself, whatever its options say. */
    static final String STARTED_AGAIN = "IPO_ANALYZER_STARTED_AGAIN";
    /** What a launch returns to be run again with the full compiler: never a process's exit code. */
    static final int RELAUNCH = -1;

    /** The most bytes of input, and of a previous report.xlsx, that a JVM with the quick compiler works on. */
    record Limits(long inputBytes, long workbookBytes) {

        /** Whether {@code inputBytes} of input and a previous workbook of {@code workbookBytes} want the full compiler. */
        boolean exceededBy(long inputBytes, long workbookBytes) {
            return inputBytes > this.inputBytes || workbookBytes > this.workbookBytes;
        }
    }

    private FullCompiler() {
    }

    /**
     * The limits of this JVM, where jobs/ipo-analyzer started it with the quick compiler only (it
     * leaves the compiler to JAVA_OPTS that name one); empty otherwise, as with {@code java -jar},
     * and in a launch started again.
     */
    static Optional<Limits> quickLimits() {
        String input = System.getProperty(INPUT_LIMIT);
        String workbook = System.getProperty(WORKBOOK_LIMIT);
        if (System.getenv(STARTED_AGAIN) != null || input == null || workbook == null || !input.matches("[0-9]{1,18}") || !workbook.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(new Limits(Long.parseLong(input), Long.parseLong(workbook)));
    }

    /** The bytes of {@code files}. */
    static long sizeOf(List<Path> files) {
        return files.stream().mapToLong(FullCompiler::sizeOf).sum();
    }

    /** The size of the latest report's workbook in {@code outputRoot}, which a run writes again (0 when none). */
    static long previousWorkbook(Path outputRoot) {
        return sizeOf(outputRoot.resolve("latest").resolve(Workbook.FILE));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** The line that says the launch starts again, and {@code why}. */
    static String startingAgain(String why) {
        return "Starting again with the JVM's full compiler (" + why + ").";
    }

    /** The work in words, for the line that says why the launch starts again. */
    static String work(long inputBytes, long workbookBytes) {
        return String.format(Locale.ROOT, "an input folder of %,.1f MB, a previous report.xlsx of %,.1f MB",
                inputBytes / 1e6, workbookBytes / 1e6);
    }

    /** This JVM's options without those that hold it to the quick compiler. */
    static List<String> withFullCompiler(List<String> jvmOptions) {
        return jvmOptions.stream().filter(o -> !o.equals(QUICK_FLAG) && !o.startsWith("-D" + INPUT_LIMIT + "=")
                && !o.startsWith("-D" + WORKBOOK_LIMIT + "=")).toList();
    }

    /**
     * What the JVM was asked to run: {@code -jar} and the jar where it was started so (the class
     * path is then the jar, named first on the command), else the class path and {@link Main}.
     */
    static List<String> launched(String classPath, String javaCommand) {
        return classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
                && (javaCommand.equals(classPath) || javaCommand.startsWith(classPath + " "))
                ? List.of("-jar", classPath) : List.of("-cp", classPath, Main.class.getName());
    }

    /**
     * Runs this launch's command again with the full compiler, its console this process's, and
     * returns its exit code. A stop signal to this process reaches it, and this process exits with
     * its code once it has stopped.
     */
    static int relaunch(String[] args, PrintStream out, PrintStream err) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(withFullCompiler(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(launched(System.getProperty("java.class.path"), System.getProperty("sun.java.command", "")));
        command.addAll(Arrays.asList(args));
        out.flush();
        err.flush();
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // Their options are on the command line already (the JVM put them there); read twice they would repeat.
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put(STARTED_AGAIN, "true");
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            err.println("Failed: cannot start " + command.get(0) + " again with the full compiler: " + e.getMessage());
            return ExitCode.FAILED.code();
        }
        Thread passOnStop = new Thread(() -> {
            child.destroy();
            try {
                Runtime.getRuntime().halt(child.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "full-compiler-run-stop");
        Runtime.getRuntime().addShutdownHook(passOnStop);
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return ExitCode.STOPPED.code();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(passOnStop);
        } catch (IllegalStateException stopping) {
            // A stop signal came as the run ended: the hook exits with its code.
        }
        return code;
    }
}
