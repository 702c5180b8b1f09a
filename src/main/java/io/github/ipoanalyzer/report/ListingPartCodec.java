package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.FirstDay;
import io.github.ipoanalyzer.analysis.FirstDayReturn;
import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.OfferProceeds;
import io.github.ipoanalyzer.subscription.PolicyBacktest;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.eventstudy.EventWindow;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ListingPart} as the bytes of a partition file's record, field by field in a fixed
 * order (the order below is the format: {@link #FORMAT} names it, and any change to it is a new
 * format). A decimal is its unscaled integer and scale, so it reads back equal, scale included;
 * a date is its epoch day; text is UTF-8; an absent value is a 0 flag byte before where it would be.
 * Of the listing's analysis only what the cohorts read is kept ({@link IpoAnalysis#forCohorts}).
 */
final class ListingPartCodec {

    /** Named in every partition file's header: a file of another format is not read. Format 1 was Java serialization. */
    static final String FORMAT = "ipo-analyzer report partition, format 3";

    private ListingPartCodec() {
    }

    static void write(ListingPart part, DataOutput out) throws IOException {
        out.writeInt(part.index());
        writeSummary(part.summary(), out);
        writeSubscriber(part.subscriber(), out);
        out.writeInt(part.carValues().size());
        for (EventStudy.CarValue car : part.carValues()) {
            writeText(car.ticker(), out);
            writeText(car.kind(), out);
            out.writeInt(car.window().from());
            out.writeInt(car.window().to());
            writeDecimal(car.car(), out);
            writeDecimal(car.standardized(), out);
            writeDate(car.eventDate(), out);
        }
        out.writeInt(part.pathPoints().size());
        for (EventStudy.PathPoint point : part.pathPoints()) {
            writeText(point.kind(), out);
            out.writeInt(point.tau());
            writeDecimal(point.car(), out);
        }
        out.writeLong(part.leftOut().prices());
        out.writeLong(part.leftOut().revenue());
        out.writeLong(part.leftOut().caps());
        out.writeInt(part.rows().size());
        for (RenderedRows rows : part.rows()) {
            out.writeInt(rows.chunks().size());
            for (RenderedRows.Chunk chunk : rows.chunks()) {
                writeText(chunk.month(), out);
                out.writeLong(chunk.count());
                out.writeInt(chunk.utf8().length);
                out.write(chunk.utf8());
            }
        }
    }

    static ListingPart read(DataInput in) throws IOException {
        int index = in.readInt();
        IpoAnalysis summary = readSummary(in);
        SubscriberFigures subscriber = readSubscriber(in);
        List<EventStudy.CarValue> cars = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            cars.add(new EventStudy.CarValue(readText(in), readText(in), new EventWindow(in.readInt(), in.readInt()),
                    readDecimal(in), readDecimal(in), readDate(in)));
        }
        List<EventStudy.PathPoint> points = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            points.add(new EventStudy.PathPoint(readText(in), in.readInt(), readDecimal(in)));
        }
        AsOfInputs.Tally leftOut = new AsOfInputs.Tally(in.readLong(), in.readLong(), in.readLong());
        List<RenderedRows> rows = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            List<RenderedRows.Chunk> chunks = new ArrayList<>();
            for (int j = count(in); j > 0; j--) {
                String month = readText(in);
                long rowCount = in.readLong();
                byte[] utf8 = new byte[count(in)];
                in.readFully(utf8);
                chunks.add(new RenderedRows.Chunk(month, utf8, rowCount));
            }
            rows.add(new RenderedRows(chunks));
        }
        return new ListingPart(index, summary, subscriber, cars, points, leftOut, rows);
    }

    /** The listing, its first day, first-day return, proceeds and offer in CNY: what {@link IpoAnalysis#forCohorts} keeps. */
    private static void writeSummary(IpoAnalysis a, DataOutput out) throws IOException {
        Listing l = a.listing();
        writeText(l.ticker(), out);
        writeText(l.nameEn(), out);
        writeText(l.nameLocal(), out);
        writeText(l.exchange(), out);
        writeText(l.board(), out);
        writeText(l.currency().getCurrencyCode(), out);
        writeDate(l.listingDate(), out);
        writeDecimal(l.offerPrice(), out);
        out.writeLong(l.lotShares());
        out.writeLong(l.sharesOffered());
        writeLong(l.totalShares(), out);
        writeDecimal(l.grossProceedsStated(), out);
        writeText(l.note(), out);
        writeDecimal(l.offerPriceMax(), out);
        writeLong(l.floatShares(), out);

        FirstDay d = a.firstDay();
        writeDate(d.listingDate(), out);
        writeDecimal(d.open(), out);
        writeDecimal(d.high(), out);
        writeDecimal(d.low(), out);
        writeDecimal(d.close(), out);
        writeDate(d.closeDate(), out);
        writeLong(d.closeLagTradingDays() == null ? null : d.closeLagTradingDays().longValue(), out);
        writeLong(d.volume(), out);
        writeDecimal(d.turnover(), out);
        writeText(d.note(), out);

        FirstDayReturn r = a.firstDayReturn();
        writeDecimal(r.atOpen(), out);
        writeDecimal(r.atHigh(), out);
        writeDecimal(r.atLow(), out);
        writeDecimal(r.atClose(), out);
        writeDecimal(r.intraday(), out);
        writeBoolean(r.brokeAtClose(), out);
        writeBoolean(r.brokeAtLow(), out);

        OfferProceeds p = a.proceeds();
        out.writeBoolean(p != null);
        if (p != null) {
            writeMoney(p.grossProceeds(), out);
            writeMoney(p.moneyLeftOnTable(), out);
        }
        Optional<FxRates.Conversion> offer = a.offerInCny();
        out.writeBoolean(offer.isPresent());
        if (offer.isPresent()) {
            writeMoney(offer.get().converted(), out);
            writeDecimal(offer.get().rate(), out);
            writeDate(offer.get().rateDate(), out);
        }
    }

    private static IpoAnalysis readSummary(DataInput in) throws IOException {
        Listing listing = new Listing(readText(in), readText(in), readText(in), readText(in), readText(in),
                Currency.getInstance(readText(in)), readDate(in), readDecimal(in), in.readLong(), in.readLong(),
                readLong(in), readDecimal(in), readText(in), readDecimal(in), readLong(in));
        LocalDate listingDate = readDate(in);
        BigDecimal open = readDecimal(in);
        BigDecimal high = readDecimal(in);
        BigDecimal low = readDecimal(in);
        BigDecimal close = readDecimal(in);
        LocalDate closeDate = readDate(in);
        Long lag = readLong(in);
        FirstDay firstDay = new FirstDay(listingDate, open, high, low, close, closeDate,
                lag == null ? null : Math.toIntExact(lag), readLong(in), readDecimal(in), readText(in));
        FirstDayReturn firstDayReturn = new FirstDayReturn(readDecimal(in), readDecimal(in), readDecimal(in),
                readDecimal(in), readDecimal(in), readBoolean(in), readBoolean(in));
        OfferProceeds proceeds = in.readBoolean() ? new OfferProceeds(readMoney(in), readMoney(in)) : null;
        FxRates.Conversion offerCny = in.readBoolean()
                ? new FxRates.Conversion(readMoney(in), readDecimal(in), readDate(in)) : null;
        return new IpoAnalysis(listing, firstDay, firstDayReturn, proceeds, List.of(), Optional.empty(), offerCny,
                List.of(), List.of(), null, null, null);
    }

    /** What each policy applies for, the subscription multiple and the latest close. */
    private static void writeSubscriber(SubscriberFigures s, DataOutput out) throws IOException {
        out.writeInt(s.choices().size());
        for (PolicyBacktest.Choice c : s.choices()) {
            writeText(c.policy(), out);
            writeText(c.application(), out);
            writeOptionalMoney(c.capital(), out);
            writeLong(c.days() == null ? null : c.days().longValue(), out);
            writeOptionalMoney(c.expectedNet(), out);
            writeText(c.source(), out);
            writeText(c.skipped(), out);
        }
        writeDecimal(s.subscriptionMultiple(), out);
        writeDecimal(s.latestClose(), out);
    }

    private static SubscriberFigures readSubscriber(DataInput in) throws IOException {
        List<PolicyBacktest.Choice> choices = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            String policy = readText(in);
            String application = readText(in);
            Money capital = readOptionalMoney(in);
            Long days = readLong(in);
            choices.add(new PolicyBacktest.Choice(policy, application, capital, days == null ? null
                    : Math.toIntExact(days), readOptionalMoney(in), readText(in), readText(in)));
        }
        return new SubscriberFigures(choices, readDecimal(in), readDecimal(in));
    }

    private static void writeOptionalMoney(Money money, DataOutput out) throws IOException {
        out.writeBoolean(money != null);
        if (money != null) {
            writeMoney(money, out);
        }
    }

    private static Money readOptionalMoney(DataInput in) throws IOException {
        return in.readBoolean() ? readMoney(in) : null;
    }

    private static int count(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("a count of " + count + " where a count was due");
        }
        return count;
    }

    private static void writeText(String text, DataOutput out) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeDecimal(BigDecimal value, DataOutput out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            byte[] unscaled = value.unscaledValue().toByteArray();
            out.writeInt(value.scale());
            out.writeInt(unscaled.length);
            out.write(unscaled);
        }
    }

    private static BigDecimal readDecimal(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int scale = in.readInt();
        byte[] unscaled = new byte[count(in)];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    private static void writeMoney(Money money, DataOutput out) throws IOException {
        out.writeBoolean(money != null);
        if (money != null) {
            writeDecimal(money.amount(), out);
            writeText(money.currency().getCurrencyCode(), out);
        }
    }

    private static Money readMoney(DataInput in) throws IOException {
        return in.readBoolean() ? new Money(readDecimal(in), Currency.getInstance(readText(in))) : null;
    }

    private static void writeDate(LocalDate date, DataOutput out) throws IOException {
        out.writeBoolean(date != null);
        if (date != null) {
            out.writeLong(date.toEpochDay());
        }
    }

    private static LocalDate readDate(DataInput in) throws IOException {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
    }

    private static void writeLong(Long value, DataOutput out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readLong(DataInput in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    /** A Boolean that may be unknown: 0 unknown, 1 false, 2 true. */
    private static void writeBoolean(Boolean value, DataOutput out) throws IOException {
        out.writeByte(value == null ? 0 : value ? 2 : 1);
    }

    private static Boolean readBoolean(DataInput in) throws IOException {
        byte b = in.readByte();
        return switch (b) {
            case 0 -> null;
            case 1 -> false;
            case 2 -> true;
            default -> throw new IOException("a flag of " + b + " where 0, 1 or 2 was due");
        };
    }
}
