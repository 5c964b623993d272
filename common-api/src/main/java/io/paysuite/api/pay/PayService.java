package io.paysuite.api.pay;

import io.paysuite.api.common.Result;

/** Pay orders over Dubbo (provider: pay-core). */
public interface PayService {

    /**
     * Open a pay order in {@code CREATED}. Idempotent on ({@code tradeNo}, {@code requestNo}): a
     * repeat with the same content answers the first pay order; the same key with different
     * content answers {@code REQUEST_NO_USED}. Bad input answers {@code PARAM_ERROR}.
     */
    Result<PayOrderDTO> open(OpenPayOrderCmd cmd);

    /** The pay order with this number, or {@code PAY_ORDER_NOT_FOUND}. Read-only. */
    Result<PayOrderDTO> get(String payOrderNo);
}
