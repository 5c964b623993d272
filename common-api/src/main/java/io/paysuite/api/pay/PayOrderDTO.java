package io.paysuite.api.pay;

import io.paysuite.api.money.Money;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradePromotionDTO;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A pay order as callers see it; {@code payOrderNo} is a 26-character order number of kind {@code P}.
 *
 * @param channel the external channel ({@code ChannelCode} name) that took the money, recorded when the
 *                pay order became {@code SUCCESS}; null for the platform's own tools (BALANCE, COUPON) and
 *                while unknown. It is not always {@code method.channel()}: channel-gateway may reroute a
 *                charge that one acquirer definitely refused, and refunds must go back through the
 *                channel that has the money.
 * @param payments        a combination payment's parts as {@code PAY_SUCCEEDED} carries them (coupon, points,
 *                        then the method); empty for one tool, and until the pay order succeeded — so a trade
 *                        finished from the pay order (its event lost) shows the same parts as one finished by the event
 * @param promotionDetail the coupon among them and who funded it; empty without
 * @param trade           in {@code PayService.pay}'s answer only: the trade as trade-core recorded this pay order's
 *                        payment, when the payment succeeded at once and pay-core handed it to trade-core directly
 *                        ({@code TradePaymentService.paid}) — what a till's answer shows without asking for the trade
 *                        again. Null everywhere else, and whenever trade-core was not told directly or its answer
 *                        did not show the trade paid by this pay order; the caller then asks trade-core
 */
public record PayOrderDTO(
        String payOrderNo,
        String tradeNo,
        String requestNo,
        String buyerId,
        String merchantId,
        PayMethod method,
        PayOrderStatus status,
        Money amount,
        Instant createdAt,
        Instant finishedAt,
        String channel,
        List<TradePaymentDTO> payments,
        List<TradePromotionDTO> promotionDetail,
        TradeDTO trade) implements Serializable {

    public PayOrderDTO {
        payments = payments == null ? List.of() : List.copyOf(payments);
        promotionDetail = promotionDetail == null ? List.of() : List.copyOf(promotionDetail);
    }

    /** Without the trade: every pay order but a direct hand-over's answer. */
    public PayOrderDTO(String payOrderNo, String tradeNo, String requestNo, String buyerId, String merchantId,
                       PayMethod method, PayOrderStatus status, Money amount, Instant createdAt, Instant finishedAt,
                       String channel, List<TradePaymentDTO> payments, List<TradePromotionDTO> promotionDetail) {
        this(payOrderNo, tradeNo, requestNo, buyerId, merchantId, method, status, amount, createdAt, finishedAt, channel,
                payments, promotionDetail, null);
    }

    /** This pay order with the trade trade-core answered the direct hand-over with. */
    public PayOrderDTO withTrade(TradeDTO recorded) {
        return new PayOrderDTO(payOrderNo, tradeNo, requestNo, buyerId, merchantId, method, status, amount, createdAt,
                finishedAt, channel, payments, promotionDetail, recorded);
    }

    /** A pay order with one tool. */
    public PayOrderDTO(String payOrderNo, String tradeNo, String requestNo, String buyerId, String merchantId,
                       PayMethod method, PayOrderStatus status, Money amount, Instant createdAt, Instant finishedAt,
                       String channel) {
        this(payOrderNo, tradeNo, requestNo, buyerId, merchantId, method, status, amount, createdAt, finishedAt, channel,
                List.of(), List.of());
    }

    /** Without a channel: callers that predate it, and pay orders no channel has taken money for. */
    public PayOrderDTO(String payOrderNo, String tradeNo, String requestNo, String buyerId, String merchantId,
                       PayMethod method, PayOrderStatus status, Money amount, Instant createdAt, Instant finishedAt) {
        this(payOrderNo, tradeNo, requestNo, buyerId, merchantId, method, status, amount, createdAt, finishedAt, null);
    }
}
