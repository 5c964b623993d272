package io.paysuite.api.event;

import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.trade.TradeDTO;
import java.util.List;
import java.util.Optional;

/**
 * One kind of message between the services, named once: the topic it goes to by default, the tag
 * consumers filter on, and the record its body carries. A producer and its consumers name the same
 * constant, so a renamed or retyped field fails their compilation rather than a delivery.
 *
 * <p>Bodies are JSON with snake_case names (the open API's convention; the kit's codec applies it),
 * except the {@link Body#KEY} form of timers and announcements that carry one order number.
 *
 * @param topic   the default topic; see {@link Topics} for the settings that may rename it
 * @param tag     the RocketMQ tag
 * @param payload the record the body carries
 * @param body    how the payload is written into the message
 * @param <P>     the payload type
 */
public record EventType<P>(String topic, String tag, Class<P> payload, Body body) {

    /** How a payload travels. */
    public enum Body {
        /** The body is the payload as JSON. */
        JSON,
        /**
         * The body is the text of the payload's first component (an order number); its other
         * components travel as user properties under their snake_case names. The form messages
         * had before the contracts were typed, kept because timers set then may still fire.
         */
        KEY
    }

    /** The trade as created; trade-core sets the expiry timer from it. */
    public static final EventType<TradeDTO> TRADE_CREATED = json(Topics.TRADE_EVENT, "TRADE_CREATED", TradeDTO.class);
    /** A pay order holds the trade. */
    public static final EventType<TradePaying> TRADE_PAYING = json(Topics.TRADE_EVENT, "TRADE_PAYING", TradePaying.class);
    /** A pay order gave the trade back. */
    public static final EventType<TradePayAbandoned> TRADE_PAY_ABANDONED =
            json(Topics.TRADE_EVENT, "TRADE_PAY_ABANDONED", TradePayAbandoned.class);
    /** The trade as paid; merchants are notified ({@code TRADE.SUCCESS}). */
    public static final EventType<TradeDTO> TRADE_SUCCEEDED = json(Topics.TRADE_EVENT, "TRADE_SUCCEEDED", TradeDTO.class);
    /** The trade as closed; merchants are notified ({@code TRADE.CLOSED}). */
    public static final EventType<TradeDTO> TRADE_CLOSED = json(Topics.TRADE_EVENT, "TRADE_CLOSED", TradeDTO.class);
    /** The escrow to release; trade-core posts it, merchants are notified ({@code TRADE.FINISHED}). */
    public static final EventType<TradeFinished> TRADE_FINISHED = json(Topics.TRADE_EVENT, "TRADE_FINISHED", TradeFinished.class);
    /** A pre-authorisation paid: the amount is frozen on the buyer's side; nothing is notified (the merchant has nothing yet). */
    public static final EventType<TradeDTO> TRADE_AUTHORIZED = json(Topics.TRADE_EVENT, "TRADE_AUTHORIZED", TradeDTO.class);
    /** A pre-authorisation captured (its paid amount is the captured part); trade-core posts it, merchants are notified ({@code TRADE.CAPTURED}). */
    public static final EventType<TradeDTO> TRADE_CAPTURED = json(Topics.TRADE_EVENT, "TRADE_CAPTURED", TradeDTO.class);
    /** A pre-authorisation voided; trade-core posts the release, merchants are notified ({@code TRADE.VOIDED}). */
    public static final EventType<TradeDTO> TRADE_VOIDED = json(Topics.TRADE_EVENT, "TRADE_VOIDED", TradeDTO.class);
    /** A refund to drive to a final state; trade-core follows it up. */
    public static final EventType<RefundAccepted> REFUND_ACCEPTED = json(Topics.TRADE_EVENT, "REFUND_ACCEPTED", RefundAccepted.class);
    /** The refund as succeeded; merchants are notified ({@code REFUND.SUCCESS}). */
    public static final EventType<RefundDTO> REFUND_SUCCEEDED = json(Topics.TRADE_EVENT, "REFUND_SUCCEEDED", RefundDTO.class);
    /** The refund as failed; merchants are notified ({@code REFUND.FAILED}). */
    public static final EventType<RefundDTO> REFUND_FAILED = json(Topics.TRADE_EVENT, "REFUND_FAILED", RefundDTO.class);
    /** pay-core took the money; the trade becomes SUCCESS. */
    public static final EventType<PaySucceeded> PAY_SUCCEEDED = json(Topics.PAY_EVENT, "PAY_SUCCEEDED", PaySucceeded.class);
    /** A channel order is final; pay-core finishes its pay order now rather than at its next check. */
    public static final EventType<ChannelOrderFinal> CHANNEL_ORDER_FINAL =
            key(Topics.CHANNEL_EVENT, "CHANNEL_ORDER_FINAL", ChannelOrderFinal.class);
    /** A payout is final; the owner of the money (accounting-service) books it or gives the money back. */
    public static final EventType<PayoutFinal> PAYOUT_FINAL = key(Topics.CHANNEL_EVENT, "PAYOUT_FINAL", PayoutFinal.class);
    /** A settlement's payout is final (or there was nothing to pay); merchants are notified ({@code SETTLEMENT.PAID}, {@code SETTLEMENT.FAILED}). */
    public static final EventType<SettlementFinished> SETTLEMENT_FINISHED =
            json(Topics.LEDGER_EVENT, "SETTLEMENT_FINISHED", SettlementFinished.class);
    /** A profit-sharing order finished; merchants are notified ({@code PROFIT_SHARING.FINISHED}). */
    public static final EventType<ProfitSharingFinished> PROFIT_SHARING_FINISHED =
            json(Topics.LEDGER_EVENT, "PROFIT_SHARING_FINISHED", ProfitSharingFinished.class);
    /** Timer: check a pay order that is not final yet. */
    public static final EventType<PayCheckDue> PAY_CHECK = key(Topics.PAY_CHECK, "CHECK", PayCheckDue.class);
    /** Timer: a trade's expiry, or the longest hop towards it. */
    public static final EventType<TradeExpiryDue> TRADE_EXPIRY = key(Topics.TRADE_EXPIRY, "EXPIRE", TradeExpiryDue.class);
    /** Timer: query a channel order again. */
    public static final EventType<ChannelFollowUpDue> CHANNEL_FOLLOW_UP =
            key(Topics.CHANNEL_FOLLOW_UP, "FOLLOW_UP", ChannelFollowUpDue.class);
    /** Timer: the next attempt of a merchant notification. */
    public static final EventType<NotifyAttemptDue> NOTIFY_ATTEMPT = json(Topics.NOTIFY_RETRY, "ATTEMPT", NotifyAttemptDue.class);

