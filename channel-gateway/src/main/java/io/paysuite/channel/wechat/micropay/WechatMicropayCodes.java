package io.paysuite.channel.wechat.micropay;

import io.paysuite.channel.adapter.Outcome;
import java.util.Map;
import java.util.Set;

/**
 * WeChat Pay v2 payment-code answers → our outcomes, conservative: anything not listed is {@code UNKNOWN} and leaves
 * the order {@code PROCESSING} for the query/reverse follow-up. A {@code return_code} other than SUCCESS is never a
 * business answer. Sources: the v2 micropay/orderquery/reverse pages (pay.weixin.qq.com/doc/v2/merchant/4011937361,
 * err_code list partly [unconfirmed]) and docs/adr/0006-channel-edge-plan.md §1.
 */
final class WechatMicropayCodes {

    static final String SUCCESS = "SUCCESS";

    /** Micropay refusals that prove nothing was taken: bad or expired code, no money, card not accepted, order dead, bad request. */
    private static final Set<String> PAY_REFUSED = Set.of("AUTH_CODE_INVALID", "AUTHCODEEXPIRE", "NOTENOUGH", "NOTSUPORTCARD",
            "ORDERCLOSED", "ORDERREVERSED", "PARAM_ERROR");

    private static final Map<String, Outcome> TRADE_STATE = Map.of(
            "SUCCESS", Outcome.SUCCESS,
            "REFUND", Outcome.SUCCESS, // paid, then (partly) refunded
            "USERPAYING", Outcome.PENDING,
            "NOTPAY", Outcome.PENDING,
            "REVOKED", Outcome.FAILURE,
            "CLOSED", Outcome.FAILURE,
            "PAYERROR", Outcome.FAILURE);

    private WechatMicropayCodes() {
    }

    /**
     * {@code /pay/micropay}: paid; USERPAYING — the buyer must enter the password (query); SYSTEMERROR, BANKERROR and
     * anything new — unknown (query, then reverse).
     */
    static Outcome ofPay(String returnCode, String resultCode, String errCode) {
        if (!SUCCESS.equals(returnCode)) {
            return Outcome.UNKNOWN;
        }
        if (SUCCESS.equals(resultCode)) {
            return Outcome.SUCCESS;
        }
        if ("USERPAYING".equals(errCode)) {
            return Outcome.PENDING;
        }
        if ("FAIL".equals(resultCode) && errCode != null && PAY_REFUSED.contains(errCode)) {
            return Outcome.FAILURE;
        }
        return Outcome.UNKNOWN; // SYSTEMERROR, BANKERROR, ORDERPAID (the query says paid), OUT_TRADE_NO_USED, …
    }

    /** {@code /pay/orderquery}: the {@code trade_state}; ORDERNOTEXIST — WeChat does not know the number. */
    static Outcome ofQuery(String returnCode, String resultCode, String errCode, String tradeState) {
        if (!SUCCESS.equals(returnCode)) {
            return Outcome.UNKNOWN;
        }
        if (SUCCESS.equals(resultCode)) {
            return tradeState == null ? Outcome.UNKNOWN : TRADE_STATE.getOrDefault(tradeState, Outcome.UNKNOWN);
        }
        return "ORDERNOTEXIST".equals(errCode) ? Outcome.NOT_FOUND : Outcome.UNKNOWN;
    }

    /**
     * {@code /secapi/pay/reverse}: done only with {@code result_code=SUCCESS} and {@code recall=N}. {@code recall=Y}
     * means call again; USERPAYING (a failed reversal), SYSTEMERROR and everything else — ORDERNOTEXIST too, since a
     * definite reversal is what fails the order — are unknown: reverse again later.
     */
    static Outcome ofReverse(String returnCode, String resultCode, String errCode, String recall) {
        if (SUCCESS.equals(returnCode) && SUCCESS.equals(resultCode) && "N".equals(recall)) {
            return Outcome.SUCCESS;
        }
        return Outcome.UNKNOWN;
    }
}
