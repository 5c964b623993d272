package io.paysuite.cashier.notify;

import io.paysuite.api.event.EventType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The trade events merchants are told about (of {@link EventType}, published by trade-core) and the
 * {@code event_type} API.md names for each. The payload each carries is its contract record: a trade
 * for {@code TRADE_SUCCEEDED}, {@code TRADE_CLOSED}, {@code TRADE_CAPTURED} and {@code TRADE_VOIDED}, the release ({@code TradeFinished}) for
 * {@code TRADE_FINISHED}, a refund for {@code REFUND_SUCCEEDED} and {@code REFUND_FAILED}.
 */
public enum NotifyEventType {

    TRADE_SUCCESS(EventType.TRADE_SUCCEEDED, "TRADE.SUCCESS", false),
    TRADE_CLOSED(EventType.TRADE_CLOSED, "TRADE.CLOSED", false),
    TRADE_FINISHED(EventType.TRADE_FINISHED, "TRADE.FINISHED", false),
    REFUND_SUCCESS(EventType.REFUND_SUCCEEDED, "REFUND.SUCCESS", true),
    REFUND_FAILED(EventType.REFUND_FAILED, "REFUND.FAILED", true),
    TRADE_CAPTURED(EventType.TRADE_CAPTURED, "TRADE.CAPTURED", false),
    TRADE_VOIDED(EventType.TRADE_VOIDED, "TRADE.VOIDED", false);

    private final String tag;
    private final String apiName;
    private final boolean refund;

    NotifyEventType(EventType<?> event, String apiName, boolean refund) {
        this.tag = event.tag();
        this.apiName = apiName;
        this.refund = refund;
    }

    /** The trade event's tag. */
    public String tag() {
        return tag;
    }

    /** {@code event_type} of API.md, e.g. {@code TRADE.SUCCESS}. */
    public String apiName() {
        return apiName;
    }

    /** Whether the resource is a refund (else a trade). */
    public boolean refund() {
        return refund;
    }

    public static Optional<NotifyEventType> ofTag(String tag) {
        return Arrays.stream(values()).filter(t -> t.tag.equals(tag)).findFirst();
    }

    /** The subscription expression of every tag, {@code A || B || …}. */
    public static String subscription() {
        return Arrays.stream(values()).map(NotifyEventType::tag).collect(Collectors.joining(" || "));
    }
}
