package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.eventstudy.BuyAndHold;
import io.github.ipoanalyzer.eventstudy.CohortCar;
import io.github.ipoanalyzer.eventstudy.CohortStats;
import io.github.ipoanalyzer.eventstudy.CumulativeAbnormalReturn;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.eventstudy.EventStudy;

import java.nio.file.Path;
import java.util.List;

import static io.github.ipoanalyzer.report.Cells.*;

/** The event-study CSVs: events, abnormal returns, buy-and-hold returns, cohorts. */
public final class EventStudyTables {

    private EventStudyTables() {
    }

    static TableSpec events() {
        return new TableSpec("events.csv", "Events of each listing: from events.csv and derived (listing day, "
                + "lock-up expiries, first close below offer, market-value milestones, peak market value)",
                List.of("ticker", "date", "scheduled_date", "kind", "description", "source", "note"));
    }

    public static void addEvents(RowSink table, EventStudy.ListingResult result) {
        for (Event e : result.events()) {
            table.add(List.of(text(e.ticker()), date(e.date()), date(e.scheduledDate()), text(e.kind()),
                    text(e.description()), e.source(), text(e.note())));
        }
    }

    static TableSpec abnormalReturns() {
        return new TableSpec("abnormal-returns.csv", "Cumulative abnormal return of each event over each "
                + "window, with the model used (market model where enough post-listing history exists, else "
                + "market-adjusted) and the trading days available",
                List.of("ticker", "benchmark", "event_date", "event_kind", "event_description", "window", "model", "alpha", "beta",
                        "estimation_days", "days_available", "days_in_window", "car_fraction", "note", "settings"));
    }

    /** {@code settings}: what the figures depend on besides the row's window ({@code EventStudySettings.describe}). */
    public static void addAbnormalReturns(RowSink table, EventStudy.ListingResult result, String benchmark,
                                          String settings) {
        for (EventStudy.EventCar c : result.cars()) {
            CumulativeAbnormalReturn car = c.car();
            table.add(List.of(text(c.event().ticker()), text(benchmark),
                    date(c.event().date()), text(c.event().kind()), text(c.event().description()),
                    car.window().toString(), car.model(),
                    fraction(car.alpha()), fraction(car.beta()), whole(car.estimationDays()), whole(car.daysAvailable()),
                    whole(car.window().length()), fraction(car.car()), text(car.note()), text(settings)));
        }
    }

    static TableSpec buyAndHold() {
        return new TableSpec("buy-and-hold.csv", "Buy-and-hold return of each listing and of its benchmark over "
                + "each horizon, from the offer price and from the first close, and the BHAR",
                List.of("ticker", "benchmark", "from", "horizon_trading_days", "days_available", "end_date",
                        "stock_return_fraction", "benchmark_return_fraction", "bhar_fraction", "note", "settings"));
    }

    public static void addBuyAndHold(RowSink table, EventStudy.ListingResult result, String benchmark, String settings) {
        for (EventStudy.ListingBhar b : result.bhars()) {
            BuyAndHold h = b.bhar();
            table.add(List.of(text(b.ticker()), text(benchmark), h.base(), whole(h.horizon()),
                    whole(h.daysAvailable()), text(h.endDate()), fraction(h.stockReturn()), fraction(h.benchmarkReturn()),
                    fraction(h.bhar()), text(h.note()), text(settings)));
        }
    }

    public static CsvTable cohorts(Path folder, EventStudy.Result result) {
        CsvTable table = new CsvTable(folder, "cohorts.csv", "First-day statistics of each cohort: equal-weighted mean and "
                + "median, proceeds-weighted mean (in the members' currency when they share one, else in CNY at "
                + "dated rates), count that doubled, aggregate proceeds and money left on the table in CNY at dated rates",
                List.of("cohort", "definition", "tickers", "n", "mean_first_day_return_fraction",
                        "median_first_day_return_fraction", "doubled_count", "n_in_cny",
                        "proceeds_weighted_first_day_return_fraction", "proceeds_weighted_currency",
                        "n_in_proceeds_weighted", "aggregate_proceeds_cny",
                        "aggregate_money_left_on_table_cny", "note"));
        for (CohortStats s : result.cohorts()) {
            table.add(List.of(text(s.cohort().name()), text(s.cohort().definition()),
                    text(String.join(" ", s.cohort().tickers())), whole(s.n()), fraction(s.meanFirstDayReturn()),
                    fraction(s.medianFirstDayReturn()), whole(s.doubled()), whole(s.nInCny()),
                    fraction(s.proceedsWeightedReturn()), s.weightedIn().getCurrencyCode(), whole(s.nWeighted()),
                    money(s.aggregateProceedsCny()),
                    money(s.aggregateMoneyLeftCny()), text(s.note())));
        }
        return table;
    }

    public static CsvTable cohortCars(Path folder, EventStudy.Result result, String settings) {
        CsvTable table = new CsvTable(folder, "cohort-car.csv", "Cross-sectional mean CAR of each cohort, event kind and "
                + "window (complete windows only, one observation per listing), with n, the t statistic mean / (sd / √n), "
                + "its degrees of freedom and two-sided p-value, and the sign test; tests blank below the minimum n",
                List.of("cohort", "event_kind", "window", "n", "mean_car_fraction", "sd_fraction", "t_statistic",
                        "degrees_of_freedom", "t_test_p_value_two_sided", "positive_cars", "sign_test_p_value_two_sided",
                        "bmp_t_statistic", "bmp_p_value_two_sided", "note", "settings"));
        for (CohortCar c : result.cohortCars()) {
            table.add(List.of(text(c.cohort().name()), text(c.eventKind()), c.window().toString(), whole(c.n()),
                    fraction(c.mean()), fraction(c.sd()), fraction(c.t()), whole(c.degreesOfFreedom()),
                    fraction(c.pValue()), whole(c.positive()), fraction(c.signTestPValue()), fraction(c.bmpT()),
                    fraction(c.bmpPValue()), text(c.note()), text(settings)));
        }
        return table;
    }
}
