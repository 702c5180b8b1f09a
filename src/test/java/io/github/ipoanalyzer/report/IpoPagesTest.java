package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The file names of the IPOs' pages: safe on any file system, one per ticker. */
class IpoPagesTest {

    @Test
    void aTickerBecomesASafeFileNameOfItsOwn() {
        Map<String, String> names = IpoPages.fileNames(List.of("688795.SH", "BRK/B", "BRK_B", "brk_b", "..", "CON.X",
                "腾讯"));
        // Kept as it is; "/" → "_"; then the same name twice, and again ignoring case: -2, -3;
        // a leading dot or a Windows device name gets "_"; each non-ASCII character is one "_".
        assertEquals(Map.of("688795.SH", "688795.SH", "BRK/B", "BRK_B", "BRK_B", "BRK_B-2", "brk_b", "brk_b-3",
                "..", "_..", "CON.X", "_CON.X", "腾讯", "__"), names);
    }
}
