package io.paysuite.pay.tool;

import io.paysuite.api.pay.PayMethod;
import io.paysuite.pay.pay.PayOrder;

/**
 * One way to pay (balance now; coupon, points and channels later). {@link #charge} must be
 * idempotent on the pay order number: recovery calls it again for a pay order whose first
 * charge had an unknown outcome, and it must then answer the first charge's result.
 */
public interface PaymentTool {

    PayMethod method();

    /** @param escrow the trade is a guarantee trade: the money is held until the buyer confirms */
    ToolOutcome charge(PayOrder order, boolean escrow);
}
