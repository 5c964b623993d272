package io.paysuite.trade.order;

import io.paysuite.api.event.PaySucceeded;
import java.util.Objects;

/**
 * pay-core's success as trade-core records it, whichever way it came: {@code PAY_SUCCEEDED} from the broker, or the
 * same event handed over directly right after pay-core's commit ({@code TradePaymentService.paid}). Both run
 * {@link TradePayments#recordPaid}, so the second to arrive finds the trade paid and changes nothing.
 */
public final class PaidByPayCore {

    private PaidByPayCore() {
    }

    /** @return the trade as it stands after recording ({@link TradePayments#recordPaid}) */
    public static Trade record(TradePayments payments, PaySucceeded pay) {
        Objects.requireNonNull(pay, "pay-core's success");
        TradePromotion promotion = TradePromotion.of(pay.payments(), pay.promotionDetail());
        if (promotion.any()) {
            return payments.recordPaid(pay.tradeNo(), pay.payOrderNo(), pay.amount(), pay.buyerId(), pay.method(),
                    pay.channel(), pay.finishedAt(), promotion);
        }
        return payments.recordPaid(pay.tradeNo(), pay.payOrderNo(), pay.amount(), pay.buyerId(), pay.method(), pay.channel(),
                pay.finishedAt());
    }
}
