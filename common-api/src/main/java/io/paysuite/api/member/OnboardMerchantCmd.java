package io.paysuite.api.member;

import java.io.Serializable;

/**
 * Onboard a merchant. Idempotent on {@code requestNo}. {@code appId} and {@code merchantId} may be
 * null (generated); the local demo fixes them so its files stay valid across runs.
 */
public record OnboardMerchantCmd(
        String requestNo,
        String name,
        String publicKeyPem,
        String merchantId,
        String appId) implements Serializable {
}
