package io.github.ipoanalyzer.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher script {@code ipo-analyzer}: the extracted jar with the build's class-data-sharing
 * archive where the build made them, the fat jar otherwise; an archive the JVM cannot use is left
 * aside without a word. Run against a copy of the script in a folder laid out as a clone.
 */
class LauncherScriptTest {

    /** The quick compiler, and how much work a JVM held to it does itself (see FullCompiler). */
    private static final String QUICK_FLAG = "-XX:TieredStopAtLevel=1";
    private static final String INPUT_LIMIT = "-Dipo.quick-compiler.input-bytes=134217728";
    private static final String WORKBOOK_LIMIT = "-Dipo.quick-compiler.workbook-bytes=16777216";

    @TempDir
    Path home;

    @Test
    void theExtractedJarWithTheArchiveWhereTheBuildMadeThemTheFatJarOtherwise() throws Exception {
        Path script = copyOfScript();
        Path java = home.resolve("fake-java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals(List.of(QUICK_FLAG, INPUT_LIMIT, WORKBOOK_LIMIT, "-Xmx1g", "-jar", home + "/target/ipo-analyzer.jar",
                        "--as-of", "2026-11-28"),
                run(script, Map.of("JAVA", java.toString(), "JAVA_OPTS", "-Xmx1g"), "--as-of", "2026-11-28").lines().toList(),
                "no extracted jar: the fat jar, as java -jar runs it");

        // A process that stays up, and JAVA_OPTS that name a compiler or bind what a second JVM could not: the full compiler.
        Map<String, String> fakeJava = Map.of("JAVA", java.toString());
        assertEquals(List.of("-jar", home + "/target/ipo-analyzer.jar", "worker", "--log-dir", "data"),
                run(script, fakeJava, "worker", "--log-dir", "data").lines().toList());
        assertEquals(List.of("-jar", home + "/target/ipo-analyzer.jar", "--watch", "60"),
                run(script, fakeJava, "--watch", "60").lines().toList());
        for (String named : List.of("-XX:TieredStopAtLevel=4", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-XX:StartFlightRecording=filename=run.jfr", "-Dcom.sun.management.jmxremote.port=9010",
                "-Xrunjdwp:transport=dt_socket,server=y,address=5005")) {
            assertEquals(List.of("-Xmx1g", named, "-jar", home + "/target/ipo-analyzer.jar"),
                    run(script, Map.of("JAVA", java.toString(), "JAVA_OPTS", "-Xmx1g " + named)).lines().toList(), named);
        }
        assertEquals(List.of("-jar", home + "/target/ipo-analyzer.jar"), run(script, Map.of("JAVA", java.toString(),
                "JAVA_TOOL_OPTIONS", "-javaagent:/opt/apm/agent.jar")).lines().toList(), "an agent the JVM reads from its environment");

        Files.createDirectories(home.resolve("target/app"));
        Path fatJar = home.resolve("target/ipo-analyzer.jar");
        Files.writeString(fatJar, "");
        Files.setLastModifiedTime(fatJar, FileTime.fromMillis(1_000_000_000_000L));
        Path extracted = home.resolve("target/app/ipo-analyzer.jar");
        Files.writeString(extracted, "");
        Files.setLastModifiedTime(extracted, FileTime.fromMillis(1_000_000_001_000L));
        assertEquals(List.of("-XX:SharedArchiveFile=" + home + "/target/app/ipo-analyzer.jsa", "-Xshare:auto",
                        "-Xlog:cds=off", "-Xlog:cds+dynamic=off", QUICK_FLAG, INPUT_LIMIT, WORKBOOK_LIMIT, "-Xmx1g", "-jar",
                        home + "/target/app/ipo-analyzer.jar",
                        "--as-of", "2026-11-28"),
                run(script, Map.of("JAVA", java.toString(), "JAVA_OPTS", "-Xmx1g"), "--as-of", "2026-11-28").lines().toList());

        Files.setLastModifiedTime(fatJar, FileTime.fromMillis(1_000_000_002_000L));
        assertEquals(List.of(QUICK_FLAG, INPUT_LIMIT, WORKBOOK_LIMIT, "-jar", home + "/target/ipo-analyzer.jar"),
                run(script, Map.of("JAVA", java.toString()))
                .lines().toList(), "the jar rebuilt without extracting it again (-Dcds.skip): the new jar, not the old one");
    }

    @Test
    void theArchiveIsUsedWhenItFitsAndLeftAsideSilentlyWhenNot() throws Exception {
        Path script = copyOfScript();
        Path app = home.resolve("target/app");
        Files.createDirectories(app);
        Path jar = app.resolve("ipo-analyzer.jar");
        writeHelloJar(jar);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process training = new ProcessBuilder(javaBin, "-XX:ArchiveClassesAtExit=" + app.resolve("ipo-analyzer.jsa"),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString()).redirectErrorStream(true).start();
        assertEquals("hello\n", new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(training.waitFor(60, TimeUnit.SECONDS) && Files.size(app.resolve("ipo-analyzer.jsa")) > 0);
        Map<String, String> env = Map.of("JAVA", javaBin, "JAVA_OPTS", "-Xlog:class+load");

        assertTrue(run(script, env).lines().anyMatch(l -> l.matches(".*\\] Hello source: shared objects file \\(top\\)")),
                "the class came from the archive");

        // The jar rebuilt after the archive was made: the JVM no longer trusts the archive.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        String console = run(script, env);
        assertTrue(console.lines().anyMatch(l -> l.matches(".*\\] Hello source: file:.*ipo-analyzer\\.jar")), console);
        assertEquals(List.of(), console.lines().filter(l -> l.contains("warning") || l.contains("archive")).toList(),
                "nothing said about the archive left aside");
        assertEquals("hello\n", run(script, Map.of("JAVA", javaBin)), "only what the program prints");

        // No archive at all (a build with -Dcds.skip): the same.
        Files.delete(app.resolve("ipo-analyzer.jsa"));
        assertEquals("hello\n", run(script, Map.of("JAVA", javaBin)));
    }

    private Path copyOfScript() throws Exception {
        Path script = Files.createDirectories(home.resolve("jobs")).resolve("ipo-analyzer");
        Files.copy(Path.of("jobs/ipo-analyzer"), script);
        return script;
    }

    private static String run(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), console);
        assertEquals(0, process.exitValue(), console);
        return console;
    }

    /** A jar whose main class prints "hello", compiled here. */
    private void writeHelloJar(Path jar) throws Exception {
        Path source = home.resolve("src/Hello.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", source.getParent().toString(),
                source.toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            Files.copy(source.resolveSibling("Hello.class"), out);
            out.closeEntry();
        }
    }
}
