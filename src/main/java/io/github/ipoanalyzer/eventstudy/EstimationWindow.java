package io.github.ipoanalyzer.eventstudy;

/**
 * Where the market model of an event is estimated (MacKinlay 1997): from day {@code start}
 * (null: from the day after listing) to {@code gap} trading days before the earliest day of the
 * event's windows (day 0, or the first day of a window that starts before it), post-listing days
 * only, and at least {@code minDays} days with both returns; otherwise the event's windows are
 * market-adjusted and their rows say so. One fit per event serves all its windows, so a window
 * such as [+1,+20] is never fitted on days that include the event day. The default, (null, 0,
 * 60), is every post-listing day before the event.
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

    /**
     * The calendar index the sample ends before, for an event whose earliest window starts on day
     * {@code earliestWindowDay}: never after the event day itself.
     */
    int endIndex(int eventDay, int earliestWindowDay) {
        return eventDay + Math.min(0, earliestWindowDay) - gap;
    }

    public String describe() {
        return (start == null ? "from the day after listing" : "from event day " + start) + " to "
                + (gap == 0 ? "the day before the event's windows" : gap + " trading day(s) before the event's windows") + ", at least "
                + minDays + " days";
    }
}
