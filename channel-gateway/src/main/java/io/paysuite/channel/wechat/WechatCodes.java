package io.paysuite.channel.wechat;

import io.paysuite.channel.adapter.Outcome;
import java.util.Map;
import java.util.Set;

/**
 * WeChat Pay v3 answers → our outcomes, conservative: anything not listed is {@code UNKNOWN}.
 * Sources: the v3 error pages (400 PARAM_ERROR/INVALID_REQUEST, 401 SIGN_ERROR, 403 NO_AUTH/
 * RULE_LIMIT/OUT_TRADE_NO_USED, 404 ORDER_NOT_EXIST, 429 FREQUENCY_LIMITED, 500 SYSTEM_ERROR) and
 * the SDK's {@code Transaction.TradeStateEnum}; docs/adr/0006-channel-edge-plan.md §3.
 */
final class WechatCodes {

    /** Refusals of a prepay that prove WeChat did not take the order. OUT_TRADE_NO_USED is not one: the query decides. */
    private static final Set<String> PREPAY_REFUSED = Set.of("PARAM_ERROR", "INVALID_REQUEST", "SIGN_ERROR", "NO_AUTH",
            "RULE_LIMIT", "MCH_NOT_EXISTS", "APPID_MCHID_NOT_MATCH", "ORDER_CLOSED");

    private static final Map<String, Outcome> TRADE_STATE = Map.of(
            "SUCCESS", Outcome.SUCCESS,
            "REFUND", Outcome.SUCCESS, // paid, then (partly) refunded
            "NOTPAY", Outcome.PENDING,
            "USERPAYING", Outcome.PENDING,
            "ACCEPT", Outcome.PENDING,
            "CLOSED", Outcome.FAILURE,
            "REVOKED", Outcome.FAILURE,
            "PAYERROR", Outcome.FAILURE);

    private WechatCodes() {
    }

    static Outcome ofPrepayError(int httpStatus, String code) {
        if (httpStatus >= 400 && httpStatus < 500 && httpStatus != 429 && PREPAY_REFUSED.contains(code)) {
            return Outcome.FAILURE;
        }
        return Outcome.UNKNOWN;
    }

    static Outcome ofTradeState(String state) {
        return state == null ? Outcome.UNKNOWN : TRADE_STATE.getOrDefault(state, Outcome.UNKNOWN);
    }

    static Outcome ofQueryError(int httpStatus, String code) {
        return httpStatus == 404 && "ORDER_NOT_EXIST".equals(code) ? Outcome.NOT_FOUND : Outcome.UNKNOWN;
    }

    /** Close answers 204; an error means: never there (404), already paid (query decides), or unknown. */
    static Outcome ofCloseError(int httpStatus, String code) {
        if (httpStatus == 404 && "ORDER_NOT_EXIST".equals(code)) {
            return Outcome.NOT_FOUND;
        }
        if (httpStatus == 400 && ("ORDER_PAID".equals(code) || "ORDERPAID".equals(code) || "TRADE_ERROR".equals(code))) {
            return Outcome.FAILURE;
        }
        return Outcome.UNKNOWN;
    }
}
