package io.paysuite.pay.pay;

import java.util.Optional;

/** Pay orders. Implemented in {@code infra} over the sharded {@code pay_order} tables. */
public interface PayOrderRepository {

    /** @return false when (trade_no, request_no) or the number is already taken (nothing written) */
    boolean insert(PayOrder order);

    /** Reads one physical table: the one the number's gene names. */
    Optional<PayOrder> find(String payOrderNo);

    /** Reads one physical table: the trade number's gene names it. */
    Optional<PayOrder> findByRequest(String tradeNo, String requestNo);
}
