package io.github.ipoanalyzer.market;

import java.util.List;

/** Everything the inputs say about one listing; prices in date order. */
public record ListingHistory(Listing listing, List<DailyPrice> prices, List<RevenuePeriod> revenue,
                             List<ReportedCap> reportedCaps) {
}
