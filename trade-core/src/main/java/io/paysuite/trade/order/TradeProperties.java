package io.paysuite.trade.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trade rules that differ between the local run and production.
 *
 * @param defaultExpiry         time to pay when the merchant gives no {@code time_expire} (API.md: 30 min)
 * @param maxExpiry             latest allowed {@code time_expire} from now (API.md: 15 days)
 * @param allowHttpNotifyUrl    accept {@code http://} notify URLs (API.md: local profile only)
 */
@ConfigurationProperties("paysuite.trade")
public record TradeProperties(
        @DefaultValue("30m") Duration defaultExpiry,
        @DefaultValue("15d") Duration maxExpiry,
        @DefaultValue("false") boolean allowHttpNotifyUrl) {
}
