package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.ingest.InputChangedException;
import io.github.ipoanalyzer.ingest.InputFileException;
import io.github.ipoanalyzer.job.FigureSettings;
import io.github.ipoanalyzer.job.IpoReportJobConfiguration;
import io.github.ipoanalyzer.job.IpoSettings;
import io.github.ipoanalyzer.job.RejectLimit;
import io.github.ipoanalyzer.job.RunParameters;
import io.github.ipoanalyzer.report.ReportFolder;
import io.github.ipoanalyzer.store.InputFileLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what a launch does, then does it. Only the latest execution is ever resumed, so the
 * analysis tables it resumes on are its own:
 * <ul>
 * <li>latest execution still marked running: its process died (this one holds the lock), so it
 * is recovered (marked failed) first;</li>
 * <li>same work as the latest execution, which completed: nothing to do (unless forced);</li>
 * <li>same work, failed or stopped: restart it from its last committed chunk (not with --force);</li>
 * <li>otherwise: a failed or stopped latest execution is abandoned, and a new job instance
 * starts with the next run number;</li>
 * <li>a run that saw an input change while reading it is abandoned at once: it is never resumed;</li>
 * <li>so is a run stopped by the reject limit (see {@link #discardFilesOverLimit}).</li>
 * </ul>
 */
@Component
public class ReportRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final InputFileLedger ledger;
    private final int rowsPerBlock;

    public ReportRunner(JobOperator jobOperator, JobRepository jobRepository, Job ipoReportJob, InputFileLedger ledger,
                        IpoSettings settings) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = ipoReportJob;
        this.ledger = ledger;
        this.rowsPerBlock = settings.chunkSize();
    }

    /** How the launch ended; {@code notes} say what it decided on the way (recovered, resumed). */
    public record Outcome(ExitCode exitCode, String message, Optional<JobExecution> execution, List<String> notes) {

        /** The failure that says why the execution failed, if it failed (see {@link #telling}). */
        public Optional<Throwable> failure() {
            return execution.flatMap(ReportRunner::telling);
        }

        public Outcome withMessage(String newMessage) {
            return new Outcome(exitCode, newMessage, execution, notes);
        }
    }

    /**
     * Runs, resumes or finds nothing to do; {@code sayNow} hears at once what is decided before the
     * job starts (a run resumed, abandoned or recovered, settings changed), before its progress.
     */
    public Outcome run(RunParameters requested, boolean force, java.util.function.Consumer<String> sayNow)
            throws Exception {
        List<String> notes = new ArrayList<>();
        java.util.function.Consumer<String> before = text -> sayNow.accept(note(text));
        JobExecution latest = latestExecution();
        if (latest != null && latest.getStatus().isRunning()) {
            before.accept("Run " + runNumber(latest) + " did not finish (its process ended without closing it); "
                    + "marking it failed to resume it.");
            jobOperator.recover(latest);
            latest = latestExecution();
        }
        RunParameters last = latest == null ? null : RunParameters.from(latest.getJobParameters());
        boolean sameWork = last != null && last.sameWorkAs(requested);
        if (last != null && !sameWork && last.withFigureSettings(requested.figureSettings()).sameWorkAs(requested)) {
            // Same inputs, other settings: a report of other figures, never "nothing to do".
            before.accept("Settings changed since run " + runNumber(latest) + ", so the figures are computed anew: "
                    + String.join("; ", FigureSettings.parse(requested.figureSettings())
                    .changesFrom(last.figureSettings())) + ".");
        }
        if (sameWork && latest.getStatus() == BatchStatus.COMPLETED && !force) {
            String folder = latest.getExecutionContext().getString(IpoReportJobConfiguration.REPORT_FOLDER_KEY, "?");
            return new Outcome(ExitCode.OK, nothingToDo(runNumber(latest), requested.asOf(), folder), Optional.empty(),
                    notes);
        }
        boolean unfinished = latest != null
                && (latest.getStatus() == BatchStatus.FAILED || latest.getStatus() == BatchStatus.STOPPED);
        JobExecution execution;
        if (sameWork && unfinished && !force) {
            before.accept("Resuming run " + runNumber(latest) + " from where it stopped.");
            execution = jobOperator.restart(latest);
        } else {
            if (unfinished) {
                before.accept("Run " + runNumber(latest) + " (" + latest.getStatus().toString().toLowerCase(Locale.ROOT)
                        + ") is abandoned: " + (force ? "--force starts a new run from scratch"
                        : "its inputs or options have changed since") + ".");
                jobOperator.abandon(latest);
            }
            // Numbers continue after every report folder already in the output folder (a database
            // started afresh, or another database publishing there), so no folder is ever reused.
            long sequence = Math.max(last == null ? 0 : last.runSequence(),
                    new ReportFolder(requested.outputDir()).highestRunNumber()) + 1;
            execution = jobOperator.start(job, requested.withSequence(sequence).toJobParameters());
        }
        Outcome outcome = outcome(execution, notes);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            forgetRunsBefore(requested.keepReports(), notes);
        }
        if (execution.getAllFailureExceptions().stream().anyMatch(f -> causeOf(f, InputChangedException.class).isPresent())) {
            // What it loaded may be a cut or half-copied file: never resume it, start afresh next time.
            jobOperator.abandon(execution);
            notes.add(note("Run " + runNumber(execution) + " is abandoned: an input changed while it was read; "
                    + "the next run starts afresh."));
        }
        Optional<RejectLimit.Exceeded> overLimit = overLimit(execution);
        if (overLimit.isPresent()) {
            // Never resumed: a run resumed after its files' rows left would pass the check it failed.
            jobOperator.abandon(execution);
            notes.add(note("Run " + runNumber(execution) + " is abandoned: too many rejected rows; the next run reads "
                    + String.join(", ", overLimit.get().files()) + " again."));
        }
        return outcome;
    }

    /**
     * Once the launch has said what the run read: the rows of the files a run stopped on for too
     * many rejects leave the database (their rejects are in the failed folder), so that they
     * neither stay nor count again; the ledger forgets the files, so the next run reads them again.
     */
    public void discardFilesOverLimit(Outcome outcome) {
        outcome.execution().flatMap(ReportRunner::overLimit)
                .ifPresent(exceeded -> ledger.discard(exceeded.files(), rowsPerBlock));
    }

    private static Optional<RejectLimit.Exceeded> overLimit(JobExecution execution) {
        return execution.getAllFailureExceptions().stream()
                .flatMap(f -> causeOf(f, RejectLimit.Exceeded.class).stream()).findFirst();
    }

    static String nothingToDo(long run, java.time.LocalDate asOf, String folder) {
        return "Nothing to do: run " + run + " already reported these inputs as of " + asOf + " in " + folder
                + " (a launch with --force recomputes).";
    }

    private static String note(String text) {
        log.info(text);
        return text;
    }

    /** The run number users see: the run sequence, which also names the report folder. */
    static long runNumber(JobExecution execution) {
        return RunParameters.from(execution.getJobParameters()).runSequence();
    }

    /**
     * The job repository keeps the runs of the reports kept, newest first: only the latest is ever
     * resumed or compared, and HSQLDB reads the whole repository at every launch, so a year of
     * nightly runs would otherwise slow every launch (the fingerprints of a 1,000-file market are
     * about 180 KB a run). Run numbers go on from the newest run and the report folders. The
     * report is out by then: a run that cannot be forgotten stays, said in a note, and the run
     * still ends as it did; the next completed run tries again.
     */
    private void forgetRunsBefore(int keep, List<String> notes) {
        List<JobInstance> old = jobRepository.findJobInstances(IpoReportJobConfiguration.JOB_NAME).stream()
                .sorted(java.util.Comparator.comparingLong(JobInstance::getInstanceId).reversed())
                .skip(keep).toList();
        for (JobInstance instance : old) {
            try {
                jobRepository.deleteJobInstance(instance);
            } catch (RuntimeException e) {
                log.warn("Could not forget job instance {}", instance.getInstanceId(), e);
                notes.add(note("The job repository keeps its older runs for now: " + rootMessage(e)
                        + " (the next completed run tries again)."));
                return;
            }
        }
    }

    private JobExecution latestExecution() {
        JobInstance instance = jobRepository.getLastJobInstance(IpoReportJobConfiguration.JOB_NAME);
        return instance == null ? null : jobRepository.getLastJobExecution(instance);
    }

    private static Outcome outcome(JobExecution execution, List<String> notes) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return new Outcome(ExitCode.OK, "Report published.", Optional.of(execution), notes);
        }
        if (status == BatchStatus.STOPPED) {
            return new Outcome(ExitCode.STOPPED, "Stopped; the next launch resumes where this one stopped.",
                    Optional.of(execution), notes);
        }
        for (Throwable failure : execution.getAllFailureExceptions()) {
            Optional<InputFileException> input = causeOf(failure, InputFileException.class);
            if (input.isPresent()) {
                return new Outcome(ExitCode.BAD_INPUT, "Bad input: " + input.get().getMessage(), Optional.of(execution),
                        notes);
            }
        }
        String first = telling(execution).map(ReportRunner::rootMessage)
                .orElse(String.valueOf(execution.getExitStatus().getExitDescription()));
        return new Outcome(ExitCode.FAILED, "Failed: " + first, Optional.of(execution), notes);
    }

    /**
     * The failure that says why: an execution lists its failures in no fixed order, and a
     * partitioned step that failed adds a bare {@link JobExecutionException} ("Partition handler
     * returned an unsuccessful step") beside its partition's own failure, which is the one that says why.
     */
    private static Optional<Throwable> telling(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        return failures.stream().filter(f -> f.getClass() != JobExecutionException.class || f.getCause() != null)
                .findFirst().or(() -> failures.stream().findFirst());
    }

    static <T extends Throwable> Optional<T> causeOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
