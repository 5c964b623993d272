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
 * @param producerGroup transactional producer group; the broker's check-back asks any live member. Registered in
 *                      both deliveries ({@code success-delivery}), so half messages an instance of the transactional
 *                      mode left (an earlier version, a switch back) are still answered
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
 * @param successDelivery how {@code PAY_SUCCEEDED} reaches the broker, see {@link SuccessDelivery}
 * @param sendTimeout    the longest a send may take (the client's own retries inside it): the plain send of
 *                       {@code PAY_SUCCEEDED} after the success committed (outbox delivery, not waited for), and the
 *                       store of a pay order's first check, which the payment waits for before charging — no answer
 *                       within it counts as not stored; what a payment waits more when the broker is down
 * @param handOverToTrade outbox delivery: a success is also handed to trade-core directly
 *                       ({@code TradePaymentService.paid}) before the message, and trade-core's answer — the trade as
 *                       it recorded the payment — goes back in pay-core's answer ({@code PayOrderDTO.trade}), so that a
 *                       till's answer waits neither for the broker's hop to trade-core nor for a second call for the
 *                       trade; the message still follows and is what guarantees trade-core hears it. On by default.
 *                       It was off while it cost the till 5 ms (measured at concurrency 1): the send after it was
 *                       synchronous and the cashier still asked for the trade; now the send is not waited for and the
 *                       cashier's call is saved. docs/adr/0012, "The direct hand-over"
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
        @DefaultValue("60s") Duration codeCheckUntil,
        @DefaultValue("outbox") SuccessDelivery successDelivery,
        @DefaultValue("3s") Duration sendTimeout,
        @DefaultValue("true") boolean handOverToTrade) {

    public PayProperties {
        successDelivery = successDelivery == null ? SuccessDelivery.OUTBOX : successDelivery;
        if (sendTimeout == null || sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("paysuite.pay.send-timeout must be positive");
        }
    }

    /** The defaults of the local run (tests name the embedded broker's address they never reach). */
    public static PayProperties defaults() {
        return new PayProperties("127.0.0.1:19876", Topics.PAY_EVENT, "paysuite-pay-tx", Topics.PAY_CHECK,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Topics.CHANNEL_EVENT, Duration.ofHours(2), Duration.ofDays(2),
                Duration.ofSeconds(5), Duration.ofSeconds(60), SuccessDelivery.OUTBOX, Duration.ofSeconds(3), true);
    }

    /** These settings with {@code PAY_SUCCEEDED} delivered {@code delivery}. */
    public PayProperties withSuccessDelivery(SuccessDelivery delivery) {
        return new PayProperties(namesrv, topic, producerGroup, checkTopic, checkDelay, gracePeriod, channelResultTopic,
                lateCheckEvery, overdueAfter, codeCheckEvery, codeCheckUntil, delivery, sendTimeout, handOverToTrade);
    }

    public CodeCheckPace codeCheckPace() {
        return new CodeCheckPace(codeCheckEvery, codeCheckUntil);
    }

    /**
     * How {@code PAY_SUCCEEDED} reaches the broker ({@code paysuite.pay.success-delivery});
     * docs/adr/0012-trade-events-outbox.md, "pay-core's PAY_SUCCEEDED", says what each costs.
     *
     * <ul>
     *   <li>{@link #OUTBOX} (the default): the pay order's compare-and-set to {@code SUCCESS} commits, then the message
     *       is sent plainly. The pay order row is the outbox: a success whose send this process did not see stored (a
     *       crash between commit and send, a broker that did not take it) is sent again, rebuilt from the row, by the
     *       pay order's delayed check ({@code PayChecks}), which every pay order has from before it is charged.</li>
     *   <li>{@link #TRANSACTIONAL}: a RocketMQ transactional message around the compare-and-set (half message, commit
     *       or rollback, the broker's check-backs answered from the row). Kept for comparison; a broker that cannot
     *       take the half message refuses the success, which the check then finishes.</li>
     * </ul>
     */
    public enum SuccessDelivery {
        OUTBOX,
        TRANSACTIONAL
    }
}
