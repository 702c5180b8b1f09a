package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.money.Money;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellsTest {

    @Test
    void numbersAreExactAndRoundedOnlyByTheOneRule() {
        assertEquals("243110.00", Cells.money(Money.of("243110", "CNY")));
        assertEquals("1092.75", Cells.money(Money.of("1092.7540", "CNY")));
        assertEquals("4.254638", Cells.fraction(new BigDecimal("4.254637731886594")));
        assertEquals("673.00", Cells.price(new BigDecimal("673")));
        assertEquals("0.345", Cells.price(new BigDecimal("0.345")));
        assertEquals("", Cells.money((Money) null), "unknown is empty, never 0");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        assertEquals("'=HYPERLINK(\"x\")", Cells.text("=HYPERLINK(\"x\")"));
        assertEquals("'+1", Cells.text("+1"));
        assertEquals("'-1", Cells.text("-1"));
        assertEquals("'@SUM(A1)", Cells.text("@SUM(A1)"));
        assertEquals("Moore Threads", Cells.text("Moore Threads"));
    }

    @Test
    void invisibleControlCharactersAreLeftOutOfCellsAndChartLabels() {
        // A right-to-left override would show "Moore sdaerhT"; zero-width and isolate marks hide in a name.
        assertEquals("Moore Threads", Cells.text("Moore \u202EThreads"));
        assertEquals("摩尔线程", Cells.text("摩尔\u200B线\u2066程\u2069"));
        assertEquals("a bell and a next-line", Cells.text("a bell\u0007 and a next-line\u0085"));
        assertEquals("'=1", Cells.text("\u200F=1"), "the formula guard sees what is left");
        assertEquals("a note\non two lines, with a\ttab", Cells.text("a note\non two lines, with a\ttab"));
        assertEquals("Moore Threads 摩尔线程", new ChartFonts("WenQuanYi Zen Hei", true).label("Moore \u202EThreads",
                "摩尔\u200D线程"));
    }

    @Test
    void localNamesAreUsedOnlyWhenTheFontCanDrawThem() {
        assertEquals("Moore Threads", new ChartFonts(Font.SANS_SERIF, false).label("Moore Threads", "摩尔线程"));
        assertEquals("Moore Threads 摩尔线程", new ChartFonts("WenQuanYi Zen Hei", true).label("Moore Threads", "摩尔线程"));
        ChartFonts picked = ChartFonts.forNames(List.of("摩尔线程"));
        assertEquals(picked.localNames(), ChartFonts.canDisplayAll(picked.font(Font.PLAIN, 12), List.of("摩尔线程")),
                "local names only where the picked font draws them");
    }
}
