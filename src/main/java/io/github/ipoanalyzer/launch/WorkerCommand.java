package io.github.ipoanalyzer.launch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code worker}: serves the partitions of managers started with --remote-workers, until SIGTERM. */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Loads price files and computes report partitions sent by a manager run with "
                + "--remote-workers: takes them from RabbitMQ, reads the manager's input folder and writes each "
                + "report partition's file into its output folder, both of which must be mounted here at the same "
                + "paths, and reads and writes the shared PostgreSQL database. Runs until "
                + "stopped (SIGTERM stops the partitions in hand at their next chunk; the next launch of the "
                + "manager resumes them).",
                "",
                "Give the same database and broker as the manager, e.g. "
                        + "--spring.datasource.url=jdbc:postgresql://HOST:5432/DB --spring.datasource.username=USER "
                        + "--spring.rabbitmq.host=HOST (see the README, \"Scale out\").",
                ""})
public class WorkerCommand {

    @Option(names = "--threads", paramLabel = "N",
            description = "Partitions computed at once (default: ${DEFAULT-VALUE}: one per core).")
    int threads = 0;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "Folder of the worker's log file (default: ${DEFAULT-VALUE}).")
    Path logDir = Path.of("data");

    @Unmatched
    List<String> springProperties = new ArrayList<>();

    Optional<String> badProperty() {
        return Options.badProperty(springProperties);
    }
}
