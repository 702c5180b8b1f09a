package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.LotGain;
import io.github.ipoanalyzer.analysis.ReferencePrice;
import io.github.ipoanalyzer.analysis.Standing;
import io.github.ipoanalyzer.fees.Application;
import io.github.ipoanalyzer.fees.NetLotGain;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Listing;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ipo/<name>.html}, the page of one IPO (template {@code ipo.html.mustache}): its offer
 * terms, first day, one winning lot gross and net, the odds and expected gain of an application,
 * its events and where it stands now, beside its card ({@link IpoCard}), which shows the same
 * text. Every value is formatted here, as {@link IndexPage} formats it.
 */
final class IpoPage {

    private IpoPage() {
    }

    /** What the page and the card show; every value is text ({@code t}: the labels, by key). */
    /** {@code figuresAsOf}: the subtitle (exchange, board, listing day) and the as-of day, in one sentence. */
    record Model(String lang, Map<String, String> t, String asOf, String reportTitle, String allIpos, String figuresAsOf,
                 String title, String subtitle, String image, String imageWidth, List<Figure> offer,
                 String firstDayDate, String firstDayHeading, List<PricePoint> firstDay, List<Figure> lot,
                 List<Figure> application, List<Figure> subscription, String nowDate, String nowHeading, List<Figure> now,
                 List<EventRow> events) {
    }

    /** A labelled figure. */
    record Figure(String label, String value) {
    }

    /** A first-day price (open, high, low or close), its return from the offer and one lot's gross gain there. */
    record PricePoint(String label, String price, String fromOffer, String lotGain) {
    }

    record EventRow(String date, String kind, String description, String note) {
    }

    static String render(Model model) {
        return ReportTemplates.render("ipo.html", model);
    }

    /** {@code standing}: where the IPO stands now (null when it has no price on or before the as-of day). */
    static Model model(Labels t, LocalDate asOf, IpoAnalysis a, Standing standing, List<Event> events, String image) {
        Listing l = a.listing();
        String currency = l.currency().getCurrencyCode() + " ";
        String unknown = t.get("unknown");
        DecimalFormat whole = new DecimalFormat("#,##0", ChartTheme.US);
        List<Figure> offer = new ArrayList<>(List.of(
                new Figure(t.get("offerPrice"), currency + IndexPage.price(l.offerPrice())),
                new Figure(t.get("oneLot"), t.format("lotShares", whole.format(l.lotShares()),
                        t.money(l.offer().times(BigDecimal.valueOf(l.lotShares()))))),
                new Figure(t.get("sharesOffered"), whole.format(l.sharesOffered())),
                new Figure(t.get("grossProceeds"), t.money(a.proceeds().grossProceeds()))));
        a.offerInCny().filter(c -> !c.converted().currency().equals(l.currency())).ifPresent(c ->
                // To the fen, as people read a price (first-day.csv has the offer price and the rate it is converted at).
                offer.add(new Figure(t.get("offerPriceInCny"), t.money(c.converted()) + t.format("rateOf", c.rateDate()))));

        List<PricePoint> firstDay = new ArrayList<>();
        BigDecimal[] prices = {a.firstDay().open(), a.firstDay().high(), a.firstDay().low(), a.firstDay().close()};
        BigDecimal[] returns = {a.firstDayReturn().atOpen(), a.firstDayReturn().atHigh(), a.firstDayReturn().atLow(),
                a.firstDayReturn().atClose()};
        for (int i = 0; i < ReferencePrice.FIRST_DAY.size(); i++) {
            ReferencePrice ref = ReferencePrice.FIRST_DAY.get(i);
            firstDay.add(new PricePoint(t.get(ref.shortLabel()), prices[i] == null ? unknown
                    : currency + IndexPage.price(prices[i]), IndexPage.percent(t, returns[i]),
                    a.firstDayLotGain(ref).map(g -> t.money(g.gain())).orElse(unknown)));
        }

        Optional<LotGain> close = a.firstDayLotGain(ReferencePrice.FIRST_DAY_CLOSE);
        Optional<NetLotGain> net = close.flatMap(LotGain::netOfFees);
        List<Figure> lot = List.of(
                new Figure(t.get("grossGain"), close.map(g -> t.money(g.gain())).orElse(unknown)),
                new Figure(t.get("netOfFees"), net.map(n -> t.money(n.net())).orElse(unknown)),
                new Figure(t.get("netReturnOnCapital"), net.map(n -> IndexPage.percent(t, n.netReturn())).orElse(unknown)));

        Application app = a.application();
        List<Figure> application = List.of(
                new Figure(t.get("oneLotSuccessRate"), app.oneLotSuccessRate() == null ? unknown
                        : IndexPage.precisePercent(app.oneLotSuccessRate())),
                new Figure(t.get("subscriptionMultiple"), app.subscriptionMultiple() == null ? unknown
                        : new DecimalFormat("#,##0.00", ChartTheme.US).format(app.subscriptionMultiple()) + "×"),
                new Figure(t.get("expectedGainPerApplication"), app.expectedGain() == null ? unknown
                        : t.money(app.expectedGain())));

        // From the HK allotment table (allotment-tiers.csv has every size): the guaranteed lot, if any.
        List<Figure> subscription = a.hk().map(hk -> hk.guaranteed().map(g -> List.of(
                new Figure(t.get("guaranteedLotNamed"), t.format("sharesInPool",
                        String.format(Locale.ROOT, "%,d", g.sharesApplied()), g.pool())),
                new Figure(t.get("itsApplicationMoney"), t.money(g.applicationMoney())),
                new Figure(t.get("itsExpectedNetGain"), g.at(io.github.ipoanalyzer.subscription.ReferencePoint
                        .FIRST_CLOSE).map(x -> t.money(x.expectedNet())).orElse(unknown))))
                .orElse(List.of(new Figure(t.get("guaranteedLotNamed"), t.get("noGuaranteedLot")))))
                .orElse(List.of());

        String firstDayDate = l.listingDate() + (a.firstDay().closeDate() == null
                || a.firstDay().closeDate().equals(l.listingDate()) ? "" : t.format("firstCloseOn", a.firstDay().closeDate()));
        String nowDate = standing == null || standing.latestCloseDate() == null ? t.get("noClose")
                : standing.latestCloseDate().toString();
        String subtitle = t.format("listedOn", l.exchange() + (l.board() == null ? "" : " " + l.board()), l.listingDate());
        return new Model(t.language().code(), t.all(), asOf.toString(), t.format("indexTitle", asOf),
                t.format("allIpos", asOf), t.format("figuresAsOf", subtitle, asOf),
                l.nameEn() + (l.nameLocal() == null ? "" : " " + l.nameLocal()) + " (" + l.ticker() + ")", subtitle,
                image, String.valueOf(IpoCard.WIDTH), offer, firstDayDate, t.format("firstDayOn", firstDayDate), firstDay,
                lot, application, subscription, nowDate, t.format("nowOn", nowDate),
                now(t, standing), events.stream().map(e -> new EventRow(e.date().toString(), e.kind(), e.description(),
                        e.note() == null ? "" : e.note())).toList());
    }

