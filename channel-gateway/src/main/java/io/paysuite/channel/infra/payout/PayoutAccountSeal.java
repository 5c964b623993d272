package io.paysuite.channel.infra.payout;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a payout's full bank account number at rest: AES-256-GCM ({@code v1:} + Base64 of a random
 * 12-byte IV and the ciphertext with its tag), the payout number as associated data, so a sealed
 * number copied into another payout's row does not open. The key is derived by HMAC with a fixed
 * label from the suite's internal-call secret ({@code paysuite.internal-calls.secret-file}), which
 * every deployment already keeps in its secret store: a copy of the database alone reveals no account.
 * The JDK's JCA as is, like member-service's card-token vault: AES-GCM is all this needs.
 */
public final class PayoutAccountSeal {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** Without the suite's secret no payout can be recorded: refused before anything is sent. */
    public static PayoutAccountSeal unavailable() {
        return new PayoutAccountSeal();
    }

    private PayoutAccountSeal() {
        this.key = null;
    }

    public PayoutAccountSeal(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the payout account seal needs a secret of at least 16 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal("paysuite payout account seal v1".getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String payoutNo, String accountNo) {
        requireKey();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(payoutNo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(accountNo.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a payout account", e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed with this key for this payout */
    public String open(String payoutNo, String sealed) {
        requireKey();
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed payout account");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            cipher.updateAAD(payoutNo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed payout account does not open (another key, or another payout's row)", e);
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED,
                    "payouts need paysuite.internal-calls.secret-file to seal account numbers; nothing was sent");
        }
    }
}
