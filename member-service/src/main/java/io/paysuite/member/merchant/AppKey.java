package io.paysuite.member.merchant;

import io.paysuite.api.member.AppKeyDTO;
import java.time.Instant;

/**
 * A public key of a merchant app, named by its serial number.
 *
 * @param validUntil null: valid until it is disabled (keys are rotated by adding a new one)
 */
public record AppKey(
        String merchantId,
        String appId,
        String serialNo,
        String publicKeyPem,
        Instant validFrom,
        Instant validUntil) {

    /** A key outside its validity window verifies nothing, as an expired certificate would. */
    public boolean isValidAt(Instant now) {
        return !validFrom.isAfter(now) && (validUntil == null || validUntil.isAfter(now));
    }

    public AppKeyDTO toDTO() {
        return new AppKeyDTO(merchantId, appId, serialNo, publicKeyPem, validFrom, validUntil);
    }
}
