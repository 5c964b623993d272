package io.paysuite.sandbox;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** What every channel of the sandbox shows to the control API. */
public interface SandboxChannel {

    /** Upper case: ALIPAY, WECHAT, UNIONPAY. */
    String name();

    /** The sandbox's own view of an order: {@code status, amount_fen, trade_no, refunded_fen}. */
    Optional<Map<String, Object>> order(String outTradeNo);

    /** The channel's bill of that day in its own format. */
    BillFile bill(LocalDate day);

    record BillFile(String fileName, String contentType, byte[] content) {
    }
}
