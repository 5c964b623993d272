package io.paysuite.trade.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.trade.settle-wait.*}: how trade-core waits, for a till or a buyer's page, for a
 * trade to leave {@code PAYING} ({@link SettledTrades}).
 *
 * @param recheck  the gap between reads of a waited-for trade: a change made on this instance is
 *                 signalled at once, this only catches one another instance applied
 * @param longest  the longest single wait, whatever the caller asks: below the callers' Dubbo
 *                 timeout (5 s), so a wait is answered, never timed out; a more patient caller asks again
 * @param capacity the most waits held at once; beyond it a caller is answered the trade as it stands
 *                 (it then asks again), so a flood of waits cannot hold memory without bound
 */
@ConfigurationProperties("paysuite.trade.settle-wait")
public record SettleWaitProperties(
        @DefaultValue("200ms") Duration recheck,
        @DefaultValue("3s") Duration longest,
        @DefaultValue("10000") int capacity) {
}
