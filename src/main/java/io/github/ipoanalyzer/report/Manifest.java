package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.store.InputFingerprint;
import io.github.ipoanalyzer.store.MarketDataStore;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * manifest.json of a report folder: which run wrote it (and what identifies its work), its job
 * parameters, every input with its SHA-256 and row accounting, what the as-of date left out,
 * and every output file with its SHA-256.
 */
final class Manifest {

    private Manifest() {
    }

    static void write(Path staging, PublishRequest request, Map<String, String> inputHashes,
                                      Map<String, MarketDataStore.FileCounts> counts,
                                      Map<String, List<String>> notices, List<? extends ReportFile> tables,
                                      List<String> leftOut, List<String> calendarNotes, String series) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("application", "ipo-analyzer");
        manifest.put("version", request.run().version());
        manifest.put("asOf", request.run().asOf().toString());
        manifest.put("runId", request.run().number());
        manifest.put("runIdentity", request.run().identity());
        manifest.put("startedAt", request.run().startedAt().toString());
        manifest.put("finishedAt", Instant.now().toString());
        manifest.put("parameters", request.run().parameters());
        // Every setting that changes a figure, as this report was computed with it.
        manifest.put("settings", request.run().settings());
        List<Map<String, Object>> inputs = new ArrayList<>();
        inputHashes.forEach((file, hash) -> {
            MarketDataStore.FileCounts c = counts.getOrDefault(file, MarketDataStore.FileCounts.NONE);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", file);
            entry.put("sha256", hash);
            entry.put("rowsRead", c.read());
            entry.put("rowsLoaded", c.loaded());
            entry.put("rowsRepeated", c.repeated());
            entry.put("rowsRejected", c.rejected());
            entry.put("rowsSetAside", c.setAside());
            entry.put("notices", notices.getOrDefault(file, List.of()));
            inputs.add(entry);
        });
        manifest.put("inputs", inputs);
        manifest.put("leftOutAfterAsOf", leftOut);
        manifest.put("calendarNotes", calendarNotes);
        // Which months of the series were computed and which taken over from the report before, and why.
        manifest.put("series", series);
        // The CSVs were hashed as they were written (millions of rows are not read back); the rest is small.
        Map<String, ReportFile> written = tables.stream().collect(Collectors.toMap(ReportFile::fileName, t -> t));
        List<Map<String, Object>> outputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = staging.relativize(file).toString().replace('\\', '/');
                ReportFile table = written.get(name);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("file", name);
                entry.put("sha256", table != null ? table.sha256() : InputFingerprint.sha256(file));
                // A report taking this file over checks it: a size that differs is found without reading it.
                entry.put("bytes", Files.size(file));
                if (table != null) {
                    entry.put("rows", table.rowCount());
                }
                outputs.add(entry);
            }
        }
        manifest.put("outputs", outputs);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(staging.resolve("manifest.json"), json.writeValueAsString(manifest), StandardCharsets.UTF_8);
    }

    /** The SHA-256 of every output file of a report folder, by relative path, as its manifest lists them; empty when it has none. */
    static Map<String, String> outputHashes(Path folder) {
        Map<String, String> hashes = new LinkedHashMap<>();
        outputs(folder).forEach((file, output) -> hashes.put(file, output.sha256()));
        return hashes;
    }

    /** Every output file of a report folder as its manifest lists it, by relative path; empty when it has no readable manifest. */
    static Map<String, Output> outputs(Path folder) {
        Map<String, Output> found = new LinkedHashMap<>();
        // No readable manifest: nothing is shared.
        section(folder, "outputs").ifPresent(outputs -> outputs.forEach(o -> found.put(o.get("file").asString(),
                new Output(o.get("sha256").asString(), o.has("rows") ? o.get("rows").asLong() : -1,
                        o.has("bytes") ? o.get("bytes").asLong() : -1))));
        return found;
    }

    /** An output file's SHA-256, for a CSV its data rows, and its size in bytes (-1: not listed, as by earlier versions). */
    record Output(String sha256, long rows, long bytes) {
    }

    /**
     * True when {@code folder}'s manifest says this application published it, as of {@code asOf}
     * in run {@code run}.
     */
    static boolean isPublished(Path folder, LocalDate asOf, long run) {
        Map<String, String> header = header(folder);
        return "ipo-analyzer".equals(header.get("application")) && asOf.toString().equals(header.get("asOf"))
                && String.valueOf(run).equals(header.get("runId"));
    }

    /** The as-of day of the report in {@code folder}, as its manifest says; empty when it does not say. */
    static java.util.Optional<LocalDate> asOf(Path folder) {
        try {
            return java.util.Optional.ofNullable(header(folder).get("asOf")).map(LocalDate::parse);
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** The settings the report in {@code folder} was computed with, as its manifest lists them; empty when it lists none. */
    static Map<String, String> settings(Path folder) {
        Map<String, String> settings = new LinkedHashMap<>();
        section(folder, "settings").ifPresent(listed ->
                listed.properties().forEach(e -> settings.put(e.getKey(), e.getValue().asString())));
        return settings;
    }

    /** One section of the manifest in {@code folder}; empty when the manifest is unreadable or has none. */
    private static java.util.Optional<JsonNode> section(Path folder, String name) {
        try {
            return java.util.Optional.ofNullable(JsonMapper.builder().build()
                    .readTree(folder.resolve("manifest.json").toFile()).get(name));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** When the report in {@code folder} was finished, as its manifest says; empty when it does not say. */
    static java.util.Optional<Instant> finishedAt(Path folder) {
        try {
            return java.util.Optional.ofNullable(header(folder).get("finishedAt")).map(Instant::parse);
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The fields of a manifest before its first list or object (application, version, asOf,
     * runId, times) as text; empty when it has no readable manifest. Only those are read: a
     * market's manifest lists thousands of files.
     */
    private static Map<String, String> header(Path folder) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser json = JsonMapper.builder().build().createParser(folder.resolve("manifest.json").toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                if (json.nextToken().isStructStart()) {
                    break;
                }
                fields.put(name, json.getValueAsString());
            }
        } catch (RuntimeException e) {
            return Map.of(); // no readable manifest
        }
        return fields;
    }

    /** True when {@code folder} was published by the run of this identity (a restart after a crash). */
    static boolean isOfRun(Path folder, String runIdentity) {
        try {
            Object identity = JsonMapper.builder().build().readValue(folder.resolve("manifest.json").toFile(), Map.class)
                    .get("runIdentity");
            return runIdentity.equals(identity);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
