package io.paysuite.trade.refund;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.refund.CreateRefundCmd;
import java.util.regex.Pattern;

/** Input rules of {@code POST /api/v1/refunds} (API.md); a refusal names the field and changes nothing. */
final class RefundRules {

    private static final Pattern OUT_REFUND_NO = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    private static final int MAX_REASON = 80;

    private RefundRules() {
    }

    static void check(CreateRefundCmd cmd) {
        if (cmd == null) {
            throw param("request", "is required");
        }
        if (blank(cmd.merchantId())) {
            throw param("merchant_id", "is required");
        }
        if (blank(cmd.tradeNo()) && blank(cmd.outTradeNo())) {
            throw param("trade_no", "or out_trade_no is required");
        }
        if (cmd.outRefundNo() == null || !OUT_REFUND_NO.matcher(cmd.outRefundNo()).matches()) {
            throw param("out_refund_no", "must be 6-64 of [A-Za-z0-9_-]");
        }
        if (cmd.refund() == null) {
            throw param("amount.refund", "is required");
        }
        if (cmd.refund().minor() <= 0) {
            throw param("amount.refund", "must be > 0");
        }
        if (!"CNY".equals(cmd.refund().currency())) {
            throw new BizException(ErrorCode.CURRENCY_NOT_SUPPORTED, "amount.currency " + cmd.refund().currency() + " is not supported");
        }
        if (cmd.reason() != null && cmd.reason().length() > MAX_REASON) {
            throw param("reason", "must be at most " + MAX_REASON + " chars");
        }
    }

    private static BizException param(String field, String why) {
        return new BizException(ErrorCode.PARAM_ERROR, field + " " + why);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
