package io.paysuite.sandbox.wechat;

import io.paysuite.sandbox.RsaKeys;
import io.paysuite.sandbox.SandboxProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay's side of the keys: the merchant's public key (requests' {@code WECHATPAY2-SHA256-RSA2048}
 * Authorization verifies against it), the platform's private key (answers and notifications are signed with it,
 * named by the public key id) and the APIv3 key (AES-256-GCM of notification resources). Without all three paths
 * the sandbox still starts; {@code /v3/**} then answers 500.
 */
@Component
class WechatKeys {

    static final String SCHEMA = "WECHATPAY2-SHA256-RSA2048";

    private static final Logger log = LoggerFactory.getLogger(WechatKeys.class);
    private static final Pattern TOKEN_FIELD = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final String NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final SandboxProperties.Wechat config;
    private final PublicKey merchantPublicKey;
    private final PrivateKey platformPrivateKey;
    private final byte[] apiV3Key;
    private final SecureRandom random = new SecureRandom();

    WechatKeys(SandboxProperties properties) throws Exception {
        this.config = properties.wechat();
        if (isSet(config.merchantPublicKey()) && isSet(config.platformPrivateKey()) && isSet(config.apiV3KeyFile())) {
            this.merchantPublicKey = RsaKeys.readPublicKey(Path.of(config.merchantPublicKey()));
            this.platformPrivateKey = RsaKeys.readPrivateKey(Path.of(config.platformPrivateKey()));
            this.apiV3Key = Files.readString(Path.of(config.apiV3KeyFile())).strip().getBytes(StandardCharsets.UTF_8);
            if (apiV3Key.length != 32) {
                throw new IllegalStateException("paysuite.sandbox.wechat.api-v3-key-file must hold a 32-character APIv3 key, not "
                        + apiV3Key.length + " bytes");
            }
        } else {
            log.warn("paysuite.sandbox.wechat.merchant-public-key / platform-private-key / api-v3-key-file not all set: /v3/** answers 500");
            this.merchantPublicKey = null;
            this.platformPrivateKey = null;
            this.apiV3Key = null;
        }
    }

    boolean configured() {
        return merchantPublicKey != null;
    }

    String mchid() {
        return config.mchid();
    }

    String appid() {
        return config.appid();
    }

    /**
     * Checks a request as WeChat does: the Authorization token's signature over
     * {@code method\ncanonicalUrl\ntimestamp\nnonce\nbody\n}, the merchant serial, then the merchant id.
     *
     * @param canonicalUrl the raw path and, when present, {@code ?} and the raw query
     * @throws WechatError 401 SIGN_ERROR or 403 NO_AUTH
     */
    void checkRequest(String authorization, String method, String canonicalUrl, String body) {
        if (authorization == null || !authorization.startsWith(SCHEMA + " ")) {
            throw WechatError.signError("Authorization 不是 " + SCHEMA + " 认证");
        }
        Map<String, String> token = new LinkedHashMap<>();
        Matcher m = TOKEN_FIELD.matcher(authorization.substring(SCHEMA.length() + 1));
        while (m.find()) {
            token.put(m.group(1), m.group(2));
        }
        for (String field : new String[] {"mchid", "nonce_str", "signature", "timestamp", "serial_no"}) {
            if (token.get(field) == null || token.get(field).isEmpty()) {
                throw WechatError.signError("Authorization 缺少 " + field);
            }
        }
        if (!config.merchantSerial().equals(token.get("serial_no"))) {
            throw WechatError.signError("商户证书序列号有误: " + token.get("serial_no"));
        }
        String message = method + "\n" + canonicalUrl + "\n" + token.get("timestamp") + "\n" + token.get("nonce_str") + "\n"
                + (body == null ? "" : body) + "\n";
        if (!RsaKeys.verify(message, StandardCharsets.UTF_8, token.get("signature"), merchantPublicKey)) {
            throw WechatError.signError("签名错误");
        }
        if (!config.mchid().equals(token.get("mchid"))) {
            throw WechatError.noAuth("商户号 " + token.get("mchid") + " 无权限");
        }
    }

    /** The headers of a signed answer or notification: timestamp, nonce, serial and the signature of {@code ts\nnonce\nbody\n}. */
    Map<String, String> signatureHeaders(String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = nonce(32);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Serial", config.publicKeyId());
        headers.put("Wechatpay-Signature", RsaKeys.sign(timestamp + "\n" + nonce + "\n" + body + "\n", StandardCharsets.UTF_8,
                platformPrivateKey));
        return headers;
    }

    /** AEAD_AES_256_GCM with the APIv3 key: Base64 of ciphertext‖tag (128 bits), as WeChat's notification resources. */
    String encrypt(String associatedData, String nonce, String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key, "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a notification resource", e);
        }
    }

    String nonce(int length) {
        StringBuilder nonce = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            nonce.append(NONCE_ALPHABET.charAt(random.nextInt(NONCE_ALPHABET.length())));
        }
        return nonce.toString();
    }

    private static boolean isSet(String path) {
        return path != null && !path.isBlank();
    }
}
