package io.paysuite.pay.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayOrderDTO;
import org.springframework.stereotype.Component;

/** Reads a pay order by number: one physical table, named by the number's gene. */
@Component
public class PayOrderFinder {

    private final PayOrderRepository orders;

    public PayOrderFinder(PayOrderRepository orders) {
        this.orders = orders;
    }

    public PayOrderDTO get(String payOrderNo) {
        if (payOrderNo == null || payOrderNo.isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "pay_order_no is required");
        }
        if (!OpenPayOrderRules.isOrderNo(OpenPayOrderRules.PAY_ORDER_NO, payOrderNo)) {
            throw notFound(payOrderNo);
        }
        return orders.find(payOrderNo).map(PayOrder::toDTO).orElseThrow(() -> notFound(payOrderNo));
    }

    private static BizException notFound(String payOrderNo) {
        return new BizException(ErrorCode.PAY_ORDER_NOT_FOUND, "no pay order " + payOrderNo);
    }
}
