package io.paysuite.member.merchant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Key serial numbers: the name a signed request carries to say which key verifies it. Formatted
 * like WeChat Pay certificate serials (40 upper-case hex characters). A generated serial is a
 * fingerprint, the first 20 bytes of SHA-256 over the app id and the key's DER, rather than a
 * random number: adding the same key to the same app twice yields the same serial, which makes
 * {@code addAppKey} without a serial idempotent for free; the app id in the hash keeps one key
 * reused by two apps from colliding on the globally unique serial.
 */
public final class KeySerials {

    static final int GENERATED_BYTES = 20;
    /** A serial the merchant chooses: letters and digits, as certificate serials are. */
    static final Pattern GIVEN = Pattern.compile("[0-9A-Za-z]{1,64}");

    private KeySerials() {
    }

    public static String of(String appId, PublicKeyPem key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(appId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(key.der());
            byte[] fingerprint = sha256.digest();
            return HexFormat.of().withUpperCase().formatHex(fingerprint, 0, GENERATED_BYTES);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    public static boolean isAcceptable(String serialNo) {
        return serialNo != null && GIVEN.matcher(serialNo).matches();
    }
}