    private static final List<EventType<?>> ALL = List.of(TRADE_CREATED, TRADE_PAYING, TRADE_PAY_ABANDONED, TRADE_SUCCEEDED,
            TRADE_CLOSED, TRADE_FINISHED, REFUND_ACCEPTED, REFUND_SUCCEEDED, REFUND_FAILED, PAY_SUCCEEDED, CHANNEL_ORDER_FINAL,
            PAYOUT_FINAL, SETTLEMENT_FINISHED, PROFIT_SHARING_FINISHED,
            PAY_CHECK, TRADE_EXPIRY, CHANNEL_FOLLOW_UP, NOTIFY_ATTEMPT,
            TRADE_AUTHORIZED, TRADE_CAPTURED, TRADE_VOIDED);

    public EventType {
        if (topic == null || topic.isBlank() || tag == null || tag.isBlank() || payload == null || body == null) {
            throw new IllegalArgumentException("an event type needs a topic, a tag, a payload record and a body form");
        }
        if (!payload.isRecord()) {
            throw new IllegalArgumentException("payload of " + tag + " must be a record: " + payload);
        }
    }

    private static <P> EventType<P> json(String topic, String tag, Class<P> payload) {
        return new EventType<>(topic, tag, payload, Body.JSON);
    }

    private static <P extends Record> EventType<P> key(String topic, String tag, Class<P> payload) {
        return new EventType<>(topic, tag, payload, Body.KEY);
    }

    /** Every event type, for contract tests. */
    public static List<EventType<?>> all() {
        return ALL;
    }

    /** The event type of a tag on a topic's default name. */
    public static Optional<EventType<?>> of(String topic, String tag) {
        return ALL.stream().filter(t -> t.topic.equals(topic) && t.tag.equals(tag)).findFirst();
    }

    /** The subscription expression of several tags, {@code A || B || …}. */
    public static String subscription(List<String> tags) {
        return String.join(" || ", tags);
    }

    @Override
    public String toString() {
        return topic + ":" + tag;
    }
}
