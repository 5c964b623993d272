package io.paysuite.member.buyer;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.RegisterBuyerCmd;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Input rules for buyers (MemberService Javadoc). A refusal is {@code PARAM_ERROR} naming the
 * field and the rule, raised before anything is hashed or written. Messages never echo a secret.
 */
public final class BuyerRules {

    static final Pattern PHONE = Pattern.compile("\\d{6,20}");
    static final Pattern PAY_PASSWORD = Pattern.compile("\\d{6}");
    static final int PASSWORD_MIN_CHARS = 8;
    /** BCrypt reads only the first 72 bytes; a longer password would be silently cut, so it is refused. */
    static final int PASSWORD_MAX_BYTES = 72;
    static final int NICKNAME_MAX = 32;

    private BuyerRules() {
    }

    public static void checkRegistration(RegisterBuyerCmd cmd) {
        require(cmd != null, "request", "is required");
        checkPhone(cmd.phone());
        require(isPasswordShaped(cmd.password()), "password",
                "must be at least " + PASSWORD_MIN_CHARS + " characters and at most " + PASSWORD_MAX_BYTES + " bytes");
        checkPayPassword(cmd.payPassword());
        require(cmd.nickname() == null
                        || (!cmd.nickname().isBlank() && cmd.nickname().codePointCount(0, cmd.nickname().length()) <= NICKNAME_MAX),
                "nickname", "must be 1-" + NICKNAME_MAX + " characters when given");
    }

    public static void checkPhone(String phone) {
        require(phone != null && PHONE.matcher(phone).matches(), "phone", "must be 6-20 digits");
    }

    public static void checkPayPassword(String payPassword) {
        require(payPassword != null && PAY_PASSWORD.matcher(payPassword).matches(), "pay_password", "must be 6 digits");
    }

    /** Whether a login password could have been registered at all (too long ones never were). */
    public static boolean isPasswordShaped(String password) {
        return password != null
                && password.codePointCount(0, password.length()) >= PASSWORD_MIN_CHARS
                && password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_MAX_BYTES;
    }

    static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw new BizException(ErrorCode.PARAM_ERROR, field + " " + rule);
        }
    }
}
