package io.paysuite.api.event;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradePromotionDTO;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code PAY_SUCCEEDED}: the pay order as its success left it, so the event and the row
 * agree on the finish time and the channel. trade-core records the payment from the trade number, pay
 * order number, amount, buyer, method, channel and finish time; the rest makes the event readable on
 * its own in the broker's console, and is the wire pay-core has always sent. Serializable: pay-core also hands it
 * to trade-core over Dubbo ({@code TradePaymentService.paid}).
 *
 * @param method  how the buyer paid; may be null in messages of pay-cores that did not send it
 * @param channel the channel that took the money; null for a wallet payment, and in messages of
 *                pay-cores older than {@code pay_order.channel} (the method's channel stands in)
 * @param payments        a combination payment's parts, one per tool ({@code COUPON}, {@code POINTS}, then the
 *                        method with what the buyer paid and its channel); empty for a payment with one tool and
 *                        in messages of older pay-cores
 * @param promotionDetail the coupons among them and who funded them; empty without
 */
public record PaySucceeded(String payOrderNo, String tradeNo, String requestNo, String buyerId, String merchantId,
                           PayMethod method, PayOrderStatus status, Money amount, Instant createdAt, Instant finishedAt,
                           String channel, List<TradePaymentDTO> payments, List<TradePromotionDTO> promotionDetail)
        implements Serializable {

    public PaySucceeded {
        payments = payments == null ? List.of() : List.copyOf(payments);
        promotionDetail = promotionDetail == null ? List.of() : List.copyOf(promotionDetail);
    }

    /** A payment with one tool. */
    public PaySucceeded(String payOrderNo, String tradeNo, String requestNo, String buyerId, String merchantId,
                        PayMethod method, PayOrderStatus status, Money amount, Instant createdAt, Instant finishedAt,
                        String channel) {
        this(payOrderNo, tradeNo, requestNo, buyerId, merchantId, method, status, amount, createdAt, finishedAt, channel,
                List.of(), List.of());
    }
}
