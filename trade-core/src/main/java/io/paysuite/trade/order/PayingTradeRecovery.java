package io.paysuite.trade.order;

import io.paysuite.api.common.Result;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.AbandonPayCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finishes a trade left {@code PAYING} longer than a payment takes, from its pay order as pay-core has
 * it. What normally moves it on can be lost: pay-core's {@code PAY_SUCCEEDED} (a transactional message
 * the broker dropped), or the check that gives a failed attempt's trade back (a lost timer). The pay
 * order is pay-core's truth, so:
 * <pre>
 *   pay order            trade
 *   SUCCESS              recordPaid, as PAY_SUCCEEDED would (holder and amount checked there)
 *   FAILED               abandonPay, as pay-core's check would
 *   CREATED/PROCESSING   left alone: pay-core's own janitor drives it, and then this one again
 * </pre>
 * Both calls are the message's and the check's own, compare-and-sets from {@code PAYING} naming the pay
 * order, so running this beside them or on several instances at once moves the trade at most once.
 */
@Component
public class PayingTradeRecovery {

    private static final Logger log = LoggerFactory.getLogger(PayingTradeRecovery.class);

    private final TradeFinder finder;
    private final TradePayments payments;
    private final PayService payService;

    public PayingTradeRecovery(TradeFinder finder, TradePayments payments, PayService payService) {
        this.finder = finder;
        this.payments = payments;
        this.payService = payService;
    }

    /** @throws IllegalStateException when pay-core did not answer (the janitor tries again next round) */
    public void recover(String tradeNo) {
        Trade trade = finder.trade(TradeByNoQry.internal(tradeNo));
        if (trade.status() != TradeStatus.PAYING || trade.payOrderNo() == null) {
            return;
        }
        Result<PayOrderDTO> answer = payService.get(trade.payOrderNo());
        if (!answer.success()) {
            throw new IllegalStateException("pay order " + trade.payOrderNo() + " of trade " + tradeNo + " not read: "
                    + answer.code() + " " + answer.message());
        }
        PayOrderDTO order = answer.data();
        switch (order.status()) {
            case SUCCESS -> {
                log.warn("trade {} still PAYING though pay order {} succeeded (PAY_SUCCEEDED lost); recording it",
                        tradeNo, order.payOrderNo());
                // with its parts, as PAY_SUCCEEDED would have written them: a combination trade shows its coupon and points
                payments.recordPaid(tradeNo, order.payOrderNo(), order.amount(), order.buyerId(), order.method(),
                        order.channel(), order.finishedAt(), TradePromotion.of(order.payments(), order.promotionDetail()));
            }
            case FAILED -> {
                log.warn("trade {} still held by failed pay order {} (its check lost); giving it back", tradeNo,
                        order.payOrderNo());
                payments.abandonPay(new AbandonPayCmd(tradeNo, order.payOrderNo(), "pay order failed"));
            }
            case CREATED, PROCESSING -> log.debug("trade {}: pay order {} still {}", tradeNo, order.payOrderNo(), order.status());
        }
    }
}
