package io.github.ipoanalyzer.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic market in the application's input formats, the same for the same seed:
 * listings alternating between the STAR Market (CNY, 500-share lots) and HKEX (HKD, board lots),
 * listed over about two years of weekdays; {@code days} trading days of prices each (a
 * first-day jump, then a random walk; one row in twenty without high and low); three fiscal
 * years of revenue; a daily CNY/HKD rate; STAR 50 and Hang Seng levels and the benchmark map.
 * Prices are generated in whole cents, so every value is exact.
 */
public record MarketGenerator(int listings, int days, long seed) {

    static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 4);
    /** Listing dates are spread over this many trading days. */
    static final int LISTING_SPREAD = 500;
    private static final String PRICE_HEADER = "ticker,date,open,high,low,close,volume,turnover,note\n";

    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("prices"));
        List<LocalDate> calendar = weekdays(Math.min(listings, LISTING_SPREAD) + days + 1);
        Random random = new Random(seed);
        try (BufferedWriter l = writer(dir.resolve("listings.csv")); BufferedWriter r = writer(dir.resolve("revenue.csv"))) {
            l.write("ticker,name_en,name_local,exchange,board,currency,listing_date,offer_price,lot_shares,"
                    + "shares_offered,total_shares_after_listing,gross_proceeds,note\n");
            r.write("ticker,period,period_start,period_end,revenue,currency,note\n");
            for (int i = 0; i < listings; i++) {
                boolean star = i % 2 == 0;
                String ticker = ticker(i);
                int listingDay = listingDay(i);
                long offerCents = 500 + random.nextInt(14500);
                long sharesOffered = 10_000_000L + random.nextInt(290_000_000);
                long totalShares = sharesOffered * (4 + random.nextInt(9));
                int lot = star ? 500 : new int[] {100, 200, 500, 1000}[random.nextInt(4)];
                l.write(ticker + ",Company " + i + ",," + (star ? "SSE,STAR Market,CNY," : "HKEX,Main Board,HKD,")
                        + calendar.get(listingDay) + "," + cents(offerCents) + "," + lot + "," + sharesOffered + ","
                        + totalShares + ",,synthetic\n");
                for (int year = 2022; year <= 2024; year++) {
                    r.write(ticker + ",FY" + year + "," + year + "-01-01," + year + "-12-31,"
                            + (1_000_000L + random.nextInt(900_000_000)) + ",CNY,\n");
                }
                writePrices(dir.resolve("prices/" + ticker + ".csv"), ticker, calendar, listingDay, offerCents, random);
            }
        }
        writeRatesAndBenchmarks(dir, calendar, random);
    }

    private void writePrices(Path file, String ticker, List<LocalDate> calendar, int listingDay, long offerCents,
                             Random random) throws IOException {
        StringBuilder rows = new StringBuilder(PRICE_HEADER);
        long previousClose = offerCents;
        for (int d = 0; d < days; d++) {
            double jump = d == 0 ? Math.exp(0.6 + 0.6 * random.nextGaussian()) : Math.exp(0.03 * random.nextGaussian());
            long close = Math.max(1, Math.round(previousClose * jump));
            long open = Math.max(1, Math.round(previousClose * (d == 0 ? Math.sqrt(jump) : Math.exp(0.01 * random.nextGaussian()))));
            long high = Math.max(open, close) + Math.round(Math.max(open, close) * 0.03 * Math.abs(random.nextGaussian()));
            long low = Math.max(1, Math.min(open, close) - Math.round(Math.min(open, close) * 0.03 * Math.abs(random.nextGaussian())));
            boolean noRange = random.nextInt(20) == 0;
            long volume = 100_000L + random.nextInt(50_000_000);
            rows.append(ticker).append(',').append(calendar.get(listingDay + d)).append(',').append(cents(open)).append(',')
                    .append(noRange ? "" : cents(high)).append(',').append(noRange ? "" : cents(low)).append(',')
                    .append(cents(close)).append(',').append(volume).append(",,\n");
            previousClose = close;
        }
        Files.writeString(file, rows, StandardCharsets.UTF_8);
    }

    private static void writeRatesAndBenchmarks(Path dir, List<LocalDate> calendar, Random random) throws IOException {
        try (BufferedWriter fx = writer(dir.resolve("fx-rates.csv")); BufferedWriter b = writer(dir.resolve("benchmarks.csv"))) {
            fx.write("date,currency,cny_per_unit,note\n");
            b.write("index,date,close,daily_return,note\n");
            long rate = 9000;       // CNY per HKD in units of 0.0001
            long star = 100_000;    // index levels in hundredths
            long hsi = 2_500_000;
            for (LocalDate day : calendar) {
                rate = Math.max(8500, Math.min(9500, rate + Math.round(10 * random.nextGaussian())));
                star = Math.max(1000, Math.round(star * Math.exp(0.015 * random.nextGaussian())));
                hsi = Math.max(1000, Math.round(hsi * Math.exp(0.012 * random.nextGaussian())));
                fx.write(day + ",HKD,0." + rate + ",\n");
                b.write("STAR50," + day + "," + cents(star) + ",,\n");
                b.write("HSI," + day + "," + cents(hsi) + ",,\n");
            }
        }
        Files.writeString(dir.resolve("benchmark-map.csv"),
                "exchange,board,ticker,benchmark,note\nSSE,STAR Market,,STAR50,\nHKEX,,,HSI,\n", StandardCharsets.UTF_8);
    }

    /** Appends one trading day to every listing's price file: what a nightly run finds. */
    public void appendOneDay(Path dir) throws IOException {
        appendDay(dir, 0);
    }

    /**
     * Appends, to every listing's price file, the close of one day: the same date for all, as a
     * nightly feed gives today's close ({@code appendedDays} 0 is the first weekday after every
     * generated history, 1 the next, …).
     */
    public void appendDay(Path dir, int appendedDays) throws IOException {
        int day = Math.min(listings, LISTING_SPREAD) + days + appendedDays;
        LocalDate date = weekdays(day + 1).get(day);
        Random random = new Random(seed + 1 + appendedDays);
        for (int i = 0; i < listings; i++) {
            String ticker = ticker(i);
            long close = 100 + random.nextInt(10000);
            Files.writeString(dir.resolve("prices/" + ticker + ".csv"), ticker + "," + date
                    + "," + cents(close) + ",,," + cents(close) + ",1000,,\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** Even listings are on the STAR Market, odd ones on HKEX. */
    static String ticker(int i) {
        return i % 2 == 0 ? String.format(Locale.ROOT, "%06d.SH", 700000 + i) : String.format(Locale.ROOT, "%05d.HK", 10000 + i);
    }

    private int listingDay(int i) {
        return (int) ((i * 37L) % Math.min(listings, LISTING_SPREAD));
    }

    static List<LocalDate> weekdays(int count) {
        List<LocalDate> days = new ArrayList<>(count);
        for (LocalDate d = FIRST_DAY; days.size() < count; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    private static String cents(long cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
