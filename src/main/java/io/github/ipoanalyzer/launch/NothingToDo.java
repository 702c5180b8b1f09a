package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.job.FigureSettings;
import io.github.ipoanalyzer.job.IpoReportJobConfiguration;
import io.github.ipoanalyzer.job.IpoSettings;
import io.github.ipoanalyzer.job.RunParameters;
import io.github.ipoanalyzer.report.ReportFolder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * "Nothing to do", decided before Spring starts: the nightly launch whose inputs, settings and
 * folders are those of the latest run, which completed, is answered from the embedded database's
 * job repository alone, in a fraction of the time the application takes to start. Only where that
 * is safe: the embedded database in its default place and form, no Spring setting given anywhere
 * (command line, system property, environment) and no configuration file beside the launch, which
 * could change what a run computes; otherwise, and whenever anything is not as expected, the
 * launch goes the whole way (where {@link ReportRunner} decides the same, with everything known).
 */
final class NothingToDo {

    private NothingToDo() {
    }

    /**
     * "Nothing to do", as {@link ReportRunner} says it, when the latest run completed
     * {@code requested}'s work (its figure settings are worked out here) and it is safe to say so
     * without starting Spring; empty otherwise.
     */
    static Optional<String> message(Path db, List<String> springArguments, RunParameters requested) {
        try {
            if (!safe(springArguments) || !Files.isRegularFile(db.resolve("ipo.script"))) {
                return Optional.empty();
            }
            RunParameters asked = requested.withFigureSettings(figureSettings(db, springArguments));
            Optional<RunParameters> last = completedRun(db).filter(run -> run.sameWorkAs(asked));
            if (last.isEmpty()) {
                return Optional.empty();
            }
            Path folder = last.get().outputDir().resolve(ReportFolder.name(last.get().asOf().toString(),
                    last.get().runSequence()));
            return Files.isDirectory(folder) ? Optional.of(ReportRunner.nothingToDo(last.get().runSequence(),
                    requested.asOf(), folder.toString())) : Optional.empty();
        } catch (RuntimeException | SQLException | java.io.IOException e) {
            // Anything unexpected (a setting refused, a database of another version): the whole way says what.
            return Optional.empty();
        }
    }

    /** No Spring setting given anywhere, no configuration file where Spring Boot would look for one. */
    private static boolean safe(List<String> springArguments) {
        boolean springSet = springArguments.stream().anyMatch(a -> a.startsWith("--spring."))
                || System.getProperties().stringPropertyNames().stream().anyMatch(n -> n.startsWith("spring."))
                || System.getenv().keySet().stream().anyMatch(n -> n.startsWith("SPRING_"));
        boolean configBeside = Stream.of("application.properties", "application.yml", "application.yaml", "config")
                .anyMatch(name -> Files.exists(Path.of(name)));
        return !springSet && !configBeside;
    }

    /** The figure settings this launch would run with: the same sources, in Spring Boot's order, bound the same way. */
    private static String figureSettings(Path db, List<String> springArguments) throws java.io.IOException {
        List<String> arguments = new ArrayList<>(springArguments);
        arguments.add("--ipo.db-dir=" + db);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(arguments.toArray(String[]::new)));
        environment.getPropertySources().addLast(new PropertiesPropertySource("application.properties",
                PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"))));
        return FigureSettings.of(IpoSettings.bind(environment)).text();
    }

    /** The latest run's parameters, if it completed. */
    private static Optional<RunParameters> completedRun(Path db) throws SQLException {
        // The application's own URL but for ifexists: a database that is not there is not made here.
        try (Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + db.resolve("ipo")
                + ";ifexists=true;hsqldb.write_delay=false;hsqldb.tx=mvcc;shutdown=true;hsqldb.nio_data_file=false",
                "SA", "")) {
            Long execution = null;
            try (PreparedStatement latest = c.prepareStatement("SELECT E.JOB_EXECUTION_ID, E.STATUS FROM "
                    + "BATCH_JOB_EXECUTION E JOIN BATCH_JOB_INSTANCE I ON E.JOB_INSTANCE_ID = I.JOB_INSTANCE_ID "
                    + "WHERE I.JOB_NAME = ? ORDER BY I.JOB_INSTANCE_ID DESC, E.JOB_EXECUTION_ID DESC LIMIT 1")) {
                latest.setString(1, IpoReportJobConfiguration.JOB_NAME);
                try (ResultSet rs = latest.executeQuery()) {
                    if (rs.next() && "COMPLETED".equals(rs.getString(2))) {
                        execution = rs.getLong(1);
                    }
                }
            }
            return execution == null ? Optional.empty() : Optional.of(parameters(c, execution));
        }
    }

    private static RunParameters parameters(Connection c, long execution) throws SQLException {
        JobParametersBuilder parameters = new JobParametersBuilder();
        try (PreparedStatement query = c.prepareStatement("SELECT PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE, "
                + "IDENTIFYING FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ?")) {
            query.setLong(1, execution);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String value = rs.getString(3);
                    boolean identifying = "Y".equals(rs.getString(4));
                    switch (rs.getString(2)) {
                        case "java.lang.String" -> parameters.addString(name, value, identifying);
                        case "java.lang.Long" -> parameters.addLong(name, Long.valueOf(value), identifying);
                        case "java.time.LocalDate" -> parameters.addLocalDate(name, LocalDate.parse(value), identifying);
                        default -> throw new IllegalStateException("a parameter of type " + rs.getString(2));
                    }
                }
            }
        }
        return RunParameters.from(parameters.toJobParameters());
    }
}
