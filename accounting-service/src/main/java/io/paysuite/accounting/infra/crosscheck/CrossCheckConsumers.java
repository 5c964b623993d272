package io.paysuite.accounting.infra.crosscheck;

import io.paysuite.accounting.crosscheck.InternalReconciliation;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.PaySucceeded;
import io.paysuite.api.event.TradeFinished;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.Subscription;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The events that tell internal reconciliation a trade's state or money moved, in groups of its own
 * ({@code paysuite-accounting-crosscheck} on trade-core's topic, {@code paysuite-accounting-crosscheck-pay}
 * on pay-core's): each notes the trade for a check after the settle delay, nothing more, so a handler
 * is one insert and the broker's retry covers a database that did not answer. The insert is shared: concurrent
 * handlers' notes gather for a few milliseconds and go in one statement ({@link GroupedNotes}), and a handler
 * answers the broker only once its note is written, so an acknowledged message is a durable note and a failed
 * write sends every message of its group back. Their threads ({@code consume-threads}) are sized for that wait.
 * Pre-authorisations are noted on {@code TRADE_AUTHORIZED}, {@code TRADE_CAPTURED} and {@code TRADE_VOIDED},
 * as payments on {@code TRADE_SUCCEEDED}.
 */
@ConditionalOnProperty(prefix = "paysuite.crosscheck", name = "enabled", matchIfMissing = true)
@Configuration(proxyBeanMethods = false)
public class CrossCheckConsumers {

    static final List<EventType<?>> TRADE_EVENTS = List.of(EventType.TRADE_SUCCEEDED, EventType.TRADE_CLOSED,
            EventType.TRADE_FINISHED, EventType.REFUND_SUCCEEDED, EventType.REFUND_FAILED,
            EventType.TRADE_AUTHORIZED, EventType.TRADE_CAPTURED, EventType.TRADE_VOIDED);
    /** The events whose body is the trade itself: its state changes, pre-authorisations' included. */
    private static final List<EventType<TradeDTO>> TRADE_BODIES = List.of(EventType.TRADE_SUCCEEDED, EventType.TRADE_CLOSED,
            EventType.TRADE_AUTHORIZED, EventType.TRADE_CAPTURED, EventType.TRADE_VOIDED);
    private static final int PHASE = Integer.MAX_VALUE - 100;
    /** Finds a topic created after start within seconds. */
    private static final int POLL_NAME_SERVER_MS = 10_000;

    @Bean
    EventConsumer crossCheckOnTradeEvent(InternalReconciliation reconciliation, CrossCheckProperties properties) {
        String tags = TRADE_EVENTS.stream().map(EventType::tag).collect(Collectors.joining(" || "));
        return new EventConsumer(Subscription.of(properties.tradeGroup(), properties.namesrv(), properties.tradeTopic(), tags,
                POLL_NAME_SERVER_MS).threads(properties.consumeThreads(), properties.consumeThreads()),
                message -> onTradeEvent(reconciliation, message), null, PHASE);
    }

    @Bean
    EventConsumer crossCheckOnPayEvent(InternalReconciliation reconciliation, CrossCheckProperties properties) {
        return new EventConsumer(Subscription.of(properties.payGroup(), properties.namesrv(), properties.payTopic(),
                EventType.PAY_SUCCEEDED.tag(), POLL_NAME_SERVER_MS).threads(properties.consumeThreads(), properties.consumeThreads()),
                message -> onPayEvent(reconciliation, message), null, PHASE);
    }

    static Handled onPayEvent(InternalReconciliation reconciliation, MessageExt message) {
        PaySucceeded paid = EventCodec.decode(EventType.PAY_SUCCEEDED, message);
        reconciliation.noted(paid.tradeNo(), null);
        return Handled.DONE;
    }

    static Handled onTradeEvent(InternalReconciliation reconciliation, MessageExt message) {
        String tag = message.getTags();
        EventType<TradeDTO> tradeBody = TRADE_BODIES.stream().filter(type -> type.tag().equals(tag)).findFirst().orElse(null);
        if (tradeBody != null) {
            // a pre-authorisation is checked like a payment: its authorisation (the PAYMENT entry into the
            // hold), and its capture or void (the one entry that empties the hold) — CrossCheckRules#hold
            TradeDTO trade = EventCodec.decode(tradeBody, message);
            reconciliation.noted(trade.tradeNo(), null);
        } else if (EventType.TRADE_FINISHED.tag().equals(tag)) {
            TradeFinished finished = EventCodec.decode(EventType.TRADE_FINISHED, message);
            reconciliation.noted(finished.tradeNo(), null);
        } else if (EventType.REFUND_SUCCEEDED.tag().equals(tag) || EventType.REFUND_FAILED.tag().equals(tag)) {
            RefundDTO refund = EventCodec.decode(tag.equals(EventType.REFUND_FAILED.tag()) ? EventType.REFUND_FAILED
                    : EventType.REFUND_SUCCEEDED, message);
            reconciliation.noted(refund.tradeNo(), refund.refundNo());
        }
        return Handled.DONE;
    }
}
