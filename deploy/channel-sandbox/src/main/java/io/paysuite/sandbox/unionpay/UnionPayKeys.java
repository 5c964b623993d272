package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.RsaKeys;
import io.paysuite.sandbox.SandboxProperties;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One acquirer's side of the keys: its merchant's public key (requests verify against it and must name the merchant
 * certificate's {@code certId}) and the platform's private key (answers and notifications are signed with it and name
 * the platform {@code certId}). Without both paths the sandbox still starts; that acquirer's {@code /gateway/api/*.do}
 * then answers 500.
 */
class UnionPayKeys {

    private static final Logger log = LoggerFactory.getLogger(UnionPayKeys.class);

    private final SandboxProperties.UnionPay config;
    private final PublicKey merchantPublicKey;
    private final PrivateKey platformPrivateKey;

    UnionPayKeys(UnionPayAcquirer acquirer) throws Exception {
        this.config = acquirer.config();
        if (isSet(config.merchantPublicKey()) && isSet(config.platformPrivateKey())) {
            this.merchantPublicKey = RsaKeys.readPublicKey(Path.of(config.merchantPublicKey()));
            this.platformPrivateKey = RsaKeys.readPrivateKey(Path.of(config.platformPrivateKey()));
        } else {
            log.warn("{}.merchant-public-key / platform-private-key not both set: {}/gateway/api/*.do answers 500",
                    acquirer.configKey(), acquirer.basePath());
            this.merchantPublicKey = null;
            this.platformPrivateKey = null;
        }
    }

    boolean configured() {
        return merchantPublicKey != null;
    }

    SandboxProperties.UnionPay config() {
        return config;
    }

    /** The request names the merchant certificate and its signature verifies. */
    boolean verifies(Map<String, String> request) {
        return config.merchantCertId().equals(request.get("certId")) && AcpSignature.verify(request, merchantPublicKey);
    }

    /** The fields plus the platform's {@code certId} and {@code signature}, in a new map (insertion order kept). */
    Map<String, String> signed(Map<String, String> fields) {
        Map<String, String> answer = new LinkedHashMap<>(fields);
        answer.remove(AcpSignature.FIELD);
        answer.put("certId", config.platformCertId());
        answer.put(AcpSignature.FIELD, AcpSignature.sign(answer, platformPrivateKey));
        return answer;
    }

    private static boolean isSet(String path) {
        return path != null && !path.isBlank();
    }
}
