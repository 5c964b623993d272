package io.paysuite.sandbox.alipay;

import io.paysuite.sandbox.RsaKeys;
import io.paysuite.sandbox.SandboxProperties;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The merchant app's public key (requests verify against it) and the platform's private key (the sandbox
 * signs with it). Without the two key paths the sandbox still starts; the gateway then refuses every call.
 */
@Component
class AlipayKeys {

    private static final Logger log = LoggerFactory.getLogger(AlipayKeys.class);

    private final String appId;
    private final PublicKey appPublicKey;
    private final PrivateKey platformPrivateKey;

    AlipayKeys(SandboxProperties properties) throws Exception {
        SandboxProperties.Alipay alipay = properties.alipay();
        this.appId = alipay.appId();
        if (isSet(alipay.appPublicKey()) && isSet(alipay.platformPrivateKey())) {
            this.appPublicKey = RsaKeys.readPublicKey(Path.of(alipay.appPublicKey()));
            this.platformPrivateKey = RsaKeys.readPrivateKey(Path.of(alipay.platformPrivateKey()));
        } else {
            log.warn("paysuite.sandbox.alipay.app-public-key / platform-private-key not set: /gateway.do answers 40002");
            this.appPublicKey = null;
            this.platformPrivateKey = null;
        }
    }

    boolean configured() {
        return appPublicKey != null && platformPrivateKey != null;
    }

    String appId() {
        return appId;
    }

    /** A request's sign: every parameter but {@code sign} ({@code sign_type} included), sorted, non-empty, {@code k=v&…}. */
    boolean verifyRequest(Map<String, String> params, Charset charset) {
        String sign = params.get("sign");
        if (sign == null || sign.isBlank()) {
            return false;
        }
        return RsaKeys.verify(content(params, List.of("sign")), charset, sign, appPublicKey);
    }

    String sign(String content, Charset charset) {
        return RsaKeys.sign(content, charset, platformPrivateKey);
    }

    /** A notification's sign as {@code AlipaySignature.rsaCheckV1} checks it: without {@code sign} and {@code sign_type}. */
    String signNotification(Map<String, String> params, Charset charset) {
        return sign(content(params, List.of("sign", "sign_type")), charset);
    }

    static String content(Map<String, String> params, List<String> without) {
        List<String> keys = new ArrayList<>(params.keySet());
        Collections.sort(keys);
        StringBuilder content = new StringBuilder();
        for (String key : keys) {
            String value = params.get(key);
            if (without.contains(key) || key.isEmpty() || value == null || value.isEmpty()) {
                continue;
            }
            content.append(content.isEmpty() ? "" : "&").append(key).append('=').append(value);
        }
        return content.toString();
    }

    private static boolean isSet(String path) {
        return path != null && !path.isBlank();
    }
}
