package io.paysuite.pay.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.pay.OpenPayOrderCmd;
import java.util.regex.Pattern;

/** Input rules of {@link OpenPayOrderCmd}; a refusal is {@code PARAM_ERROR} naming the field, before any write. */
public final class OpenPayOrderRules {

    /** {@code K} + 25 digits: see {@link io.paysuite.api.ids.OrderNo}. */
    static final Pattern TRADE_NO = Pattern.compile("T\\d{25}");
    static final Pattern PAY_ORDER_NO = Pattern.compile("P\\d{25}");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final Pattern REQUEST_NO = Pattern.compile("[A-Za-z0-9_-]{6,64}");

    private OpenPayOrderRules() {
    }

    public static void check(OpenPayOrderCmd cmd) {
        require(cmd != null, "request", "is required");
        require(cmd.tradeNo() != null && isOrderNo(TRADE_NO, cmd.tradeNo()), "trade_no", "must be a trade number");
        require(cmd.buyerId() != null && ID.matcher(cmd.buyerId()).matches(), "buyer_id", "must be 1-32 of [A-Za-z0-9_-]");
        require(cmd.merchantId() != null && ID.matcher(cmd.merchantId()).matches(),
                "merchant_id", "must be 1-32 of [A-Za-z0-9_-]");
        require(cmd.method() != null, "method", "is required");
        require(cmd.amount() != null && cmd.amount().isPositive(), "amount", "must be greater than 0");
        require("CNY".equals(cmd.amount().currency()), "amount.currency", "must be CNY");
        require(cmd.requestNo() != null && REQUEST_NO.matcher(cmd.requestNo()).matches(),
                "request_no", "must be 6-64 of [A-Za-z0-9_-]");
    }

    /** Shape and gene of an order number; anything else cannot exist and must not reach the router. */
    static boolean isOrderNo(Pattern shape, String value) {
        return shape.matcher(value).matches()
                && Integer.parseInt(value.substring(value.length() - ShardGene.DIGITS)) < ShardGene.GENES;
    }

    private static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw new BizException(ErrorCode.PARAM_ERROR, field + " " + rule);
        }
    }
}
