package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.money.Money;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's words: one bundle per language with the same keys, labels a template writes as
 * they are hold no markup, and money for a Chinese reader in 万 and 亿 (worked by hand).
 */
class LabelsTest {

    private static final Labels EN = Labels.of(Language.EN);
    private static final Labels ZH = Labels.of(Language.ZH);
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency HKD = Currency.getInstance("HKD");

    @Test
    void everyLanguageHasTheSameKeys() {
        assertEquals(EN.all().keySet(), ZH.all().keySet());
    }

    /** Templates write labels with {{{t.key}}}, unescaped: none may hold a character HTML would read as markup. */
    @Test
    void theLabelsATemplateWritesAsTheyAreHoldNoMarkup() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern raw = Pattern.compile("\\{\\{\\{t\\.([A-Za-z0-9]+)}}}");
        try (var templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.toList()) {
                Matcher m = raw.matcher(Files.readString(template));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.contains("nowHeading") && used.contains("guaranteedHeading"), used.toString());
        for (Labels labels : List.of(EN, ZH)) {
            for (String key : used) {
                assertFalse(labels.get(key).matches("(?s).*[<>&\"].*"), key + " in " + labels.language() + ": "
                        + labels.get(key));
            }
        }
    }

    @Test
    void aChartWithoutAChineseFontDrawsTheEnglishWordsWithoutTheirChineseAsides() {
        Labels drawn = EN.withoutAsides(text -> text.chars().allMatch(c -> c < 0x2E80));
        assertEquals("Guaranteed lot (稳获一手)", EN.get("guaranteedLotNamed"));
        assertEquals("Guaranteed lot", drawn.get("guaranteedLotNamed"));
        assertEquals("Rankings", drawn.get("rankingsHeading"));
        assertEquals(" (stale)", drawn.get("stale"), "an aside the font draws stays");
        assertTrue(drawn.all().values().stream().noneMatch(v -> v.contains("(") && v.chars().anyMatch(c -> c >= 0x4E00
                && c <= 0x9FFF && v.indexOf(c) > v.indexOf('('))), drawn.all().toString());
    }

    @Test
    void englishMoneyIsTheCurrencyCodeAndEveryDigitWithSeparators() {
        assertEquals("CNY 282,251,944,308.50", EN.money(new Money(new BigDecimal("282251944308.50"), CNY)));
        assertEquals("HKD 4,084.00", EN.money(new Money(new BigDecimal("4084"), HKD)));
    }

    /**
     * 282,251,944,308.50 CNY is 2,822.519443085 亿 → 2,822.52亿元; 7,999,600,000 is 79.996 亿 → 80.00亿元
     * (half-even at the second decimal rounds the 6 up); 279,360 is 27.936 万 → 27.94万元; 57,140 is
     * 5.714 万 → 5.71万元; below 1万 every digit: 4,084.00港元; a loss keeps its sign: -12,345.67 is
     * -1.234567 万 → -1.23万元.
     */
    @Test
    void chineseMoneyIsCountedIn万And亿FromOne万Up() {
        assertEquals("2,822.52亿元", ZH.money(new Money(new BigDecimal("282251944308.50"), CNY)));
        assertEquals("80.00亿元", ZH.money(new Money(new BigDecimal("7999600000"), CNY)));
        assertEquals("27.94万元", ZH.money(new Money(new BigDecimal("279360.00"), CNY)));
        assertEquals("5.71万元", ZH.money(new Money(new BigDecimal("57140"), CNY)));
        assertEquals("27.94万港元", ZH.money(new Money(new BigDecimal("279360.00"), HKD)));
        assertEquals("4,084.00港元", ZH.money(new Money(new BigDecimal("4084"), HKD)));
        assertEquals("-1.23万元", ZH.money(new Money(new BigDecimal("-12345.67"), CNY)));
        assertEquals("1.00万元", ZH.money(new Money(new BigDecimal("10000"), CNY)), "1万 itself is counted in 万");
        assertEquals("9,999.99元", ZH.money(new Money(new BigDecimal("9999.99"), CNY)));
        assertEquals("1.00亿元", ZH.money(new Money(new BigDecimal("100000000"), CNY)), "1亿 itself is counted in 亿");
        // The unit follows the rounded figure: 99,999,999.995 rounds to 10,000.00万, which is 1.00亿.
        assertEquals("1.00亿元", ZH.money(new Money(new BigDecimal("99999999.995"), CNY)));
        assertEquals("9,999.99万元", ZH.money(new Money(new BigDecimal("99999940"), CNY)));
        // 9,999.995 is 10,000.00 at the minor unit: counted in 万.
        assertEquals("1.00万元", ZH.money(new Money(new BigDecimal("9999.995"), CNY)));
        assertEquals("3.50万 JPY", ZH.money(new Money(new BigDecimal("35000"), Currency.getInstance("JPY"))),
                "a currency without a Chinese name here keeps its code");
    }

    @Test
    void aLabelIsFilledInOnePassSoThatAValueHoldingAPlaceholderStaysAsItIs() {
        assertEquals("lock-up {1} of A ends on 2026-02-11, the as-of day",
                EN.format("changeSaidLockupOnAsOf", "lock-up {1} of A ends", "2026-02-11"));
    }

    @Test
    void theWorkbookNamesItsSheetsAndHeadersInTheReportsLanguage() {
        assertEquals("first-day", EN.sheet("first-day"));
        assertEquals("首日", ZH.sheet("first-day"));
        assertEquals("first_day_return_close_vs_offer_fraction", EN.column("first_day_return_close_vs_offer_fraction"));
        assertEquals("首日收盘涨幅", ZH.column("first_day_return_close_vs_offer_fraction"));
        assertEquals("a_column_no_one_named", ZH.column("a_column_no_one_named"));
    }

    @Test
    void aLabelIsFilledInByPosition() {
        assertEquals("新股报告（截至 2026-11-28）", ZH.format("indexTitle", "2026-11-28"));
        assertEquals("Of 13 input rows, 10 were loaded", EN.format("rowsLoaded", 13, 10));
    }
}
