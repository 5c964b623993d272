package io.paysuite.member.merchant;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A merchant's RSA public key, checked and kept in one canonical PEM form.
 *
 * <p>Accepted: exactly one X.509 SubjectPublicKeyInfo block ({@code -----BEGIN PUBLIC KEY-----},
 * what {@code openssl rsa -pubout} writes and what WeChat Pay v3 and Alipay ask merchants to
 * upload) holding an RSA key of at least 2048 bits — NIST SP 800-131A retired shorter RSA keys
 * for signatures in 2013. PKCS#1 ({@code BEGIN RSA PUBLIC KEY}), certificates and private keys are
 * refused with a message that says so. The canonical form (base64 re-wrapped at 64 columns, LF
 * line ends) makes "the same key" mean the same bytes, whatever line ends the merchant sent.
 */
public final class PublicKeyPem {

    static final int MIN_RSA_BITS = 2048;
    /** Longer than any real key (an 8192-bit SPKI is about 1.5 KB of base64); stops absurd input early. */
    static final int MAX_PEM_CHARS = 8192;
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final Pattern BLOCK = Pattern.compile(
            "\\A\\s*" + BEGIN + "([A-Za-z0-9+/=\\s]+)" + END + "\\s*\\z");

    private final byte[] der;
    private final int bits;

    private PublicKeyPem(byte[] der, int bits) {
        this.der = der;
        this.bits = bits;
    }

    /** Parses and checks a PEM; {@code PARAM_ERROR} (field {@code field}) when it is not an acceptable RSA key. */
    public static PublicKeyPem parse(String field, String pem) {
        if (pem == null || pem.isBlank()) {
            throw refused(field, "is required");
        }
        if (pem.length() > MAX_PEM_CHARS) {
            throw refused(field, "is longer than " + MAX_PEM_CHARS + " characters");
        }
        if (pem.contains("BEGIN RSA PUBLIC KEY")) {
            throw refused(field, "is PKCS#1; send the X.509 form (-----BEGIN PUBLIC KEY-----, openssl rsa -pubout)");
        }
        if (pem.contains("PRIVATE KEY")) {
            throw refused(field, "must be a public key; never send a private key");
        }
        Matcher block = BLOCK.matcher(pem);
        if (!block.matches()) {
            throw refused(field, "must be one PEM block between " + BEGIN + " and " + END);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException badBase64) {
            throw refused(field, "is not valid base64");
        }
        RSAPublicKey key = rsa(field, der);
        int bits = key.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw refused(field, "is an RSA key of " + bits + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        return new PublicKeyPem(key.getEncoded(), bits);
    }

    private static RSAPublicKey rsa(String field, byte[] der) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException notRsa) { // also an EC or Ed25519 key: its SPKI names another algorithm
            throw refused(field, "is not an RSA public key in X.509 SubjectPublicKeyInfo form");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has RSA", impossible);
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw refused(field, "is not an RSA public key");
        }
        return rsa;
    }

    /** The DER-encoded SubjectPublicKeyInfo. */
    public byte[] der() {
        return der.clone();
    }

    public int bits() {
        return bits;
    }

    /** The canonical PEM: stored, answered, and compared. */
    public String pem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return BEGIN + "\n" + body + "\n" + END + "\n";
    }

    public boolean sameKeyAs(String storedPem) {
        return storedPem != null && pem().equals(storedPem);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKeyPem that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    private static BizException refused(String field, String rule) {
        return new BizException(ErrorCode.PARAM_ERROR, field + " " + rule);
    }
}
