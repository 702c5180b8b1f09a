package io.github.ipoanalyzer.launch;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The build's class-data-sharing training run (pom.xml, package phase). The JVM running it records
 * every class it loads into an archive ({@code -XX:ArchiveClassesAtExit}), which later launches map
 * instead of reading, verifying and linking those classes from the jars again (the launcher script
 * {@code ipo-analyzer} passes it). So it goes the ways a launch goes, on a small generated market in
 * the folder it is given, never the user's input, output or database: a whole run, which starts
 * the application and publishes a report, then the same launch again, which has nothing to do and
 * says so before the application starts.
 */
public final class TrainingRun {

    /** A fixed day after the generated market's last, so that both launches ask for the same work. */
    static final String AS_OF = "2016-12-30";
    static final int LISTINGS = 4;
    static final int DAYS = 60;

    private TrainingRun() {
    }

    /** {@code TrainingRun WORK_DIR}: exits with the first launch's code that is not 0, else 0. */
    public static void main(String[] args) {
        System.exit(train(Path.of(args[0]).toAbsolutePath(), System.out, System.err));
    }

    static int train(Path work, PrintStream out, PrintStream err) {
        String input = work.resolve("input").toString();
        int generated = Launcher.run(new String[] {"generate-market", "--out", input, "--listings",
                String.valueOf(LISTINGS), "--days", String.valueOf(DAYS)}, out, err);
        if (generated != ExitCode.OK.code()) {
            return generated;
        }
        String[] launch = {"--input", input, "--output", work.resolve("output").toString(), "--db",
                work.resolve("db").toString(), "--as-of", AS_OF, "--settle-seconds", "0"};
        int whole = Launcher.run(launch, out, err);
        return whole != ExitCode.OK.code() ? whole : Launcher.run(launch, out, err);
    }
}
