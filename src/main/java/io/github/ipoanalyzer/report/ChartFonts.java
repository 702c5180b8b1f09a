package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.text.InvisibleCharacters;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Picks the chart font. Local-language names (摩尔线程) are shown only when an installed font can
 * draw every one of them, checked with the font itself; otherwise the English names are used,
 * so a chart never shows empty boxes; so are a Chinese report's chart words ({@link #words}).
 * Debian's fonts-wqy-zenhei adds Chinese glyphs.
 */
public record ChartFonts(String family, boolean localNames) {

    private static final List<String> CJK_FAMILIES = List.of("WenQuanYi Zen Hei", "Noto Sans CJK SC",
            "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Droid Sans Fallback", "AR PL UMing CN");

    public static ChartFonts forNames(Collection<String> localNames) {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String family : CJK_FAMILIES) {
            if (installed.contains(family) && canDisplayAll(new Font(family, Font.PLAIN, 12), localNames)) {
                return new ChartFonts(family, true);
            }
        }
        Font logical = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        return new ChartFonts(Font.SANS_SERIF, canDisplayAll(logical, localNames));
    }

    static boolean canDisplayAll(Font font, Collection<String> texts) {
        return texts.stream().allMatch(t -> font.canDisplayUpTo(t) == -1);
    }

    /**
     * The words a chart is drawn with: {@code t}'s where this font draws every one of them, else
     * the English ones without the Chinese terms they give in brackets (Chinese words without a
     * Chinese font would be a row of boxes).
     */
    Labels words(Labels t) {
        Font font = font(Font.PLAIN, 12);
        return canDisplayAll(font, t.all().values()) ? t
                : Labels.of(Language.EN).withoutAsides(text -> font.canDisplayUpTo(text) == -1);
    }

    public Font font(int style, int size) {
        return new Font(family, style, size);
    }

    /** "Moore Threads 摩尔线程" when the local name can be drawn, else "Moore Threads". */
    public String label(String nameEn, String nameLocal) {
        return InvisibleCharacters.removed(localNames && nameLocal != null ? nameEn + " " + nameLocal : nameEn);
    }
}
