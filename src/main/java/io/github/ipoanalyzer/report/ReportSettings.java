package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.eventstudy.EventStudySettings;

/**
 * What does not vary from run to run: the event study's settings, the longest wait for a
 * first close, how many listings the charts show, and which input file holds the fee schedule.
 */
public record ReportSettings(EventStudySettings eventStudy, int maxCloseLagTradingDays, int chartMaxListings,
                             String feeScheduleFile) {
}
