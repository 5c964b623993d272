package io.paysuite.pay.order;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import java.time.Instant;
import java.util.List;

/**
 * One payment attempt for a trade. Immutable; state changes come with the payment flow.
 *
 * @param failCode why a FAILED order failed (stable error code); null otherwise
 * @param channel  the external channel ({@code ChannelCode} name) that took the money, written by the
 *                 same compare-and-set that made the order SUCCESS; null for the platform's own tools
 *                 and before success. Not derived from {@code method}: channel-gateway may reroute a
 *                 charge to another channel than the method's usual one.
 * @param parts    a combination payment's coupon and points ({@link PayParts#NONE} for one tool)
 * @param announcedAt when a {@code SUCCESS} order was marked announced: the broker stored its {@code PAY_SUCCEEDED}
 *                 (written a little after the send, batched), or it succeeded before the mark existed. Null otherwise,
 *                 and for a success whose mark is not written yet: its check, on whichever instance, sends it again.
 */
public record PayOrder(
        String payOrderNo,
        String tradeNo,
        String requestNo,
        String requestDigest,
        String buyerId,
        String merchantId,
        PayMethod method,
        PayOrderStatus status,
        Money amount,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        int version,
        String failCode,
        String channel,
        PayParts parts,
        Instant announcedAt) {

    public PayOrder {
        parts = parts == null ? PayParts.NONE : parts;
    }

    /** Not marked announced. */
    public PayOrder(String payOrderNo, String tradeNo, String requestNo, String requestDigest, String buyerId,
                    String merchantId, PayMethod method, PayOrderStatus status, Money amount, Instant createdAt,
                    Instant updatedAt, Instant finishedAt, int version, String failCode, String channel, PayParts parts) {
        this(payOrderNo, tradeNo, requestNo, requestDigest, buyerId, merchantId, method, status, amount, createdAt,
                updatedAt, finishedAt, version, failCode, channel, parts, null);
    }

    /** A pay order with one tool. */
    public PayOrder(String payOrderNo, String tradeNo, String requestNo, String requestDigest, String buyerId,
                    String merchantId, PayMethod method, PayOrderStatus status, Money amount, Instant createdAt,
                    Instant updatedAt, Instant finishedAt, int version, String failCode, String channel) {
        this(payOrderNo, tradeNo, requestNo, requestDigest, buyerId, merchantId, method, status, amount, createdAt,
                updatedAt, finishedAt, version, failCode, channel, PayParts.NONE);
    }

    /** Whether the row says the broker has its {@code PAY_SUCCEEDED} ({@link #announcedAt}). */
    public boolean markedAnnounced() {
        return announcedAt != null;
    }

    /** What the tool ({@code method}) pays: the whole amount, or what the coupon and points leave. */
    public Money cashAmount() {
        return parts.cash(amount);
    }

    public PayOrder withParts(PayParts newParts) {
        return new PayOrder(payOrderNo, tradeNo, requestNo, requestDigest, buyerId, merchantId, method, status, amount,
                createdAt, updatedAt, finishedAt, version, failCode, channel, newParts, announcedAt);
    }

    /**
     * The order as {@code PayOrderRepository.transition} leaves it when its compare-and-set wins: the new status,
     * fail code and channel (each written, null included), {@code updatedAt}, the version counted up, and
     * {@code finishedAt} stamped on a final status. So the caller that won knows the row without reading it back.
     */
    public PayOrder after(PayOrderStatus to, String newFailCode, String newChannel, Instant at) {
        return new PayOrder(payOrderNo, tradeNo, requestNo, requestDigest, buyerId, merchantId, method, to, amount, createdAt,
                at, to.isFinal() ? at : finishedAt, version + 1, newFailCode, newChannel, parts, announcedAt);
    }

    public static PayOrder open(String payOrderNo, OpenPayOrderCmd cmd, String digest, Instant now) {
        return new PayOrder(payOrderNo, cmd.tradeNo(), cmd.requestNo(), digest, cmd.buyerId(), cmd.merchantId(),
                cmd.method(), PayOrderStatus.CREATED, cmd.amount(), now, now, null, 0, null, null);
    }

    /** With a combination payment's parts once it succeeded: the same parts {@code PAY_SUCCEEDED} carries. */
    public PayOrderDTO toDTO() {
        boolean paid = status == PayOrderStatus.SUCCESS;
        return new PayOrderDTO(payOrderNo, tradeNo, requestNo, buyerId, merchantId, method, status, amount,
                createdAt, finishedAt, channel, paid ? parts.tradePayments(method, amount, channel) : List.of(),
                paid ? parts.promotionDetail(amount.currency()) : List.of());
    }
}
