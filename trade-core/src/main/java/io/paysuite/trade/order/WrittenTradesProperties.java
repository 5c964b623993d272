package io.paysuite.trade.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.trade.written.*}: how many trades, and for how long, this instance keeps as its own committed
 * changes left them ({@link WrittenTrades}).
 *
 * @param capacity the most trades kept at once: the newest win, an older one is read again when its next step comes
 * @param retain   how long one is kept: the next step of a payment-code payment follows its last within a second (the
 *                 channel answers a code in about 100 ms); a step later than this reads the trade, as before.
 *                 {@code 0s} keeps none
 */
@ConfigurationProperties("paysuite.trade.written")
public record WrittenTradesProperties(
        @DefaultValue("10000") int capacity,
        @DefaultValue("30s") Duration retain) {
}
