package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.IpoAnalyzerApplication;
import io.github.ipoanalyzer.job.IpoSettings;
import io.github.ipoanalyzer.store.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a worker process: the application with the worker's consumers on, serving the price
 * load's and the report's partitions until SIGTERM (Boot's shutdown hook closes it; the partitions in hand stop at
 * their next chunk first).
 */
final class Worker {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private Worker() {
    }

    static int serve(WorkerCommand command, PrintStream out, PrintStream err) {
        Optional<String> bad = command.badProperty();
        if (bad.isPresent()) {
            err.println("Unknown option: '" + bad.get() + "' (Spring Boot properties are given as --spring.name=value)");
            return ExitCode.USAGE.code();
        }
        List<String> args = new ArrayList<>(List.of("--ipo.role=worker", "--ipo.worker-threads=" + command.threads,
                "--ipo.db-dir=" + command.logDir.toAbsolutePath().normalize(),
                "--logging.file.name=" + command.logDir.toAbsolutePath().normalize().resolve("ipo-analyzer-worker.log")));
        args.addAll(command.springProperties);
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(IpoAnalyzerApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .listeners(new Launcher.QuietLogbackStatus(), (ContextClosedEvent e) -> closed.countDown())
                    .run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            Optional<String> badSetting = FailureMessage.badSetting(e);
            if (badSetting.isPresent()) {
                log.info("A setting was refused", e);
                err.println(badSetting.get());
                return ExitCode.USAGE.code();
            }
            log.error("The worker could not start", e);
            err.println("Failed: the worker could not start: " + FailureMessage.rootMessage(e));
            return ExitCode.FAILED.code();
        }
        DataSource database = context.getBean(DataSource.class);
        if (Dialect.of(database) != Dialect.POSTGRESQL) {
            err.println("A worker needs the manager's shared PostgreSQL database "
                    + "(--spring.datasource.url=jdbc:postgresql://HOST:5432/DB --spring.datasource.username=USER).");
            context.close();
            return ExitCode.USAGE.code();
        }
        ConnectionFactory connections = context.getBean(ConnectionFactory.class);
        String broker = connections.getHost() + ":" + connections.getPort();
        out.println("ipo-analyzer worker (" + Launcher.holder() + "): price-load and report partitions from queue "
                + context.getBean(IpoSettings.class).partitionQueue()
                + " on " + broker + ", database "
                + context.getEnvironment().getProperty("spring.datasource.url") + ". Stop it with SIGTERM.");
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("ipo-analyzer worker stopped.");
        return ExitCode.OK.code();
    }
}
