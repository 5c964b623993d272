package io.paysuite.trade.infra.event;

import io.paysuite.api.event.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.events.*}: where trade events go, how they get there, and how long an unconfirmed one may stay
 * in doubt.
 *
 * @param namesrv                 RocketMQ name server(s), {@code host:port[;host:port]}; the launcher passes
 *                                the embedded one, production the cluster's
 * @param topic                   topic of every trade event; the event type is the tag. cashier-service reads it as
 *                                {@code paysuite.cashier.notify.trade-topic}, with the same default
 * @param producerGroup           transactional producer group; the broker asks any live member of this group
 *                                about an unconfirmed message, so every trade-core instance must share it
 * @param sendTimeout             timeout of sending a message: the half message (transactional), or the send after
 *                                the commit (outbox), which is how long a caller waits more when the broker is down
 * @param gracePeriod             how long after its birth an unconfirmed message whose event row is absent is
 *                                still answered UNKNOW, because its local transaction might still commit; after
 *                                it, ROLLBACK. Must exceed {@code localTransactionTimeout} plus clock skew between
 *                                instances (the birth time is the producing instance's clock)
 * @param localTransactionTimeout timeout of the local transaction; what makes "cannot still be running after
 *                                the grace period" true rather than hoped
 * @param delivery                how events reach the broker; see {@link Delivery}. Either way the transactional
 *                                producer runs and answers check-backs, so half messages an instance of the other
 *                                mode left (a rolling upgrade) are still resolved
 * @param relayInterval           outbox: how often each instance's {@link EventRelay} looks for events committed
 *                                but not marked published
 * @param relayAfter              outbox: how old such an event must be before the relay sends it. Past the
 *                                moment its own send normally finished (a commit, a send, a batched mark: well
 *                                under a second); an event still in a slow send is only sent twice, and consumers
 *                                deduplicate. A crashed instance's events are delivered within
 *                                {@code relay-after + relay-interval}
 * @param chaos                   test-only fault hooks; see {@link Chaos}
 */
@ConfigurationProperties("paysuite.events")
public record TradeEventsProperties(
        @DefaultValue("127.0.0.1:19876") String namesrv,
        @DefaultValue(Topics.TRADE_EVENT) String topic,
        @DefaultValue("paysuite-trade-tx") String producerGroup,
        @DefaultValue("3s") Duration sendTimeout,
        @DefaultValue("60s") Duration gracePeriod,
        @DefaultValue("10s") Duration localTransactionTimeout,
        @DefaultValue("outbox") Delivery delivery,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("3s") Duration relayAfter,
        @DefaultValue Chaos chaos) {

    public TradeEventsProperties {
        requireText("namesrv", namesrv);
        requireText("topic", topic);
        requireText("producer-group", producerGroup);
        requirePositive("send-timeout", sendTimeout);
        requirePositive("grace-period", gracePeriod);
        requirePositive("local-transaction-timeout", localTransactionTimeout);
        requirePositive("relay-interval", relayInterval);
        requirePositive("relay-after", relayAfter);
        delivery = delivery == null ? Delivery.OUTBOX : delivery;
        if (localTransactionTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("paysuite.events.local-transaction-timeout must be at least 1s (JDBC timeouts are whole seconds)");
        }
        if (localTransactionTimeout.compareTo(gracePeriod) >= 0) {
            throw new IllegalArgumentException("paysuite.events.grace-period (" + gracePeriod
                    + ") must exceed local-transaction-timeout (" + localTransactionTimeout
                    + "): otherwise a check-back may roll back a message whose transaction then commits");
        }
        chaos = chaos == null ? new Chaos(false, false) : chaos;
    }

    /** The defaults of the local run. */
    public static TradeEventsProperties defaults() {
        return new TradeEventsProperties("127.0.0.1:19876", Topics.TRADE_EVENT, "paysuite-trade-tx",
                Duration.ofSeconds(3), Duration.ofSeconds(60), Duration.ofSeconds(10), Delivery.OUTBOX,
                Duration.ofSeconds(1), Duration.ofSeconds(3), new Chaos(false, false));
    }

    /** These settings with events delivered {@code delivery}. */
    public TradeEventsProperties withDelivery(Delivery delivery) {
        return new TradeEventsProperties(namesrv, topic, producerGroup, sendTimeout, gracePeriod, localTransactionTimeout,
                delivery, relayInterval, relayAfter, chaos);
    }

    /**
     * How a trade event reaches the broker ({@code paysuite.events.delivery}).
     *
     * <ul>
     *   <li>{@link #OUTBOX} (the default): the change and its {@code trade_event} row commit, then the message is
     *       sent plainly and the row marked published; what was committed but not marked (a crash between commit
     *       and send, a broker that did not take it) is sent by the {@link EventRelay} a few seconds on. A broker
     *       outage delays events; it does not refuse changes.</li>
     *   <li>{@link #TRANSACTIONAL}: a RocketMQ transactional message around the local transaction (half message,
     *       commit or rollback, the broker's check-backs answered from the row). Kept for comparison; a broker that
     *       cannot take the half message refuses the change before anything is written.</li>
     * </ul>
     * docs/adr/0012-trade-events-outbox.md says what each costs per event.
     */
    public enum Delivery {
        OUTBOX,
        TRANSACTIONAL
    }

    /**
     * Fault hooks for tests that prove the guarantees by breaking things on purpose: nothing else can
     * place a failure at exactly these points reliably. Production configuration never sets them;
     * each is off unless explicitly set to true, and an instance with one on says so in its log.
     *
     * @param haltAfterLocalCommit  when true, the instance halts ({@code Runtime.halt(137)}: no shutdown hooks,
     *                              like {@code kill -9}) right after a trade event's local transaction commits and
     *                              before the message is sent (outbox) or the broker is told COMMIT (transactional).
     *                              Proves that a producer dying in that window loses no event: another live instance
     *                              sends it from the committed, unmarked event row (its relay), or answers the
     *                              broker's check-back COMMIT from it
     * @param failBeforeLocalCommit when true, every trade event's local transaction fails right before its commit,
     *                              after the caller's work and the event row were written. Proves that a change that
     *                              rolls back is never delivered, with the real broker and the real service
     */
    public record Chaos(@DefaultValue("false") boolean haltAfterLocalCommit,
                        @DefaultValue("false") boolean failBeforeLocalCommit) {
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("paysuite.events." + name + " is required");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("paysuite.events." + name + " must be positive");
        }
    }
}
