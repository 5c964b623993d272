package io.paysuite.accounting.wallet;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import java.util.regex.Pattern;

/** The wallet commands' input rules: a refusal is {@code PARAM_ERROR} naming the field, raised before anything is asked or written. */
final class WalletRules {

    static final Pattern REQUEST_NO = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    static final Pattern BUYER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final Pattern PHONE = Pattern.compile("\\d{6,20}");
    static final Pattern CARD_ID = Pattern.compile("C[1-9]\\d{0,30}");
    static final String CURRENCY = "CNY";

    private WalletRules() {
    }

    static void requireBuyer(String buyerId, String field) {
        require(buyerId != null && BUYER_ID.matcher(buyerId).matches(), field + " must be 1-32 of [A-Za-z0-9_-]");
    }

    static void requireRequestNo(String requestNo) {
        require(requestNo != null && REQUEST_NO.matcher(requestNo).matches(), "request_no must be 6-64 of [A-Za-z0-9_-]");
    }

    static void requireAmount(Money amount) {
        require(amount != null && amount.isPositive(), "amount must be greater than 0");
        require(CURRENCY.equals(amount.currency()), "amount.currency must be CNY");
    }

    static void requirePhone(String phone) {
        require(phone != null && PHONE.matcher(phone).matches(), "to_phone must be 6-20 digits");
    }

    static void requireCard(String cardId) {
        require(cardId != null && CARD_ID.matcher(cardId).matches(), "card_id is not a bound card id");
    }

    static void requirePayPassword(String payPassword) {
        require(payPassword != null && !payPassword.isBlank(), "pay_password is required");
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new BizException(ErrorCode.PARAM_ERROR, message);
        }
    }
}
