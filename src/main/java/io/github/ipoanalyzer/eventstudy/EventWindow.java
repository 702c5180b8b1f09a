package io.github.ipoanalyzer.eventstudy;


import io.github.ipoanalyzer.market.Event;
import java.util.ArrayList;
import java.util.List;

/** Event days [from, to] around day 0, as in "[−1,+1]". */
public record EventWindow(int from, int to) {

    public EventWindow {
        if (to < from) {
            throw new IllegalArgumentException("window ends before it starts: [" + from + "," + to + "]");
        }
    }

    /** Parses "[0,0] [0,1] [-1,+1]" (any separators between windows). */
    public static List<EventWindow> parseAll(String text) {
        List<EventWindow> windows = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[\\s*([-+]?\\d+)\\s*,\\s*([-+]?\\d+)\\s*]").matcher(text);
        while (m.find()) {
            windows.add(new EventWindow(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return windows;
    }

    public int length() {
        return to - from + 1;
    }

    @Override
    public String toString() {
        return "[" + signed(from) + "," + signed(to) + "]";
    }

    private static String signed(int day) {
        return day > 0 ? "+" + day : String.valueOf(day);
    }
}
