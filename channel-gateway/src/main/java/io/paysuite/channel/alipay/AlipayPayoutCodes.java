package io.paysuite.channel.alipay;

import io.paysuite.channel.adapter.Outcome;
import java.util.Map;
import java.util.Set;

/**
 * Alipay's transfer answers → our outcomes, conservative: what is not listed is {@code UNKNOWN} and
 * leaves the payout {@code PROCESSING}. Sources: the open-platform public codes (10000 success, 20000
 * service unavailable, 40001/40002 the request refused before any processing, 40004 business failure
 * with {@code sub_code}) and the error codes of {@code alipay.fund.trans.uni.transfer} and
 * {@code alipay.fund.trans.common.query}.
 */
final class AlipayPayoutCodes {

    static final String OK = "10000";

    /**
     * Refusals of a transfer that prove nothing was paid: the payee's card or name is wrong, the
     * platform's account cannot pay it, a limit. Not here: {@code PAYMENT_INFO_INCONSISTENCY} (this
     * out_biz_no exists with other content: the first transfer stands and the query tells its fate)
     * and {@code SYSTEM_ERROR}.
     */
    private static final Set<String> REFUSED_SUB = Set.of("PAYEE_CARD_INFO_ERROR", "PAYER_BALANCE_NOT_ENOUGH", "PAYEE_NOT_EXIST",
            "PAYEE_USER_INFO_ERROR", "PAYEE_ACCOUNT_STATUS_ERROR", "PAYEE_ACC_OCUPIED", "PAYER_STATUS_ERROR", "PAYER_USER_INFO_ERROR",
            "EXCEED_LIMIT_SM_AMOUNT", "EXCEED_LIMIT_DM_AMOUNT", "EXCEED_LIMIT_SM_MIN_AMOUNT", "PERMIT_CHECK_PERM_LIMITED",
            "INVALID_PARAMETER", "MONEY_PAY_CLOSED", "PAYCARD_UNABLE_PAYMENT", "CARD_BIN_ERROR");
    private static final Set<String> REFUSED_TOP = Set.of("20001", "40001", "40002");

    /**
     * The transfer's and the query's {@code status}. {@code REFUND} (退票): the bank sent the money
     * back — not paid; after a recorded success it changes nothing here (the first final answer won)
     * and is reconciliation's to find. {@code CLOSED}: the order timed out unpaid.
     */
    private static final Map<String, Outcome> STATUS = Map.of(
            "SUCCESS", Outcome.SUCCESS,
            "DEALING", Outcome.PENDING,
            "WAIT_PAY", Outcome.PENDING,
            "FAIL", Outcome.FAILURE,
            "REFUND", Outcome.FAILURE,
            "CLOSED", Outcome.FAILURE);

    private AlipayPayoutCodes() {
    }

    static Outcome ofTransfer(String code, String subCode, String status) {
        if (OK.equals(code)) {
            return status == null ? Outcome.UNKNOWN : STATUS.getOrDefault(status, Outcome.UNKNOWN);
        }
        if (REFUSED_TOP.contains(code) || ("40004".equals(code) && REFUSED_SUB.contains(subCode))) {
            return Outcome.FAILURE;
        }
        return Outcome.UNKNOWN;
    }

    static Outcome ofQuery(String code, String subCode, String status) {
        if (OK.equals(code)) {
            return status == null ? Outcome.UNKNOWN : STATUS.getOrDefault(status, Outcome.UNKNOWN);
        }
        if ("40004".equals(code) && "ORDER_NOT_EXIST".equals(subCode)) {
            return Outcome.NOT_FOUND;
        }
        return Outcome.UNKNOWN;
    }
}
