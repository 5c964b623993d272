package io.paysuite.sandbox;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** PEM key files and SHA256withRSA ("RSA2") signatures with the JDK only. */
public final class RsaKeys {

    private RsaKeys() {
    }

    public static PublicKey readPublicKey(Path pem) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY")));
    }

    public static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
    }

    /** Base64 of SHA256withRSA over {@code content} encoded in {@code charset}. */
    public static String sign(String content, Charset charset, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(content.getBytes(charset));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    public static boolean verify(String content, Charset charset, String base64Signature, PublicKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(content.getBytes(charset));
            return signature.verify(Base64.getMimeDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pemBody(Path pem, String type) throws IOException {
        String text = Files.readString(pem);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(pem + " is not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
