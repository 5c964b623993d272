package io.paysuite.member.infra.promotion;

import io.paysuite.api.event.Topics;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code paysuite.points.earning.*}: the consumer of trade-core's events that earns points on payments and takes
 * them back on refunds ({@link PointsEarningConsumer}).
 *
 * @param enabled        false: nothing is earned (the consumer is not started)
 * @param namesrv        the RocketMQ name server(s)
 * @param group          the consumer group, this job's own: every member-service instance shares it
 * @param tradeTopic     trade-core's event topic
 * @param notSeenRetries how many times a refund whose trade's payment event was not handled yet comes back (the
 *                       broker's backoff: 10 s, 30 s, 1 min, 2 min, 3 min …) before it is let go as a trade that
 *                       earned nothing here (one paid before points were earned, beyond the topic's retention)
 */
@Validated
@ConfigurationProperties("paysuite.points.earning")
public record PointsEarningProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1:19876") @NotBlank String namesrv,
        @DefaultValue("paysuite-member-points-earning") @NotBlank String group,
        @DefaultValue(Topics.TRADE_EVENT) @NotBlank String tradeTopic,
        @DefaultValue("6") @Min(0) @Max(16) int notSeenRetries) {
}
