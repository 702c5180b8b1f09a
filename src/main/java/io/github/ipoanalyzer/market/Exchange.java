package io.github.ipoanalyzer.market;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * The exchanges a ticker's suffix places a listing on, and the time zone their trading days are
 * dated in: a time with an offset (yfinance's {@code 2026-01-08 16:00:00+00:00}) is a day there.
 */
public enum Exchange {
    SSE("SH", "Asia/Shanghai"), SZSE("SZ", "Asia/Shanghai"), BSE("BJ", "Asia/Shanghai"), HKEX("HK", "Asia/Hong_Kong");

    private final String suffix;
    private final ZoneId zone;

    Exchange(String suffix, String zone) {
        this.suffix = suffix;
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The exchange of a ticker in its one form ({@code 9903.HK}), or empty for a suffix not in this list. */
    public static Optional<Exchange> ofTicker(String ticker) {
        String suffix = ticker.substring(ticker.lastIndexOf('.') + 1);
        return Arrays.stream(values()).filter(e -> e.suffix.equals(suffix)).findFirst();
    }
}
