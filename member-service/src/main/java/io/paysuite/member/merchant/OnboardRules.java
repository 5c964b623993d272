package io.paysuite.member.merchant;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.AddAppKeyCmd;
import io.paysuite.api.member.OnboardMerchantCmd;
import java.util.regex.Pattern;

/**
 * Input rules for onboarding and key rotation. A refusal is {@code PARAM_ERROR} naming the field,
 * raised before anything is written; the key check is {@link PublicKeyPem#parse}.
 */
public final class OnboardRules {

    static final Pattern REQUEST_NO = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    static final int NAME_MAX = 128;

    private OnboardRules() {
    }

    /** Checks the onboarding request and answers its key in canonical form. */
    public static PublicKeyPem check(OnboardMerchantCmd cmd) {
        require(cmd != null, "request", "is required");
        require(cmd.requestNo() != null && REQUEST_NO.matcher(cmd.requestNo()).matches(),
                "request_no", "must be 6-64 of [A-Za-z0-9_-]");
        require(cmd.name() != null && !cmd.name().isBlank() && cmd.name().codePointCount(0, cmd.name().length()) <= NAME_MAX,
                "name", "must be 1-" + NAME_MAX + " characters");
        require(cmd.merchantId() == null || MerchantIds.isMerchantId(cmd.merchantId()),
                "merchant_id", "must be M followed by 1-31 digits when given");
        require(cmd.appId() == null || MerchantIds.isAppId(cmd.appId()),
                "app_id", "must be 3-32 of [A-Za-z0-9_] when given");
        return PublicKeyPem.parse("public_key", cmd.publicKeyPem());
    }

    /** Checks a key rotation request and answers its key in canonical form. */
    public static PublicKeyPem check(AddAppKeyCmd cmd) {
        require(cmd != null, "request", "is required");
        require(MerchantIds.isAppId(cmd.appId()), "app_id", "must be 3-32 of [A-Za-z0-9_]");
        require(cmd.serialNo() == null || KeySerials.isAcceptable(cmd.serialNo()),
                "serial_no", "must be 1-64 letters and digits when given");
        return PublicKeyPem.parse("public_key", cmd.publicKeyPem());
    }

    static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw new BizException(ErrorCode.PARAM_ERROR, field + " " + rule);
        }
    }
}
