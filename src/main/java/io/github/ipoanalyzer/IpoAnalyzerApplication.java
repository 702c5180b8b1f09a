package io.github.ipoanalyzer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring application: its package is the root that component scanning starts from (and
 * the search for the settings record, {@code job.IpoSettings}). It is started by the launcher
 * ({@code launch.Main}), which decides first whether a run is needed.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IpoAnalyzerApplication {
}
