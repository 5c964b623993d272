package io.paysuite.pay.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import java.util.regex.Pattern;

/** Input rules of {@link io.paysuite.api.pay.PayService#pay}; a refusal names the field and changes nothing. */
final class PayRules {

    private static final Pattern REQUEST_NO = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    private static final Pattern ORDER_NO = Pattern.compile("T\\d{25}");

    private PayRules() {
    }

    static void check(PayCmd cmd) {
        if (cmd == null) {
            throw param("request is required");
        }
        if (cmd.tradeNo() == null || !ORDER_NO.matcher(cmd.tradeNo()).matches()) {
            throw new BizException(ErrorCode.TRADE_NOT_FOUND, "no trade " + cmd.tradeNo());
        }
        if (cmd.buyerId() == null || cmd.buyerId().isBlank()) {
            throw param("buyer_id is required");
        }
        if (cmd.method() == null) {
            throw param("method is required");
        }
        if (cmd.requestNo() == null || !REQUEST_NO.matcher(cmd.requestNo()).matches()) {
            throw param("request_no must be 6-64 of [A-Za-z0-9_-]");
        }
        if (cmd.method().paymentCode() && PayMethod.ofPaymentCode(cmd.authCode()) != cmd.method()) {
            throw param("auth_code is not a " + cmd.method() + " payment code");
        }
        if (cmd.method() == PayMethod.BANK_CARD && (cmd.authCode() == null || !cmd.authCode().matches("[A-Za-z0-9]{8,64}"))) {
            throw param("the bound card's token is required for BANK_CARD");
        }
        if (cmd.method().needsPayPassword() && (cmd.payPassword() == null || cmd.payPassword().isBlank())) {
            throw param("pay_password is required");
        }
        if (cmd.stepUpOf() != null) {
            // a step-up confirms a password payment the risk rules refused in an earlier request: it carries the
            // password entered again, so it needs one, and it cannot name itself
            if (!cmd.method().needsPayPassword()) {
                throw param("step_up_of is only for payments confirmed with the payment password");
            }
            if (!REQUEST_NO.matcher(cmd.stepUpOf()).matches() || cmd.stepUpOf().equals(cmd.requestNo())) {
                throw param("step_up_of must be the request_no of an earlier attempt");
            }
        }
    }

    private static BizException param(String message) {
        return new BizException(ErrorCode.PARAM_ERROR, message);
    }
}
