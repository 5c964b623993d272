package io.paysuite.pay.order.tool;

import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.pay.order.PayOrder;

/**
 * One way to pay: the balance, or a channel through channel-gateway. {@link #charge} must be
 * idempotent on the pay order number: recovery calls it again for a pay order whose first
 * charge had an unknown outcome, and it must then answer the first charge's result.
 */
public interface PaymentTool {

    PayMethod method();

    /**
     * @param trade    the trade being paid (a guarantee trade's money is held until the buyer confirms)
     * @param authCode the buyer's payment code on the first charge of a payment-code method; null otherwise
     */
    ToolOutcome charge(PayOrder order, TradeDTO trade, String authCode);
}
