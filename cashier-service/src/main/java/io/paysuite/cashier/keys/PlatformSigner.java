package io.paysuite.cashier.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Signs what the platform sends merchants (docs/api/API.md, "Every response and every notification is
 * signed"): SHA256withRSA over {@code TIMESTAMP\nNONCE\nBODY\n} with the current platform key, the
 * same construction as WeChat Pay API v3's {@code Wechatpay-Signature}.
 */
@Component
public class PlatformSigner {

    public static final String TIMESTAMP = "Paysuite-Timestamp";
    public static final String NONCE = "Paysuite-Nonce";
    public static final String SERIAL = "Paysuite-Serial";
    public static final String SIGNATURE = "Paysuite-Signature";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The four headers to send with {@code body}. */
    public record Signed(String timestamp, String nonce, String serial, String signature) {
    }

    private final PlatformKeys keys;
    private final Clock clock;

    public PlatformSigner(PlatformKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public Signed sign(byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HexFormat.of().withUpperCase().formatHex(nonceBytes);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.signingKey());
            rsa.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
            rsa.update(body);
            rsa.update((byte) '\n');
            return new Signed(timestamp, nonce, keys.signingSerial(), Base64.getEncoder().encodeToString(rsa.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the platform key", e);
        }
    }
}