    /** Where the IPO stands at its latest close on or before the as-of day (now.csv has every figure, exact). */
    private static List<Figure> now(Labels t, Standing s) {
        if (s == null || s.latestClose() == null) {
            return List.of(new Figure(t.get("latestClose"), t.get("noneOnOrBeforeAsOf")));
        }
        String currency = s.listing().currency().getCurrencyCode() + " ";
        String unknown = t.get("unknown");
        List<String> recent = Standing.RECENT_SESSIONS.stream().map(k -> IndexPage.percent(t, s.recentReturn(k).orElse(null)))
                .toList();
        return List.of(
                new Figure(t.get("latestClose"), currency + IndexPage.price(s.latestClose())),
                new Figure(t.get("sinceTheOffer"), IndexPage.percent(t, s.returnSinceOffer())),
                new Figure(t.get("sinceTheFirstClose"), IndexPage.percent(t, s.returnSinceFirstClose())),
                new Figure(t.get("oneLotNowGross"), s.lotGain().map(g -> t.money(g.gain())).orElse(unknown)),
                new Figure(t.get("netOfFees"), s.lotGain().flatMap(LotGain::netOfFees).map(n -> t.money(n.net()))
                        .orElse(unknown)),
                new Figure(t.get("belowIssue"), s.belowIssue() == null ? unknown : t.get(s.belowIssue() ? "yes" : "no")),
                new Figure(t.format("lastSessions", String.join(" / ", Standing.RECENT_SESSIONS.stream()
                        .map(String::valueOf).toList())), String.join(" / ", recent)),
                new Figure(t.get("dataEnds"), s.dataLastDate() == null ? t.get("none")
                        : s.dataLastDate() + (s.stale() ? t.get("stale") : "")));
    }
}
