package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.fees.Application;
import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.fees.NetLotGain;
import io.github.ipoanalyzer.market.Allotment;
import io.github.ipoanalyzer.market.GreyMarketPrice;
import io.github.ipoanalyzer.market.TradingDays;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.subscription.ReferencePoint;
import io.github.ipoanalyzer.subscription.SubscriptionInputs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Computes every metric of one listing from its history, using only data dated on or before the as-of date. */
public final class IpoAnalyzer {


    private final FxRates rates;
    private final FeeSchedule fees;
    private final List<Allotment> allotments;
    private final List<GreyMarketPrice> greyMarket;
    private final TradingDays calendars;
    private final LocalDate asOf;
    private final int maxCloseLagTradingDays;
    private final SubscriptionInputs subscriptions;

    /** Without a fee schedule or allotment results: net figures and expected gains unknown. */
    public IpoAnalyzer(FxRates rates, LocalDate asOf, int maxCloseLagTradingDays) {
        this(rates, new FeeSchedule(List.of()), List.of(), List.of(), TradingDays.NONE, asOf, maxCloseLagTradingDays);
    }

    public IpoAnalyzer(FxRates rates, FeeSchedule fees, List<Allotment> allotments, List<GreyMarketPrice> greyMarket,
                       TradingDays calendars, LocalDate asOf, int maxCloseLagTradingDays) {
        this(rates, fees, allotments, greyMarket, calendars, asOf, maxCloseLagTradingDays, SubscriptionInputs.NONE);
    }

    private IpoAnalyzer(FxRates rates, FeeSchedule fees, List<Allotment> allotments, List<GreyMarketPrice> greyMarket,
                        TradingDays calendars, LocalDate asOf, int maxCloseLagTradingDays, SubscriptionInputs subscriptions) {
        this.subscriptions = subscriptions;
        this.rates = rates;
        this.fees = fees;
        this.allotments = List.copyOf(allotments);
        this.greyMarket = List.copyOf(greyMarket);
        this.calendars = calendars;
        this.asOf = asOf;
        this.maxCloseLagTradingDays = maxCloseLagTradingDays;
    }

    /** This analyzer, with every tier of the HK allotment tables valued too. */
    public IpoAnalyzer with(SubscriptionInputs subscriptions) {
        return new IpoAnalyzer(rates, fees, allotments, greyMarket, calendars, asOf, maxCloseLagTradingDays, subscriptions);
    }

    public IpoAnalysis analyse(ListingHistory history) {
        return analyse(history, null);
    }

    /**
     * As {@link #analyse(ListingHistory)}, but the lot gains at later closes (one per close, each
     * with its charges) only from {@code laterClosesFrom} on (null: all), and at the latest close: a
     * report that takes the earlier months of its series over from the report before needs no more.
     */
    public IpoAnalysis analyse(ListingHistory history, LocalDate laterClosesFrom) {
        Listing listing = history.listing();
        List<DailyPrice> prices = history.prices().stream().filter(p -> !p.date().isAfter(asOf)).toList();
        if (!listing.ipoStudied()) {
            return notStudied(history, prices);
        }
        FirstDay firstDay = FirstDay.locate(listing.listingDate(), prices, maxCloseLagTradingDays, calendars,
                listing.exchange());
        Optional<MarketCapSeries> caps = MarketCapSeries.of(listing, rates, prices);
        List<LotGain> gains = lotGains(listing, firstDay, prices, laterClosesFrom);
        Optional<NetLotGain> netAtFirstClose = gains.stream().filter(g -> g.reference() == ReferencePrice.FIRST_DAY_CLOSE)
                .findFirst().flatMap(LotGain::netOfFees);
        Optional<GreyMarket> grey = GreyMarket.of(listing, greyMarket);
        Application application = Application.of(listing, fees, allotments, netAtFirstClose);
        return new IpoAnalysis(listing, firstDay, FirstDayReturn.of(listing.offerPrice(), firstDay),
                OfferProceeds.of(listing, firstDay.close()), gains, caps,
                rates.toCny(listing.offer(), listing.listingDate()).orElse(null),
                priceToSales(listing, history.revenue(), caps),
                history.reportedCaps().stream().filter(c -> !c.date().isAfter(asOf))
                        .map(c -> CapReconciliation.of(c, caps, rates, calendars, listing.exchange())).toList(),
                application, grey.orElse(null), subscriptions.of(listing, fees, references(firstDay, grey),
                        Allotment.oneLot(listing.ticker(), allotments).orElse(null),
                        netAtFirstClose.map(NetLotGain::net).orElse(null)));
    }

