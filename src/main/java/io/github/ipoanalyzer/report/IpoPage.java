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

    /** What the page and the card show; every value is text. */
    record Model(String asOf, String title, String subtitle, String image, String imageWidth, List<Figure> offer,
                 String firstDayDate, List<PricePoint> firstDay, List<Figure> lot, List<Figure> application,
                 List<Figure> subscription, String nowDate, List<Figure> now, List<EventRow> events) {
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
    static Model model(LocalDate asOf, IpoAnalysis a, Standing standing, List<Event> events, String image) {
        Listing l = a.listing();
        String currency = l.currency().getCurrencyCode() + " ";
        DecimalFormat whole = new DecimalFormat("#,##0", ChartTheme.US);
        List<Figure> offer = new ArrayList<>(List.of(
                new Figure("Offer price", currency + IndexPage.price(l.offerPrice())),
                new Figure("One lot", whole.format(l.lotShares()) + " shares, "
                        + IndexPage.money(l.offer().times(BigDecimal.valueOf(l.lotShares())))),
                new Figure("Shares offered", whole.format(l.sharesOffered())),
                new Figure("Gross proceeds", IndexPage.money(a.proceeds().grossProceeds()))));
        a.offerInCny().filter(c -> !c.converted().currency().equals(l.currency())).ifPresent(c ->
                offer.add(new Figure("Offer price in CNY", "CNY " + IndexPage.price(c.converted().amount())
                        + " (rate of " + c.rateDate() + ")")));

        List<PricePoint> firstDay = new ArrayList<>();
        BigDecimal[] prices = {a.firstDay().open(), a.firstDay().high(), a.firstDay().low(), a.firstDay().close()};
        BigDecimal[] returns = {a.firstDayReturn().atOpen(), a.firstDayReturn().atHigh(), a.firstDayReturn().atLow(),
                a.firstDayReturn().atClose()};
        for (int i = 0; i < ReferencePrice.FIRST_DAY.size(); i++) {
            ReferencePrice ref = ReferencePrice.FIRST_DAY.get(i);
            firstDay.add(new PricePoint(capitalised(ref.shortLabel()), prices[i] == null ? "unknown"
                    : currency + IndexPage.price(prices[i]), IndexPage.percent(returns[i]),
                    a.firstDayLotGain(ref).map(g -> IndexPage.money(g.gain())).orElse("unknown")));
        }

        Optional<LotGain> close = a.firstDayLotGain(ReferencePrice.FIRST_DAY_CLOSE);
        Optional<NetLotGain> net = close.flatMap(LotGain::netOfFees);
        List<Figure> lot = List.of(
                new Figure("Gross gain", close.map(g -> IndexPage.money(g.gain())).orElse("unknown")),
                new Figure("Net of fees", net.map(n -> IndexPage.money(n.net())).orElse("unknown")),
                new Figure("Net return on capital", net.map(n -> IndexPage.percent(n.netReturn())).orElse("unknown")));

        Application app = a.application();
        List<Figure> application = List.of(
                new Figure("One-lot success rate", app.oneLotSuccessRate() == null ? "unknown"
                        : IndexPage.precisePercent(app.oneLotSuccessRate())),
                new Figure("Subscription multiple", app.subscriptionMultiple() == null ? "unknown"
                        : new DecimalFormat("#,##0.00", ChartTheme.US).format(app.subscriptionMultiple()) + "×"),
                new Figure("Expected gain per application", app.expectedGain() == null ? "unknown"
                        : IndexPage.money(app.expectedGain())));

        // From the HK allotment table (allotment-tiers.csv has every size): the guaranteed lot, if any.
        List<Figure> subscription = a.hk().map(hk -> hk.guaranteed().map(g -> List.of(
                new Figure("Guaranteed lot (稳获一手)", String.format(java.util.Locale.ROOT, "%,d shares, pool %s",
                        g.sharesApplied(), g.pool())),
                new Figure("Its application money", IndexPage.money(g.applicationMoney())),
                new Figure("Its expected net gain at the close", g.at(io.github.ipoanalyzer.subscription.ReferencePoint
                        .FIRST_CLOSE).map(x -> IndexPage.money(x.expectedNet())).orElse("unknown"))))
                .orElse(List.of(new Figure("Guaranteed lot (稳获一手)", "none: no size gives every applicant a lot"))))
                .orElse(List.of());

        return new Model(asOf.toString(), l.nameEn() + (l.nameLocal() == null ? "" : " " + l.nameLocal())
                + " (" + l.ticker() + ")", l.exchange() + (l.board() == null ? "" : " " + l.board()) + ", listed "
                + l.listingDate(), image, String.valueOf(IpoCard.WIDTH), offer,
                l.listingDate() + (a.firstDay().closeDate() == null || a.firstDay().closeDate().equals(l.listingDate())
                        ? "" : ", first close on " + a.firstDay().closeDate()), firstDay,
                lot, application, subscription,
                standing == null || standing.latestCloseDate() == null ? "no close" : standing.latestCloseDate().toString(),
                now(standing), events.stream().map(e -> new EventRow(e.date().toString(), e.kind(), e.description(),
                        e.note() == null ? "" : e.note())).toList());
    }

    /** Where the IPO stands at its latest close on or before the as-of day (now.csv has every figure, exact). */
    private static List<Figure> now(Standing s) {
        if (s == null || s.latestClose() == null) {
            return List.of(new Figure("Latest close", "none on or before the as-of day"));
        }
        String currency = s.listing().currency().getCurrencyCode() + " ";
        List<String> recent = Standing.RECENT_SESSIONS.stream().map(k -> IndexPage.percent(s.recentReturn(k).orElse(null)))
                .toList();
        return List.of(
                new Figure("Latest close", currency + IndexPage.price(s.latestClose())),
                new Figure("Since the offer", IndexPage.percent(s.returnSinceOffer())),
                new Figure("Since the first close", IndexPage.percent(s.returnSinceFirstClose())),
                new Figure("One lot sold now, gross", s.lotGain().map(g -> IndexPage.money(g.gain())).orElse("unknown")),
                new Figure("Net of fees", s.lotGain().flatMap(LotGain::netOfFees).map(n -> IndexPage.money(n.net()))
                        .orElse("unknown")),
                new Figure("Below issue", s.belowIssue() == null ? "unknown" : s.belowIssue() ? "yes" : "no"),
                new Figure("Last " + String.join(" / ", Standing.RECENT_SESSIONS.stream().map(String::valueOf).toList())
                        + " sessions", String.join(" / ", recent)),
                new Figure("Data ends", s.dataLastDate() == null ? "none"
                        : s.dataLastDate() + (s.stale() ? " (stale)" : "")));
    }

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
