package io.github.ipoanalyzer;

import io.github.ipoanalyzer.launch.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point: {@code java -jar ipo-analyzer.jar [options]}; see {@code --help}. */
@SpringBootApplication
public class IpoAnalyzerApplication {

    public static void main(String[] args) {
        System.exit(Launcher.run(args, System.out, System.err));
    }
}
