package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.IpoAnalyzer;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.eventstudy.EventStudySettings;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.ingest.InputFingerprint;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;
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
import java.util.stream.Stream;

/**
 * Writes one run's report folder from the analysis tables: the CSVs, the charts, index.html and
 * manifest.json, in a staging folder that is renamed into place only when all is written.
 */
public class ReportPublisher {

    private final MarketDataStore store;
    private final InputFileLedger ledger;
    private final EventStudySettings eventStudy;

    public ReportPublisher(MarketDataStore store, InputFileLedger ledger, EventStudySettings eventStudy) {
        this.store = store;
        this.ledger = ledger;
        this.eventStudy = eventStudy;
    }

    public record Request(InputLayout inputs, Path outputRoot, LocalDate asOf, long runId, int keep,
                          int maxCloseLagTradingDays, Map<String, Object> parameters, String version,
                          Instant startedAt) {
    }

    public record Published(Path folder, List<CsvTable> tables, List<Charts.ChartFile> charts) {
    }

    public Published publish(Request request) throws IOException {
        IpoAnalyzer analyzer = new IpoAnalyzer(new FxRates(store.fxRates()),
                request.asOf(), request.maxCloseLagTradingDays());
        List<ListingHistory> histories = store.histories();
        List<IpoAnalysis> analyses = histories.stream().map(analyzer::analyse).toList();
        EventStudy.Result study = new EventStudy(eventStudy, analyzer.rates()).run(analyses, histories,
                store.rows(MarketTables.BENCHMARK_LEVEL), store.rows(MarketTables.BENCHMARK_MAP),
                store.rows(MarketTables.LISTING_EVENT), store.rows(MarketTables.LOCKUP),
                store.rows(MarketTables.COHORT_MEMBER));
        Map<String, String> inputHashes = InputFingerprint.perFile(request.inputs());
        Map<String, MarketDataStore.FileCounts> counts = store.countsByFile();
        List<MarketDataStore.RejectedRow> rejects = store.rejects();
        Map<String, List<String>> notices = store.notices();

        List<CsvTable> tables = List.of(
                ReportTables.firstDay(analyses, analyzer.rates()),
                ReportTables.lotGains(analyses, analyzer.rates()),
                ReportTables.marketValue(analyses, analyzer.rates()),
                ReportTables.priceToSales(analyses),
                ReportTables.capReconciliation(analyses),
                EventStudyTables.events(study),
                EventStudyTables.abnormalReturns(study),
                EventStudyTables.buyAndHold(study),
                EventStudyTables.cohorts(study),
                EventStudyTables.cohortCars(study),
                ReportTables.rejects(rejects),
                ReportTables.inputFiles(inputHashes, counts, notices, ledger.parsedInRun()));

        ReportFolder folders = new ReportFolder(request.outputRoot());
        Path staging = folders.stage(request.runId());
        try {
            for (CsvTable table : tables) {
                table.writeTo(staging);
            }
            Charts chartMaker = new Charts(analyses, analyzer.rates(), request.asOf());
            List<Charts.ChartFile> charts = new ArrayList<>(chartMaker.writeAll(staging));
            charts.addAll(chartMaker.writeEventStudy(staging, study));
            Files.writeString(staging.resolve("index.html"),
                    IndexPage.render(request.asOf(), analyses, study, tables, charts, rejects.size(), notices),
                    StandardCharsets.UTF_8);
            writeManifest(staging, request, inputHashes, counts, notices);
            Path folder = folders.publish(staging, ReportFolder.name(request.asOf().toString(), request.runId()),
                    request.keep());
            return new Published(folder, tables, charts);
        } catch (IOException | RuntimeException e) {
            folders.discard(staging);
            throw e;
        }
    }

    private static void writeManifest(Path staging, Request request, Map<String, String> inputHashes,
                                      Map<String, MarketDataStore.FileCounts> counts,
                                      Map<String, List<String>> notices) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("application", "ipo-analyzer");
        manifest.put("version", request.version());
        manifest.put("asOf", request.asOf().toString());
        manifest.put("runId", request.runId());
        manifest.put("startedAt", request.startedAt().toString());
        manifest.put("finishedAt", Instant.now().toString());
        manifest.put("parameters", request.parameters());
        List<Map<String, Object>> inputs = new ArrayList<>();
        inputHashes.forEach((file, hash) -> {
            MarketDataStore.FileCounts c = counts.getOrDefault(file, new MarketDataStore.FileCounts(0, 0));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", file);
            entry.put("sha256", hash);
            entry.put("rowsRead", c.read());
            entry.put("rowsLoaded", c.loaded());
            entry.put("rowsRejected", c.rejected());
            entry.put("notices", notices.getOrDefault(file, List.of()));
            inputs.add(entry);
        });
        manifest.put("inputs", inputs);
        List<Map<String, Object>> outputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.sorted().toList()) {
                outputs.add(Map.of("file", file.getFileName().toString(), "sha256", InputFingerprint.sha256(file)));
            }
        }
        manifest.put("outputs", outputs);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(staging.resolve("manifest.json"), json.writeValueAsString(manifest), StandardCharsets.UTF_8);
    }
}
