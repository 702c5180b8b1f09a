package io.github.ipoanalyzer.fees;


import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one winning lot leaves its subscriber (report.md): the sale's value less the sale's charges,
 * less the lot's cost and the subscription's charges; the net return is on the capital the lot
 * tied up (cost plus subscription charges).
 * {@code net = L × P − sale charges(L × P) − (L × P0 + subscription charges(L × P0))}.
 */
public record NetLotGain(FeeSchedule.SideCharges subscription, FeeSchedule.SideCharges sale, Money capital, Money net,
                         BigDecimal netReturn) {

    /**
     * {@code lotCost} = L × P0, charged on {@code listingDate}; {@code saleValue} = L × P, sold on
     * {@code saleDate}. Empty when the schedule has no sale row for the market that day: the net
     * is then unknown, never the gross.
     */
    public static java.util.Optional<NetLotGain> of(FeeSchedule schedule, String market, Money lotCost,
                                                    LocalDate listingDate, Money saleValue, LocalDate saleDate) {
        if (!schedule.covers(market, Side.SALE, saleDate)) {
            return java.util.Optional.empty();
        }
        FeeSchedule.SideCharges subscription = schedule.charges(market, Side.SUBSCRIPTION, listingDate, lotCost);
        FeeSchedule.SideCharges sale = schedule.charges(market, Side.SALE, saleDate, saleValue);
        Money capital = lotCost.plus(subscription.total());
        Money net = saleValue.minus(sale.total()).minus(capital);
        return java.util.Optional.of(new NetLotGain(subscription, sale, capital, net,
                Rounding.divide(net.amount(), capital.amount())));
    }
}
