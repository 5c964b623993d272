package io.paysuite.cashier.page;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal shown on the form, as a message key and its arguments. The codes are pay-core's and
 * member-service's stable codes; the text is ours, so it can be localized (their messages are for
 * logs and merchants). Codes without their own text share one that names the code.
 */
public record PayRefusal(String messageKey, List<Object> args) {

    PayRefusal(String messageKey, Object... args) {
        this(messageKey, List.of(args));
    }

    /** The arguments as the template's {@code #messages.msgWithParams} takes them. */
    public Object[] params() {
        return args.toArray();
    }

    /** member-service says "wrong payment password; 3 attempts left" (PayPasswordCheck). */
    private static final Pattern ATTEMPTS_LEFT = Pattern.compile("(\\d+) attempts? left");

    private static final Map<String, String> OWN_TEXT = Map.of(
            "PAY_PASSWORD_LOCKED", "error.PAY_PASSWORD_LOCKED",
            "INSUFFICIENT_BALANCE", "error.INSUFFICIENT_BALANCE",
            "BUYER_MISMATCH", "error.BUYER_MISMATCH",
            "SERVICE_DEGRADED", "error.SERVICE_BUSY",
            // a coupon used elsewhere, expired or no longer applying since the form was shown, or points spent meanwhile
            "COUPON_NOT_USABLE", "error.COUPON_NOT_USABLE",
            "COUPON_NOT_FOUND", "error.COUPON_NOT_USABLE",
            "POINTS_INSUFFICIENT", "error.POINTS_INSUFFICIENT",
            // the form is shown again asking for the password once more (PayOutcome.StepUp)
            "RISK_STEP_UP_REQUIRED", "error.RISK_STEP_UP");

    public static PayRefusal of(String code, String message) {
        if ("PAY_PASSWORD_WRONG".equals(code)) {
            Matcher left = ATTEMPTS_LEFT.matcher(message == null ? "" : message);
            return left.find()
                    ? new PayRefusal("error.PAY_PASSWORD_WRONG", Integer.parseInt(left.group(1)))
                    : new PayRefusal("error.PAY_PASSWORD_WRONG.unknown");
        }
        if ("RISK_REJECTED".equals(code)) {
            // pay-core's risk rules: "this payment needs review" (no password to step up with) or a block
            return new PayRefusal(message != null && message.contains("review") ? "error.RISK_REVIEW" : "error.RISK_REJECTED");
        }
        String key = OWN_TEXT.get(code);
        return key != null ? new PayRefusal(key) : new PayRefusal("error.generic", String.valueOf(code));
    }

    public static PayRefusal of(String messageKey) {
        return new PayRefusal(messageKey);
    }
}
