package io.paysuite.pay.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrdersOfTradesQry;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Reads a pay order by number (one physical table, named by the number's gene), or the pay orders
 * of several trades (one statement per table their genes name).
 */
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

    /**
     * The pay orders of these trades in one read: by trade in the order asked, each trade's oldest first
     * (as {@link PayTrail} lists their openings). A number that cannot be a trade's is left out before the
     * router, as {@link PayTrail#trail} does.
     */
    public List<PayOrderDTO> ofTrades(PayOrdersOfTradesQry qry) {
        if (qry == null || qry.tradeNos() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_nos is required");
        }
        if (qry.tradeNos().size() > PayOrdersOfTradesQry.MAX_TRADES) {
            throw new BizException(ErrorCode.PARAM_ERROR, "at most " + PayOrdersOfTradesQry.MAX_TRADES + " trade_nos");
        }
        List<String> tradeNos = qry.tradeNos().stream().filter(Objects::nonNull)
                .filter(no -> OpenPayOrderRules.isOrderNo(OpenPayOrderRules.TRADE_NO, no)).distinct().toList();
        if (tradeNos.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> asked = new HashMap<>();
        tradeNos.forEach(no -> asked.put(no, asked.size()));
        return orders.findByTrades(tradeNos).stream()
                .sorted(Comparator.comparing((PayOrder o) -> asked.get(o.tradeNo())).thenComparing(PayOrder::createdAt)
                        .thenComparing(PayOrder::payOrderNo))
                .map(PayOrder::toDTO).toList();
    }

    private static BizException notFound(String payOrderNo) {
        return new BizException(ErrorCode.PAY_ORDER_NOT_FOUND, "no pay order " + payOrderNo);
    }
}
