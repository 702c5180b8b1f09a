package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.job.IpoSettings;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into application.properties. */
public class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"ipo-analyzer " + version()};
    }

    public static String version() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return p.getProperty("ipo.version", IpoSettings.UNBUILT_VERSION);
    }
}
