package io.github.ipoanalyzer.eventstudy;

/**
 * Where the market model is estimated, relative to an event (MacKinlay 1997): from day
 * {@code start} (null: from the day after listing) to {@code gap} trading days before the event
 * window's first day, post-listing days only, and at least {@code minDays} days with both
 * returns; otherwise the window is market-adjusted and its row says so. The default, (null, 0,
 * 60), is every post-listing day before the window.
 */
public record EstimationWindow(Integer start, int gap, int minDays) {

    public EstimationWindow {
        if (gap < 0 || minDays < 0 || (start != null && start > 0)) {
            throw new IllegalArgumentException("an estimation window starts on or before the event day, with a gap "
                    + "and a minimum of 0 or more days");
        }
    }

    /** The first calendar index of the sample for an event on {@code eventDay}, before the listing bound. */
    int firstIndex(int eventDay) {
        return start == null ? 0 : eventDay + start;
    }

    /** The calendar index the sample ends before, for a window starting at {@code windowFrom}. */
    int endIndex(int eventDay, int windowFrom) {
        return eventDay + windowFrom - gap;
    }

    public String describe() {
        return (start == null ? "from the day after listing" : "from event day " + start) + " to "
                + (gap == 0 ? "the day before the window" : gap + " trading day(s) before the window") + ", at least "
                + minDays + " days";
    }
}
