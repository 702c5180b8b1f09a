package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.eventstudy.EventWindow;
import io.github.ipoanalyzer.eventstudy.ReturnKind;
import io.github.ipoanalyzer.report.ReportSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings a partition carries to a worker: bound as the application binds them, written and read back whole. */
class FigureSettingsTest {

    private static Map<String, String> manager() {
        Map<String, String> p = new HashMap<>();
        p.put("ipo.event-windows", "[0,0], [-1, 1]");
        p.put("ipo.bhar-horizons", "5, 20");
        p.put("ipo.cap-milestones-cny", "1E10,100000000000");
        p.put("ipo.returns", "LOG");
        p.put("ipo.estimation-window-start", "-250");
        p.put("ipo.partial-windows", "true");
        p.put("ipo.lang", "ZH");
        return p;
    }

    @Test
    void aManagersSettingsReachAWorkerWhole() {
        FigureSettings sent = FigureSettings.of(IpoSettings.of(manager()));
        // Written in one spelling, whatever the manager's was: lists without spaces, 1E10 as its
        // plain digits, the kind of returns in lower case; the windows as given (the shipped
        // "[0,1]" is not EventWindow's "[0,+1]", and the recorded settings of earlier runs keep theirs).
        assertEquals("""
                ipo.a-share-lots=
                ipo.bhar-horizons=5,20
                ipo.cap-milestones-cny=10000000000,100000000000
                ipo.chart-max-listings=12
                ipo.estimation-gap-days=0
                ipo.estimation-window-start=-250
                ipo.event-min-n=5
                ipo.event-windows=[0,0], [-1, 1]
                ipo.financed-fraction=0
                ipo.financing-annual-rate=0
                ipo.handling-fee-per-application=0
                ipo.lang=zh
                ipo.market-model-min-days=60
                ipo.max-close-lag-trading-days=5
                ipo.partial-windows=true
                ipo.policies=one-lot,guaranteed-lot,top-of-pool-A,cap
                ipo.returns=log
                """, sent.text());
        FigureSettings received = FigureSettings.parse(sent.text());
        assertEquals(sent, received);
        ReportSettings settings = received.publisherSettings();
        assertEquals(List.of(new EventWindow(0, 0), new EventWindow(-1, 1)), settings.eventStudy().windows());
        assertEquals(List.of(5, 20), settings.eventStudy().horizons());
        assertEquals(List.of(new BigDecimal("10000000000"), new BigDecimal("100000000000")),
                settings.eventStudy().milestonesCny());
        assertEquals(ReturnKind.LOG, settings.eventStudy().returns());
        assertEquals(-250, settings.eventStudy().estimation().start());
        assertEquals(0, settings.eventStudy().estimation().gap()); // unset: the default
        assertEquals(60, settings.eventStudy().estimation().minDays());
        assertTrue(settings.eventStudy().partialWindows());
        assertEquals(5, settings.eventStudy().minimumN());
        assertEquals(5, settings.maxCloseLagTradingDays());
        assertEquals(12, settings.chartMaxListings());
        // The subscriber's terms, unset: nothing financed, no handling fee, the A-share cap, every policy.
        assertEquals(List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), List.of(
                settings.subscription().financedFraction(), settings.subscription().annualRate(),
                settings.subscription().handlingFee()));
        assertNull(settings.subscription().aShareLots());
        assertEquals(List.of("one-lot", "guaranteed-lot", "top-of-pool-A", "cap"), settings.subscription().policies());
        assertEquals(io.github.ipoanalyzer.report.Language.ZH, settings.language());
    }

    /** The shipped defaults are written as application.properties wrote them before the record: a report's settings table keeps its bytes. */
    @Test
    void theDefaultsAreWrittenAsBefore() {
        assertEquals("""
                ipo.a-share-lots=
                ipo.bhar-horizons=5,20,60,250
                ipo.cap-milestones-cny=10000000000,100000000000
                ipo.chart-max-listings=12
                ipo.estimation-gap-days=0
                ipo.estimation-window-start=
                ipo.event-min-n=5
                ipo.event-windows=[0,0] [0,1] [0,5] [-1,+1] [+1,+20]
                ipo.financed-fraction=0
                ipo.financing-annual-rate=0
                ipo.handling-fee-per-application=0
                ipo.lang=en
                ipo.market-model-min-days=60
                ipo.max-close-lag-trading-days=5
                ipo.partial-windows=false
                ipo.policies=one-lot,guaranteed-lot,top-of-pool-A,cap
                ipo.returns=simple
                """, FigureSettings.of(IpoSettings.of(Map.of())).text());
    }

    @Test
    void anEmptyEstimationStartIsTheDayAfterListing() {
        Map<String, String> p = manager();
        p.put("ipo.estimation-window-start", "");
        FigureSettings settings = FigureSettings.of(IpoSettings.of(p));
        assertNull(FigureSettings.parse(settings.text()).publisherSettings().eventStudy().estimation().start());
    }

    @Test
    void settingsThatCannotBeReadAreRefusedWhereTheyAreReceived() {
        String five = FigureSettings.of(IpoSettings.of(manager())).text().replace("ipo.event-min-n=5", "ipo.event-min-n=1");
        IpoSettings.Refused refused = assertThrows(IpoSettings.Refused.class, () -> FigureSettings.parse(five));
        assertEquals("ipo.event-min-n=1 is not accepted: ipo.event-min-n takes a whole number of events, 2 or more.",
                refused.getMessage());
        String unknown = FigureSettings.of(IpoSettings.of(manager())).text() + "ipo.new-setting=1\n";
        assertThrows(IllegalArgumentException.class, () -> FigureSettings.parse(unknown));
    }
}
