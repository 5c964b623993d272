package io.paysuite.cashier.notify;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The trade events merchants are told about (tag on {@code PAYSUITE_TRADE_EVENT}, published by
 * trade-core) and the {@code event_type} API.md names for each. The payload each tag carries is
 * trade-core's JSON (snake_case): a trade for {@code TRADE_SUCCEEDED} and {@code TRADE_CLOSED}
 * ({@code TradePayments}, {@code TradeCloser}), the release {@code {trade_no, merchant_id,
 * release_minor, currency}} for {@code TRADE_FINISHED} ({@code TradeConfirmer}), a refund for
 * {@code REFUND_SUCCEEDED} and {@code REFUND_FAILED} ({@code RefundCompletion}).
 */
public enum NotifyEventType {

    TRADE_SUCCESS("TRADE_SUCCEEDED", "TRADE.SUCCESS", false),
    TRADE_CLOSED("TRADE_CLOSED", "TRADE.CLOSED", false),
    TRADE_FINISHED("TRADE_FINISHED", "TRADE.FINISHED", false),
    REFUND_SUCCESS("REFUND_SUCCEEDED", "REFUND.SUCCESS", true),
    REFUND_FAILED("REFUND_FAILED", "REFUND.FAILED", true);

    private final String tag;
    private final String apiName;
    private final boolean refund;

    NotifyEventType(String tag, String apiName, boolean refund) {
        this.tag = tag;
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
