package io.github.ipoanalyzer.launch;

/** Entry point: {@code java -jar ipo-analyzer.jar [options]}; see {@code --help}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Launcher.run(args, System.out, System.err));
    }
}
