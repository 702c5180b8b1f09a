package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.report.ReportPublisher;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;

/**
 * The report publisher a partition computes with: this process's own when the partition's
 * settings (the manager's, see {@link FigureSettings}) are this process's, else one made for
 * them, kept while partitions with those settings come (a worker serves one manager's run at a
 * time as a rule).
 */
final class PartitionPublishers {

    private final ReportPublisher own;
    private final FigureSettings ownSettings;
    private final MarketDataStore store;
    private final InputFileLedger ledger;
    private FigureSettings otherSettings;
    private ReportPublisher other;

    PartitionPublishers(ReportPublisher own, FigureSettings ownSettings, MarketDataStore store, InputFileLedger ledger) {
        this.own = own;
        this.ownSettings = ownSettings;
        this.store = store;
        this.ledger = ledger;
    }

    synchronized ReportPublisher forSettings(FigureSettings settings) {
        if (settings.publisherSettings().equals(ownSettings.publisherSettings())) {
            return own;
        }
        if (!settings.equals(otherSettings)) {
            other = null; // let the last run's go before reading this one's
            other = new ReportPublisher(store, ledger, settings.publisherSettings(), 1); // computes listings, never assembles
            otherSettings = settings;
        }
        return other;
    }
}
