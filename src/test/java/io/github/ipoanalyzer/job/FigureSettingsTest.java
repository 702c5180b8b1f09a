package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.eventstudy.EventWindow;
import io.github.ipoanalyzer.eventstudy.ReturnKind;
import io.github.ipoanalyzer.report.ReportPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings a partition carries to a worker: read as Spring reads them, written and read back whole. */
class FigureSettingsTest {

    private static MockEnvironment manager() {
        return new MockEnvironment().withProperty("ipo.event-windows", "[0,0] [-1,+1]")
                .withProperty("ipo.bhar-horizons", "5, 20").withProperty("ipo.market-model-min-days", "60")
                .withProperty("ipo.cap-milestones-cny", "10000000000,100000000000").withProperty("ipo.returns", "log")
                .withProperty("ipo.estimation-window-start", "-250").withProperty("ipo.partial-windows", "true");
    }

    @Test
    void aManagersSettingsReachAWorkerWhole() {
        FigureSettings sent = FigureSettings.of(manager());
        FigureSettings received = FigureSettings.parse(sent.text());
        assertEquals(sent, received);
        ReportPublisher.Settings settings = received.publisherSettings();
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
    }

    @Test
    void anEmptyEstimationStartIsTheDayAfterListingAsForSpring() {
        FigureSettings settings = FigureSettings.of(manager().withProperty("ipo.estimation-window-start", ""));
        assertNull(FigureSettings.parse(settings.text()).publisherSettings().eventStudy().estimation().start());
    }

    @Test
    void settingsThatCannotBeReadAreRefusedWhereTheyAreGiven() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> FigureSettings.of(manager().withProperty("ipo.event-min-n", "five")));
        assertEquals("ipo.event-min-n=five cannot be read as Integer", bad.getMessage());
        String unknown = FigureSettings.of(manager()).text() + "ipo.new-setting=1\n";
        assertThrows(IllegalArgumentException.class, () -> FigureSettings.parse(unknown));
    }
}
