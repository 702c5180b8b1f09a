package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.eventstudy.EventStudySettings;
import io.github.ipoanalyzer.subscription.SubscriptionSettings;

/**
 * What does not vary from run to run: the event study's settings, the longest wait for a
 * first close, how many listings the charts show, which input file holds the fee schedule, the
 * subscriber's terms, and the language of the report's words.
 */
public record ReportSettings(EventStudySettings eventStudy, int maxCloseLagTradingDays, int chartMaxListings,
                             String feeScheduleFile, SubscriptionSettings subscription, Language language) {
}
