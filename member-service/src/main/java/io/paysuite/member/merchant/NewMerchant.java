package io.paysuite.member.merchant;

import java.time.Instant;

/**
 * A merchant, its first app and that app's first key, written together in one transaction.
 *
 * @param merchantId null to let the database number it ({@link MerchantIds})
 * @param publicKeyPem the canonical PEM ({@link PublicKeyPem#pem()})
 */
public record NewMerchant(
        String requestNo,
        String requestDigest,
        String merchantId,
        String name,
        String appId,
        String serialNo,
        String publicKeyPem,
        Instant createdAt) {
}
