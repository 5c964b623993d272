package io.paysuite.pay.infra;

import io.paysuite.api.event.Topics;
import io.paysuite.pay.order.CodeCheckPace;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * pay-core's messaging: {@code paysuite.pay.*}.
 *
 * @param namesrv       RocketMQ name server (the launcher passes the embedded one)
 * @param topic         topic of pay events; the event type is the tag. trade-core reads the same setting
 *                      as {@code paysuite.pay.topic}
 * @param producerGroup transactional producer group; the broker's check-back asks any live member
 * @param checkTopic    topic of the delayed "look at this pay order again" messages
 * @param checkDelay    when a started attempt is looked at again if it did not finish by then;
 *                      longer than a normal payment, short enough that a stuck trade is freed soon
 * @param gracePeriod   a PAY_SUCCEEDED half message whose pay order is still not SUCCESS after this
 *                      long is rolled back at check-back (its compare-and-set never committed)
 * @param lateCheckEvery once the broker's retry backoff is used up (15 of its 16 retries, about 2 h 46 m), how
 *                      often a pay order that is still not final is looked at again (QR orders can
 *                      live longer; the channel may still answer)
 * @param overdueAfter  a pay order not final this long after its first check is alarmed at every late check
 * @param codeCheckEvery a payment-code pay order is checked this often while young (its till waits for it)
 * @param codeCheckUntil how long after its creation a payment-code pay order is checked at that pace; the till's
 *                       promise is a final answer within 60 s, so the pace must cover a crashed service's restart
 */
@ConfigurationProperties("paysuite.pay")
public record PayProperties(
        @DefaultValue("127.0.0.1:19876") String namesrv,
        @DefaultValue(Topics.PAY_EVENT) String topic,
        @DefaultValue("paysuite-pay-tx") String producerGroup,
        @DefaultValue(Topics.PAY_CHECK) String checkTopic,
        @DefaultValue("10s") Duration checkDelay,
        @DefaultValue("60s") Duration gracePeriod,
        @DefaultValue(Topics.CHANNEL_EVENT) String channelResultTopic,
        @DefaultValue("2h") Duration lateCheckEvery,
        @DefaultValue("2d") Duration overdueAfter,
        @DefaultValue("5s") Duration codeCheckEvery,
        @DefaultValue("60s") Duration codeCheckUntil) {

    public CodeCheckPace codeCheckPace() {
        return new CodeCheckPace(codeCheckEvery, codeCheckUntil);
    }
}
