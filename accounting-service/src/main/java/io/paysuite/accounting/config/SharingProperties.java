package io.paysuite.accounting.config;

import io.paysuite.api.event.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Profit sharing: {@code paysuite.sharing.*}.
 *
 * @param namesrv       RocketMQ name server
 * @param topic         topic of {@code PROFIT_SHARING_FINISHED}; cashier reads it as {@code paysuite.cashier.notify.ledger-topic}
 * @param producerGroup transactional producer group; the broker's check-back asks any live member
 * @param gracePeriod   a half message whose order is still not final after this long is rolled back
 * @param sweepEvery    how often orders still {@code PROCESSING} are driven on
 * @param sweepAfter    an order is swept when it has not changed for this long
 */
@ConfigurationProperties("paysuite.sharing")
public record SharingProperties(
        @DefaultValue("127.0.0.1:19876") String namesrv,
        @DefaultValue(Topics.LEDGER_EVENT) String topic,
        @DefaultValue("paysuite-sharing-tx") String producerGroup,
        @DefaultValue("60s") Duration gracePeriod,
        @DefaultValue("30s") Duration sweepEvery,
        @DefaultValue("30s") Duration sweepAfter) {
}
