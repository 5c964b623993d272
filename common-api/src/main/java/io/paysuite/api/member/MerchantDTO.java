package io.paysuite.api.member;

import java.io.Serializable;
import java.time.Instant;

/** A merchant with its first app and key serial as answered by onboarding. */
public record MerchantDTO(
        String merchantId,
        String name,
        String appId,
        String serialNo,
        RealNameStatus realNameStatus,
        boolean enabled,
        Instant createdAt) implements Serializable {
}
