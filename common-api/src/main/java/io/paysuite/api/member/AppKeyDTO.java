package io.paysuite.api.member;

import java.io.Serializable;
import java.time.Instant;

/** One public key of a merchant app, named by its serial number. */
public record AppKeyDTO(
        String merchantId,
        String appId,
        String serialNo,
        String publicKeyPem,
        Instant validFrom,
        Instant validUntil) implements Serializable {
}
