package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.eventstudy.EventStudy;

import java.util.List;

/**
 * What the report keeps of one listing once a partition computed it, written to the partition's
 * file ({@link ListingPartCodec}): its place in the listing order, what the cohorts read of it
 * ({@link IpoAnalysis#forCohorts}) and the subscriber's back-test ({@link SubscriberFigures}), its CARs for the cohorts, what the as-of date left out of
 * its history, and its rows of each per-listing table, in the tables' order.
 */
public record ListingPart(int index, IpoAnalysis summary, SubscriberFigures subscriber,
                          List<EventStudy.CarValue> carValues,
                          List<EventStudy.PathPoint> pathPoints, AsOfInputs.Tally leftOut, List<RenderedRows> rows) {
}
