package io.paysuite.channel.alipay;

import io.paysuite.channel.adapter.Outcome;
import java.util.Map;
import java.util.Set;

/**
 * Alipay's answers → our outcomes, conservative: a code not listed here is {@code UNKNOWN} and
 * leaves the order {@code PROCESSING}. Sources: Alipay open-platform public error codes (10000
 * success, 20000 service unavailable, 20001 authorisation, 40001 missing parameter, 40002 invalid
 * parameter, 40004 business failure with {@code sub_code}) and the trade API pages for
 * {@code ACQ.*} sub codes; see docs/adr/0006-channel-edge-plan.md §3.
 */
final class AlipayCodes {

    static final String OK = "10000";

    /** Refusals of a precreate that prove the channel did not take the order: it may go elsewhere. */
    private static final Set<String> CHARGE_REFUSED_SUB = Set.of("ACQ.CONTEXT_INCONSISTENT", "ACQ.ACCESS_FORBIDDEN",
            "ACQ.TOTAL_FEE_EXCEED", "ACQ.TRADE_HAS_CLOSE", "ACQ.INVALID_PARAMETER", "ACQ.PARTNER_ERROR",
            "ACQ.SELLER_BEEN_BLOCKED", "ACQ.BEYOND_PAY_RESTRICTION");
    private static final Set<String> REFUSED_TOP = Set.of("20001", "40001", "40002");

    private static final Map<String, Outcome> TRADE_STATUS = Map.of(
            "TRADE_SUCCESS", Outcome.SUCCESS,
            "TRADE_FINISHED", Outcome.SUCCESS,
            "WAIT_BUYER_PAY", Outcome.PENDING,
            // closed unpaid — or fully refunded after payment, which settle() keeps SUCCESS
            "TRADE_CLOSED", Outcome.FAILURE);

    private AlipayCodes() {
    }

    static Outcome ofPrecreate(String code, String subCode) {
        if (OK.equals(code)) {
            return Outcome.PENDING;
        }
        if (REFUSED_TOP.contains(code) || ("40004".equals(code) && CHARGE_REFUSED_SUB.contains(subCode))) {
            return Outcome.FAILURE;
        }
        return Outcome.UNKNOWN; // 20000, ACQ.SYSTEM_ERROR, ACQ.TRADE_HAS_SUCCESS (the query decides), anything new
    }

    /** Payment-code refusals that prove nothing was taken: the code is bad or expired, the buyer cannot pay. */
    private static final Set<String> PAY_REFUSED_SUB = Set.of("ACQ.PAYMENT_AUTH_CODE_INVALID", "ACQ.BUYER_BALANCE_NOT_ENOUGH",
            "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", "ACQ.BUYER_ENABLE_STATUS_FORBID", "ACQ.CONTEXT_INCONSISTENT",
            "ACQ.ACCESS_FORBIDDEN", "ACQ.TOTAL_FEE_EXCEED", "ACQ.BEYOND_PAY_RESTRICTION", "ACQ.INVALID_PARAMETER");

    /** {@code trade.pay}: 10000 paid; 10003 "order success pay inprocess" — the buyer must confirm. */
    static Outcome ofPay(String code, String subCode) {
        if (OK.equals(code)) {
            return Outcome.SUCCESS;
        }
        if ("10003".equals(code)) {
            return Outcome.PENDING;
        }
        if (REFUSED_TOP.contains(code) || ("40004".equals(code) && PAY_REFUSED_SUB.contains(subCode))) {
            return Outcome.FAILURE;
        }
        return Outcome.UNKNOWN;
    }

    /** {@code trade.cancel}: done unless Alipay asks to retry ({@code retry_flag=Y}); anything else: ask again. */
    static Outcome ofCancel(String code, String subCode, String retryFlag) {
        if (OK.equals(code)) {
            return "Y".equals(retryFlag) ? Outcome.UNKNOWN : Outcome.SUCCESS;
        }
        return Outcome.UNKNOWN;
    }

    /** Refund refusals that prove nothing was returned: not refundable, more than is left, unpaid. */
    private static final Set<String> REFUND_REFUSED_SUB = Set.of("ACQ.TRADE_STATUS_ERROR", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
            "ACQ.TRADE_NOT_EXIST", "ACQ.TRADE_HAS_FINISHED", "ACQ.REFUND_FEE_ERROR", "ACQ.REASON_TRADE_REFUND_FEE_ERR",
            "ACQ.SELLER_BALANCE_NOT_ENOUGH", "ACQ.DISCORDANT_REPEAT_REQUEST");

    static Outcome ofRefund(String code, String subCode) {
        if (OK.equals(code)) {
            return Outcome.SUCCESS;
        }
        if (REFUSED_TOP.contains(code) || ("40004".equals(code) && REFUND_REFUSED_SUB.contains(subCode))) {
            return Outcome.FAILURE;
        }
        return Outcome.UNKNOWN;
    }

    static Outcome ofQuery(String code, String subCode, String tradeStatus) {
        if (OK.equals(code)) {
            return tradeStatus == null ? Outcome.UNKNOWN : TRADE_STATUS.getOrDefault(tradeStatus, Outcome.UNKNOWN);
        }
        if ("40004".equals(code) && "ACQ.TRADE_NOT_EXIST".equals(subCode)) {
            return Outcome.NOT_FOUND;
        }
        return Outcome.UNKNOWN;
    }

    static Outcome ofClose(String code, String subCode) {
        if (OK.equals(code)) {
            return Outcome.SUCCESS;
        }
        if ("40004".equals(code) && "ACQ.TRADE_NOT_EXIST".equals(subCode)) {
            return Outcome.NOT_FOUND;
        }
        if ("40004".equals(code) && "ACQ.TRADE_STATUS_ERROR".equals(subCode)) {
            return Outcome.FAILURE; // not closable: paid meanwhile, the next query says so
        }
        return Outcome.UNKNOWN;
    }

    /** A notification's {@code trade_status}: only success and close are definite. */
    static Outcome ofNotification(String tradeStatus) {
        Outcome outcome = TRADE_STATUS.getOrDefault(String.valueOf(tradeStatus), Outcome.UNKNOWN);
        return outcome == Outcome.PENDING ? Outcome.UNKNOWN : outcome;
    }
}
