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
 * a 2M-row market spent about half its CPU time in C2. So {@code jobs/ipo-analyzer} starts
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
    /**
     * In the environment of a launch started again, the process id of the launch that started it:
     * it never starts again itself, whatever its options say, and it stops as on SIGTERM when
     * that launch is gone (killed with -9, say), rather than run on unsupervised.
     */
    static final String STARTED_BY = "IPO_ANALYZER_STARTED_BY";
    /** What a launch returns to be started again with the full compiler: never a process's exit code. */
    static final int START_AGAIN = -1;

    /** The most bytes of input, and of a previous report.xlsx, that a JVM with the quick compiler works on. */
    record Limits(long inputBytes, long workbookBytes) {

        /** Whether {@code input} bytes of input and a previous workbook of {@code workbook} bytes want the full compiler. */
        boolean exceededBy(long input, long workbook) {
            return input > inputBytes || workbook > workbookBytes;
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
        if (System.getenv(STARTED_BY) != null || input == null || workbook == null || !input.matches("[0-9]{1,18}")
                || !workbook.matches("[0-9]{1,18}")) {
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

    /** What is over the limits, in words, for the line that says why the launch starts again. */
    static String describe(Limits limits, long inputBytes, long workbookBytes) {
        List<String> over = new ArrayList<>();
        if (inputBytes > limits.inputBytes()) {
            over.add(String.format(Locale.ROOT, "an input folder of %,.1f MiB", inputBytes / MIB));
        }
        if (workbookBytes > limits.workbookBytes()) {
            over.add(String.format(Locale.ROOT, "a previous report.xlsx of %,.1f MiB", workbookBytes / MIB));
        }
        return String.join(", ", over);
    }

    private static final double MIB = 1024.0 * 1024.0;

    /** This JVM's options without those that hold it to the quick compiler. */
    static List<String> withoutQuickCompiler(List<String> jvmOptions) {
        return jvmOptions.stream().filter(o -> !o.equals(QUICK_FLAG) && !o.startsWith("-D" + INPUT_LIMIT + "=")
                && !o.startsWith("-D" + WORKBOOK_LIMIT + "=")).toList();
    }

    /**
     * What the JVM was asked to run: {@code -jar} and the jar where it was started so (the class
     * path is then the jar, which the JVM names first for its command), else the class path and {@link Main}.
     */
    static List<String> mainCommand(String classPath, String javaCommand) {
        return javaCommand.equals(classPath) || javaCommand.startsWith(classPath + " ")
                ? List.of("-jar", classPath) : List.of("-cp", classPath, Main.class.getName());
    }

    /**
     * Runs this launch's command again with the full compiler, its console this process's, and
     * returns its exit code. A stop signal to this process reaches it, and this process exits with
     * its code once it has stopped.
     */
    static int startAgain(String[] args, PrintStream out, PrintStream err) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(withoutQuickCompiler(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(mainCommand(System.getProperty("java.class.path"), System.getProperty("sun.java.command", "")));
        command.addAll(Arrays.asList(args));
        out.flush();
        err.flush();
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // The JVM listed the options of these among its own, which the command above repeats.
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().put(STARTED_BY, Long.toString(ProcessHandle.current().pid()));
        StartedRun run = new StartedRun();
        Thread passOnStop = new Thread(run::stop, "started-again-stop");
        try {
            Runtime.getRuntime().addShutdownHook(passOnStop); // before the start: a signal at any moment reaches it
        } catch (IllegalStateException stopping) {
            return ExitCode.STOPPED.code();
        }
        Process child;
        try {
            child = run.start(builder);
        } catch (IOException e) {
            err.println("Failed: cannot start " + command.get(0) + " again with the full compiler: " + e.getMessage());
            return ExitCode.FAILED.code();
        }
        if (child == null) {
            return ExitCode.STOPPED.code(); // stopping already: the hook exits
        }
        int code;
        while (true) {
            try {
                code = child.waitFor();
                break;
            } catch (InterruptedException e) {
                // Not a stop signal (that runs the hook): the run started again decides how this ends.
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(passOnStop);
        } catch (IllegalStateException stopping) {
            // A stop signal came as the run ended: the hook exits with its code.
        }
        return code;
    }

    /**
     * The run started again, between this process's shutdown hook and its main thread: a stop
     * before the start starts nothing; one after it is passed on, and this process exits with the
     * run's code once it has stopped.
     */
    private static final class StartedRun {
        private Process process;
        private boolean stopping;

        synchronized Process start(ProcessBuilder builder) throws IOException {
            if (!stopping) {
                process = builder.start();
            }
            return process;
        }

        void stop() {
            Process started;
            synchronized (this) {
                stopping = true;
                started = process;
            }
            if (started == null) {
                Runtime.getRuntime().halt(ExitCode.STOPPED.code()); // stopped before the run started
            }
            started.destroy(); // SIGTERM: it stops at its next chunk boundary
            while (true) {
                try {
                    Runtime.getRuntime().halt(started.waitFor());
                } catch (InterruptedException e) {
                    // waits on: the exit code is the run's
                }
            }
        }
    }

    /**
     * Whether this launch may go on: always, unless it is a launch started again whose launch is
     * gone (killed with -9, say, even before this JVM looked), which then does nothing. While that
     * launch lives, its end stops this one as a stop signal would, rather than leave it running
     * unsupervised.
     */
    static boolean launchThatStartedThisIsThere(PrintStream err) {
        String startedBy = System.getenv(STARTED_BY);
        if (startedBy == null) {
            return true;
        }
        Optional<ProcessHandle> launch = ProcessHandle.current().parent()
                .filter(parent -> Long.toString(parent.pid()).equals(startedBy));
        if (launch.isEmpty()) {
            err.println("The launch that started this run again is gone: nothing done.");
            return false;
        }
        launch.get().onExit().thenRun(() -> System.exit(ExitCode.STOPPED.code()));
        return true;
    }
}
