package io.paysuite.member.promotion;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponTemplateCmd;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Input rules of a coupon template. A refusal is {@code PARAM_ERROR} naming the field (snake_case, as
 * the ops API spells it), raised before anything is written. Times are kept to the millisecond, what
 * {@code DATETIME(3)} stores, so a repeated request compares equal to the stored template.
 */
public final class CouponTermsRules {

    static final Pattern REQUEST_NO = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    static final int NAME_MAX = 64;
    static final String CURRENCY = "CNY";

    private CouponTermsRules() {
    }

    public static CouponTerms check(CouponTemplateCmd cmd, Instant now) {
        require(cmd != null, "request", "is required");
        requestNo(cmd.requestNo());
        require(cmd.name() != null && !cmd.name().isBlank() && cmd.name().codePointCount(0, cmd.name().length()) <= NAME_MAX,
                "name", "must be 1-" + NAME_MAX + " characters");
        require(cmd.kind() != null, "kind", "must be FIXED_AMOUNT or PERCENTAGE");
        require(cmd.fundedBy() != null, "funded_by", "must be PLATFORM or MERCHANT");
        Long amount = null;
        Integer percent = null;
        Long cap = null;
        if (cmd.kind() == CouponKind.FIXED_AMOUNT) {
            require(cmd.amount() != null, "amount", "is required for FIXED_AMOUNT");
            amount = positive(cmd.amount(), "amount");
            require(cmd.percentOff() == null, "percent_off", "applies only to PERCENTAGE");
            require(cmd.cap() == null, "cap", "applies only to PERCENTAGE");
        } else {
            require(cmd.percentOff() != null && cmd.percentOff() >= 1 && cmd.percentOff() <= 99, "percent_off",
                    "must be 1-99 for PERCENTAGE");
            require(cmd.amount() == null, "amount", "applies only to FIXED_AMOUNT");
            percent = cmd.percentOff();
            cap = cmd.cap() == null ? null : positive(cmd.cap(), "cap");
        }
        long minSpend = 0;
        if (cmd.minSpend() != null) {
            currency(cmd.minSpend(), "min_spend");
            require(cmd.minSpend().minor() >= 0, "min_spend", "must not be negative");
            minSpend = cmd.minSpend().minor();
        }
        if (amount != null && minSpend > 0) {
            require(amount < minSpend, "amount", "must be below min_spend (the buyer pays at least 0.01)");
        }
        Instant from = (cmd.validFrom() == null ? now : cmd.validFrom()).truncatedTo(ChronoUnit.MILLIS);
        require(cmd.validUntil() != null, "valid_until", "is required");
        Instant until = cmd.validUntil().truncatedTo(ChronoUnit.MILLIS);
        require(until.isAfter(from), "valid_until", "must be after valid_from");
        String merchant = cmd.merchantId();
        require(merchant == null || (!merchant.isBlank() && merchant.length() <= 32), "merchant_id", "must be 1-32 characters");
        return new CouponTerms(cmd.name().strip(), cmd.kind(), amount, percent, cap, minSpend, CURRENCY, from, until,
                cmd.fundedBy(), merchant);
    }

    static void requestNo(String requestNo) {
        require(requestNo != null && REQUEST_NO.matcher(requestNo).matches(), "request_no", "must be 6-64 of [A-Za-z0-9_-]");
    }

    private static long positive(Money money, String field) {
        currency(money, field);
        require(money.minor() > 0, field, "must be positive");
        return money.minor();
    }

    private static void currency(Money money, String field) {
        require(CURRENCY.equals(money.currency()), field, "must be in CNY");
    }

    static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw new BizException(ErrorCode.PARAM_ERROR, field + " " + rule);
        }
    }
}