    /** A peer or seasoned stock: its market value, price-to-sales and reported caps, no IPO figure. */
    private IpoAnalysis notStudied(ListingHistory history, List<DailyPrice> prices) {
        Listing listing = history.listing();
        Optional<MarketCapSeries> caps = MarketCapSeries.of(listing, rates, prices);
        return new IpoAnalysis(listing, FirstDay.notStudied(listing.listingDate()), FirstDayReturn.NONE, null,
                List.of(), caps, null, priceToSales(listing, history.revenue(), caps),
                history.reportedCaps().stream().filter(c -> !c.date().isAfter(asOf))
                        .map(c -> CapReconciliation.of(c, caps, rates, calendars, listing.exchange())).toList(),
                null, null, null);
    }

    /** The prices an allotment is valued at: the first open and close, the grey-market close, where known. */
    private static List<ReferencePoint> references(FirstDay day, Optional<GreyMarket> grey) {
        List<ReferencePoint> points = new ArrayList<>();
        if (day.open() != null) {
            points.add(new ReferencePoint(ReferencePoint.FIRST_OPEN, day.listingDate(), day.open()));
        }
        if (day.close() != null) {
            points.add(new ReferencePoint(ReferencePoint.FIRST_CLOSE, day.closeDate(), day.close()));
        }
        grey.ifPresent(g -> points.add(new ReferencePoint(ReferencePoint.GREY_MARKET_CLOSE, g.session().date(),
                g.session().close())));
        return points;
    }

    /** At the first day's open, high, low and close, then at every later close. */
    private List<LotGain> lotGains(Listing listing, FirstDay day, List<DailyPrice> prices, LocalDate laterClosesFrom) {
        List<LotGain> gains = new ArrayList<>();
        addIfKnown(gains, listing, ReferencePrice.FIRST_DAY_OPEN, day.listingDate(), day.open(), prices);
        addIfKnown(gains, listing, ReferencePrice.FIRST_DAY_HIGH, day.listingDate(), day.high(), prices);
        addIfKnown(gains, listing, ReferencePrice.FIRST_DAY_LOW, day.listingDate(), day.low(), prices);
        addIfKnown(gains, listing, ReferencePrice.FIRST_DAY_CLOSE, day.closeDate(), day.close(), prices);
        // The latest close is always computed: the break-issue rates read it even when its month is taken over.
        LocalDate latest = prices.stream().filter(p -> p.close() != null).map(DailyPrice::date).max(LocalDate::compareTo)
                .orElse(null);
        for (DailyPrice p : prices) {
            if (p.close() != null && day.closeDate() != null && p.date().isAfter(day.closeDate())
                    && (laterClosesFrom == null || !p.date().isBefore(laterClosesFrom) || p.date().equals(latest))) {
                gains.add(LotGain.at(listing, ReferencePrice.CLOSE, p.date(), p.close(), rates, fees, p.note()));
            }
        }
        return gains;
    }

    private void addIfKnown(List<LotGain> gains, Listing listing, ReferencePrice reference, LocalDate date,
                            BigDecimal price, List<DailyPrice> prices) {
        if (price != null) {
            // One row per date: the search stops at it, not at the end of a history of years.
            gains.add(LotGain.at(listing, reference, date, price, rates, fees, prices.stream()
                    .filter(p -> p.date().equals(date)).findFirst().map(DailyPrice::note).orElse(null)));
        }
    }

    /** For every revenue period: at the offer value and at the latest close. */
    private List<PriceToSales> priceToSales(Listing listing, List<RevenuePeriod> revenue, Optional<MarketCapSeries> caps) {
        List<PriceToSales> result = new ArrayList<>();
        if (caps.isEmpty()) {
            return result;
        }
        MarketCapPoint offer = caps.get().atOffer();
        Optional<MarketCapPoint> latest = caps.get().latest();
        for (RevenuePeriod period : TrailingRevenue.withTrailingTwelveMonths(revenue)) {
            if (offer != null) {
                result.add(PriceToSales.of(period, ReferencePrice.OFFER, offer.date(), offer.cap(), rates));
            }
            latest.ifPresent(p -> result.add(PriceToSales.of(period, ReferencePrice.LATEST_CLOSE, p.date(), p.cap(), rates)));
        }
        return result;
    }

    /** Where an IPO stands as of the as-of day ({@link Standing}); empty for a peer or seasoned stock (no offer). */
    public Optional<Standing> standing(ListingHistory history, FirstDay firstDay) {
        if (!history.listing().ipoStudied()) {
            return Optional.empty();
        }
        return Optional.of(Standing.of(history.listing(), firstDay, history.prices(), asOf, calendars, rates, fees));
    }

    public FxRates rates() {
        return rates;
    }
}
