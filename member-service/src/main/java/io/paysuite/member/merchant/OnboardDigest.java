package io.paysuite.member.merchant;

import io.paysuite.api.member.OnboardMerchantCmd;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What "the same onboarding request" means: SHA-256 over the name, the canonical key and the
 * requested merchant and app ids (absent ones included as absent). Each field is length-prefixed
 * so that no two different requests can concatenate to the same bytes. The key enters in its
 * canonical form, so a repeat that differs only in PEM line ends is still the same request.
 */
final class OnboardDigest {

    private OnboardDigest() {
    }

    static String of(OnboardMerchantCmd cmd, PublicKeyPem key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            field(sha256, cmd.name());
            field(sha256, key.pem());
            field(sha256, cmd.merchantId());
            field(sha256, cmd.appId());
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private static void field(MessageDigest sha256, String value) {
        if (value == null) {
            sha256.update(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha256.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                (byte) (bytes.length >>> 8), (byte) bytes.length});
        sha256.update(bytes);
    }
}
