package io.github.ipoanalyzer.market;


import java.math.BigDecimal;
import java.time.LocalDate;

/** One broker's grey-market (暗盘) session of an HK IPO before its listing day; any price may be unknown, not all. */
public record GreyMarketPrice(String ticker, LocalDate date, String broker, BigDecimal open, BigDecimal high,
                              BigDecimal low, BigDecimal close) {
}
