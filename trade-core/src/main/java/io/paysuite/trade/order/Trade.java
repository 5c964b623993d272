package io.paysuite.trade.order;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The trade aggregate: what the merchant ordered and how much of it has been paid and refunded.
 * Immutable; a state change is a new value written with a compare-and-set on {@code status} and
 * {@code version} (added with the state machine).
 *
 * @param paymentMethods the methods the merchant allowed, in the merchant's order; empty: any
 * @param paidMethod     the method of the pay order that paid the trade; null until paid
 * @param paidChannel    the channel that moved the money ({@link TradePaymentDTO#WALLET_CHANNEL}
 *                       for a wallet payment); null until paid, or when pay-core named none
 * @param promotion      what a coupon and points paid of it ({@link TradePromotion#NONE} without)
 */
public record Trade(
        String tradeNo,
        String merchantId,
        String outTradeNo,
        TradeType tradeType,
        TradeStatus status,
        Money amount,
        Money paidAmount,
        Money refundedAmount,
        String subject,
        String buyerId,
        String attach,
        String notifyUrl,
        String returnUrl,
        Instant timeExpire,
        Instant createdAt,
        Instant updatedAt,
        Instant paidAt,
        Instant closedAt,
        int version,
        String payOrderNo,
        String payerId,
        List<PayMethod> paymentMethods,
        PayMethod paidMethod,
        String paidChannel,
        TradePromotion promotion) {

    public Trade {
        paymentMethods = paymentMethods == null ? List.of() : List.copyOf(paymentMethods);
        promotion = promotion == null ? TradePromotion.NONE : promotion;
    }

    /** A trade paid, if at all, without coupons or points. */
    public Trade(String tradeNo, String merchantId, String outTradeNo, TradeType tradeType, TradeStatus status, Money amount,
                 Money paidAmount, Money refundedAmount, String subject, String buyerId, String attach, String notifyUrl,
                 String returnUrl, Instant timeExpire, Instant createdAt, Instant updatedAt, Instant paidAt, Instant closedAt,
                 int version, String payOrderNo, String payerId, List<PayMethod> paymentMethods, PayMethod paidMethod,
                 String paidChannel) {
        this(tradeNo, merchantId, outTradeNo, tradeType, status, amount, paidAmount, refundedAmount, subject, buyerId, attach,
                notifyUrl, returnUrl, timeExpire, createdAt, updatedAt, paidAt, closedAt, version, payOrderNo, payerId,
                paymentMethods, paidMethod, paidChannel, TradePromotion.NONE);
    }

    /**
     * A new trade waiting for payment. Every field derives from the command, the trade number and
     * the creation time recorded in the merchant order index, so two processes completing the
     * same creation write the same row.
     */
    public static Trade open(String tradeNo, CreateTradeCmd cmd, Instant createdAt, Duration defaultExpiry) {
        Money zero = new Money(0, cmd.amount().currency());
        Instant expire = cmd.timeExpire() != null ? cmd.timeExpire() : createdAt.plus(defaultExpiry);
        return new Trade(tradeNo, cmd.merchantId(), cmd.outTradeNo(), cmd.tradeType(), TradeStatus.WAIT_PAY,
                cmd.amount(), zero, zero, cmd.subject(), cmd.buyerId(), cmd.attach(), cmd.notifyUrl(),
                cmd.returnUrl(), expire, createdAt, createdAt, null, null, 0, null, null,
                cmd.paymentMethods(), null, null);
    }

    /**
     * The same trade after a close at {@code at}: what the compare-and-set writes (the repository
     * refuses it unless the table allows the trade's status to close).
     */
    public Trade closed(Instant at) {
        return new Trade(tradeNo, merchantId, outTradeNo, tradeType, TradeStatus.CLOSED, amount, paidAmount,
                refundedAmount, subject, buyerId, attach, notifyUrl, returnUrl, timeExpire, createdAt, at, paidAt,
                at, version + 1, payOrderNo, payerId, paymentMethods, paidMethod, paidChannel);
    }

    /**
     * The same trade after {@code payOrderNo} took it at {@code at}: what the compare-and-set
     * {@code WAIT_PAY → PAYING} writes, so the winner answers it without reading the row back.
     */
    public Trade paying(String payOrderNo, Instant at) {
        return new Trade(tradeNo, merchantId, outTradeNo, tradeType, TradeStatus.PAYING, amount, paidAmount,
                refundedAmount, subject, buyerId, attach, notifyUrl, returnUrl, timeExpire, createdAt, at, paidAt,
                closedAt, version + 1, payOrderNo, payerId, paymentMethods, paidMethod, paidChannel, promotion);
    }

    /**
     * The same trade after {@code payOrderNo} paid it at {@code at}: what the compare-and-set
     * {@code PAYING → SUCCESS} writes and what {@code TRADE_SUCCEEDED} tells; a pre-authorisation's
     * payment only freezes the money, so it becomes {@code AUTHORIZED} ({@code TRADE_AUTHORIZED}).
     */
    public Trade paid(Money paid, String payer, PayMethod method, String channel, Instant at) {
        return paid(paid, payer, method, channel, at, TradePromotion.NONE);
    }

    /** As {@link #paid(Money, String, PayMethod, String, Instant)}, by a combination payment. */
    public Trade paid(Money paid, String payer, PayMethod method, String channel, Instant at, TradePromotion promotion) {
        TradeStatus status = tradeType == TradeType.PREAUTH ? TradeStatus.AUTHORIZED : TradeStatus.SUCCESS;
        return new Trade(tradeNo, merchantId, outTradeNo, tradeType, status, amount, paid,
                refundedAmount, subject, buyerId, attach, notifyUrl, returnUrl, timeExpire, createdAt, at, at,
                closedAt, version + 1, payOrderNo, payer, paymentMethods, method, channel, promotion);
    }

    /**
     * The same pre-authorisation after its capture ({@code CAPTURED}, {@code paid} the captured part)
     * or void ({@code VOIDED}, nothing paid) at {@code at}: what the compare-and-set from
     * {@code AUTHORIZED} writes. The authorised amount stays the trade's amount.
     */
    public Trade authorisationEnded(TradeStatus to, Money paid, Instant at) {
        return new Trade(tradeNo, merchantId, outTradeNo, tradeType, to, amount, paid, refundedAmount, subject, buyerId,
                attach, notifyUrl, returnUrl, timeExpire, createdAt, at, paidAt, closedAt, version + 1, payOrderNo, payerId,
                paymentMethods, paidMethod, paidChannel);
    }

    /** Whether the money of this paid guarantee trade is still held in escrow. */
    public boolean escrowHeld() {
        return tradeType == TradeType.GUARANTEE && status == TradeStatus.SUCCESS;
    }

    /** The buyer whose wallet paid: the trade's buyer, or the one who paid a trade created without one. */
    public String paidBy() {
        return payerId != null ? payerId : buyerId;
    }

    /**
     * How the trade was paid: one payment once paid (a trade has one paying pay order), else none; a
     * combination payment lists each part ({@link TradePromotion#payments}).
     */
    public List<TradePaymentDTO> payments() {
        if (paidMethod == null) {
            return List.of();
        }
        return promotion.any() ? promotion.payments(paidMethod, paidAmount, paidChannel)
                : List.of(new TradePaymentDTO(paidMethod, paidAmount, paidChannel));
    }

    /**
     * {@code payerId} is the payer once the trade is paid and null before: the buyer named at
     * creation has not paid anything yet, and the API says "the buyer who paid".
     */
    public TradeDTO toDTO() {
        return new TradeDTO(tradeNo, merchantId, outTradeNo, tradeType, status, amount, paidAmount,
                refundedAmount, subject, buyerId, attach, notifyUrl, returnUrl, timeExpire, createdAt,
                paidAt, closedAt, paymentMethods, payments(), paidAt == null ? null : paidBy(),
                paidAt == null ? null : promotion.buyerPaid(paidAmount), promotion.detail(amount.currency()), null, null);
    }
}
