package io.paysuite.cashier.api.trade;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.trade-wait.*}: how long a till's answer or the buyer's page waits for a trade
 * to follow its paid pay order (trade-core moves it on {@code PAY_SUCCEEDED}, within moments).
 *
 * @param patience the longest wait; after it the trade is answered as it stands ({@code PAYING}: "ask again")
 * @param every    the gap between reads of the trade when trade-core cannot wait for it itself
 *                 ({@code TradeService.settled} unavailable or failing), and between two waits when
 *                 trade-core answered "still PAYING" early; normally the wait is trade-core's, one call
 */
@ConfigurationProperties("paysuite.cashier.trade-wait")
public record TradeWaitProperties(
        @DefaultValue("3s") Duration patience,
        @DefaultValue("50ms") Duration every) {
}
