package io.github.ipoanalyzer;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring application: its package is the root that component scanning starts from. It is
 * started by the launcher ({@code launch.Main}), which decides first whether a run is needed.
 */
@SpringBootApplication
public class IpoAnalyzerApplication {
}
