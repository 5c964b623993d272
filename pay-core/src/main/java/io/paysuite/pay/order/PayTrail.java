package io.paysuite.pay.order;

import io.paysuite.api.trail.TrailEventDTO;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * pay-core's part of a trade's trail: each pay order of the trade as {@code PAY_ORDER_OPENED} at
 * its creation and, once final, {@code PAY_ORDER_SUCCESS} or {@code PAY_ORDER_FAILED} at its
 * finish, all steps oldest first (a second attempt opens after the first one failed). Read-only.
 */
@Component
public class PayTrail {

    static final String SOURCE = "pay-core";
    static final String OPENED = "PAY_ORDER_OPENED";

    private final PayOrderRepository orders;

    public PayTrail(PayOrderRepository orders) {
        this.orders = orders;
    }

    /** An empty trail for a trade without pay orders, and for a number that cannot be a trade's. */
    public List<TrailEventDTO> trail(String tradeNo) {
        if (tradeNo == null || !OpenPayOrderRules.isOrderNo(OpenPayOrderRules.TRADE_NO, tradeNo)) {
            return List.of(); // cannot exist, and must not reach the router
        }
        List<TrailEventDTO> steps = new ArrayList<>();
        for (PayOrder order : orders.findByTrade(tradeNo)) {
            steps.add(new TrailEventDTO(SOURCE, order.createdAt(), OPENED, order.payOrderNo(), what(order)));
            if (order.finishedAt() != null) {
                String failure = order.failCode() == null ? "" : ", fail_code " + order.failCode();
                steps.add(new TrailEventDTO(SOURCE, order.finishedAt(), "PAY_ORDER_" + order.status().name(),
                        order.payOrderNo(), what(order) + failure));
            }
        }
        // stable: an order's opening stays before its finish when both carry the same millisecond
        steps.sort(Comparator.comparing(TrailEventDTO::at));
        return List.copyOf(steps);
    }

    private static String what(PayOrder order) {
        return order.method().name() + " " + order.amount().minor() + " " + order.amount().currency()
                + ", buyer " + order.buyerId();
    }
}
