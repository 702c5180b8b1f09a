package io.github.ipoanalyzer.job;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a run varies, as job parameters. All are identifying except {@code keep.reports} and
 * {@code reload.all}: the same inputs (by SHA-256), folders, as-of date, reject limit, settings
 * that change a figure ({@link FigureSettings#text}) and run sequence are the same job instance.
 */
public record RunParameters(Path inputDir, Path outputDir, LocalDate asOf, String inputSha256,
                            BigDecimal maxRejectFraction, String figureSettings, long runSequence, int keepReports,
                            boolean reloadAll) {

    public static final String INPUT_DIR = "input.dir";
    public static final String OUTPUT_DIR = "output.dir";
    public static final String AS_OF = "as.of";
    public static final String INPUT_SHA256 = "input.sha256";
    public static final String MAX_REJECT_FRACTION = "max.reject.fraction";
    public static final String FIGURE_SETTINGS = "figure.settings";
    public static final String RUN_SEQUENCE = "run.sequence";
    public static final String KEEP_REPORTS = "keep.reports";
    public static final String RELOAD_ALL = "reload.all";

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(INPUT_DIR, inputDir.toAbsolutePath().normalize().toString())
                .addString(OUTPUT_DIR, outputDir.toAbsolutePath().normalize().toString())
                .addLocalDate(AS_OF, asOf)
                .addString(INPUT_SHA256, inputSha256)
                .addString(MAX_REJECT_FRACTION, maxRejectFraction.toPlainString())
                .addString(FIGURE_SETTINGS, figureSettings)
                .addLong(RUN_SEQUENCE, runSequence)
                .addLong(KEEP_REPORTS, (long) keepReports, false)
                .addString(RELOAD_ALL, String.valueOf(reloadAll), false)
                .toJobParameters();
    }

    public static RunParameters from(JobParameters p) {
        return new RunParameters(Path.of(p.getString(INPUT_DIR)), Path.of(p.getString(OUTPUT_DIR)),
                p.getLocalDate(AS_OF), p.getString(INPUT_SHA256), new BigDecimal(p.getString(MAX_REJECT_FRACTION)),
                // A run of a version that did not record its settings: none, so that the next run computes anew.
                p.getString(FIGURE_SETTINGS, ""), p.getLong(RUN_SEQUENCE), p.getLong(KEEP_REPORTS).intValue(), Boolean.parseBoolean(p.getString(RELOAD_ALL)));
    }

    /** True when {@code other} names the same work: everything but the run sequence and retention. */
    public boolean sameWorkAs(RunParameters other) {
        return inputDir.toAbsolutePath().normalize().equals(other.inputDir.toAbsolutePath().normalize())
                && outputDir.toAbsolutePath().normalize().equals(other.outputDir.toAbsolutePath().normalize())
                && asOf.equals(other.asOf) && inputSha256.equals(other.inputSha256)
                && maxRejectFraction.compareTo(other.maxRejectFraction) == 0
                && figureSettings.equals(other.figureSettings);
    }

    /** What names this run's work and number, for a report folder to say which run wrote it. */
    public String identity() {
        return String.join("|", inputDir.toAbsolutePath().normalize().toString(), asOf.toString(), inputSha256,
                maxRejectFraction.toPlainString(), String.valueOf(runSequence));
    }

    public RunParameters withFigureSettings(String settings) {
        return new RunParameters(inputDir, outputDir, asOf, inputSha256, maxRejectFraction, settings, runSequence,
                keepReports, reloadAll);
    }

    public RunParameters withSequence(long sequence) {
        return new RunParameters(inputDir, outputDir, asOf, inputSha256, maxRejectFraction, figureSettings, sequence,
                keepReports, reloadAll);
    }
}
