package io.paysuite.member.merchant;

import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.RealNameStatus;
import java.time.Instant;

/**
 * A stored merchant. {@code onboardAppId} and {@code onboardSerialNo} are the app and key created
 * with it: {@link MerchantDTO} answers them ("as answered by onboarding"), also on later reads.
 *
 * @param requestDigest SHA-256 of the onboarding request's content ({@link OnboardDigest})
 */
public record Merchant(
        String merchantId,
        String name,
        RealNameStatus realNameStatus,
        boolean enabled,
        String requestNo,
        String requestDigest,
        String onboardAppId,
        String onboardSerialNo,
        Instant createdAt) {

    public MerchantDTO toDTO() {
        return new MerchantDTO(merchantId, name, onboardAppId, onboardSerialNo, realNameStatus, enabled, createdAt);
    }
}
