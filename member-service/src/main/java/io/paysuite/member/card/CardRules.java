package io.paysuite.member.card;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BindCardCmd;
import java.util.regex.Pattern;

/**
 * Input rules for binding a card (MemberService Javadoc). A refusal is {@code PARAM_ERROR} naming
 * the field and the rule, raised before anything is written. Messages never echo the token.
 */
public final class CardRules {

    /**
     * pay-core refuses a BANK_CARD payment whose token is not 8–64 letters or digits (PayRules), so a
     * shorter token is refused here too: a card that could be bound but never charged would only show
     * the buyer an error at the till.
     */
    static final Pattern TOKEN = Pattern.compile("[0-9A-Za-z]{8,64}");
    /**
     * {@code 6222 **** **** 0000}: a full card number (PAN) must never reach our tables, which would
     * bring member-service into PCI DSS scope for stored card data. Showing only the first four and
     * last four digits stays within what PCI DSS allows to be displayed (first six, last four).
     */
    static final Pattern MASKED_PAN = Pattern.compile("(\\d{4}|\\*{4})( \\*{4}){1,3} \\d{4}");
    static final int BANK_NAME_MAX = 32;

    private CardRules() {
    }

    public static void checkBinding(BindCardCmd cmd) {
        require(cmd != null, "request", "is required");
        require(cmd.buyerId() != null && !cmd.buyerId().isBlank(), "buyer_id", "is required");
        require(cmd.unionpayToken() != null && TOKEN.matcher(cmd.unionpayToken()).matches(), "unionpay_token",
                "must be 8-64 letters or digits");
        require(cmd.maskedPan() != null && MASKED_PAN.matcher(cmd.maskedPan()).matches(), "masked_pan",
                "must look like '6222 **** **** 0000': groups of four, asterisks in the middle, at most the first and last four digits");
        require(cmd.bankName() != null && !cmd.bankName().isBlank()
                        && cmd.bankName().codePointCount(0, cmd.bankName().length()) <= BANK_NAME_MAX,
                "bank_name", "must be 1-" + BANK_NAME_MAX + " characters");
        require(cmd.cardType() != null, "card_type", "must be DEBIT or CREDIT");
    }

    static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw new BizException(ErrorCode.PARAM_ERROR, field + " " + rule);
        }
    }
}
