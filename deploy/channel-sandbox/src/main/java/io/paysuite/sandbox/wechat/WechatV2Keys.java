package io.paysuite.sandbox.wechat;

import io.paysuite.sandbox.SandboxProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The merchant's API v2 key ({@code paysuite.sandbox.wechat.v2-key-file}): v2 requests must carry its HMAC-SHA256
 * {@code sign}, answers are signed with it. Without the file the sandbox still starts and the v2 calls answer an
 * unsigned {@code return_code=FAIL}; a key of another length than 32 stops the start (WeChat's keys are 32 chars).
 */
@Component
class WechatV2Keys {

    private static final Logger log = LoggerFactory.getLogger(WechatV2Keys.class);

    private final String key;

    WechatV2Keys(SandboxProperties properties) throws IOException {
        String file = properties.wechat().v2KeyFile();
        if (file == null || file.isBlank()) {
            log.warn("paysuite.sandbox.wechat.v2-key-file not set: /pay/micropay, /pay/orderquery, /secapi/pay/reverse answer return_code=FAIL");
            this.key = null;
            return;
        }
        String read = Files.readString(Path.of(file)).strip();
        if (read.length() != 32) {
            throw new IllegalStateException("paysuite.sandbox.wechat.v2-key-file must hold a 32-character API v2 key, not "
                    + read.length() + " characters");
        }
        this.key = read;
    }

    boolean configured() {
        return key != null;
    }

    boolean verify(Map<String, String> request) {
        return V2Signature.verify(request, key);
    }

    String sign(Map<String, String> answer) {
        return V2Signature.sign(answer, key);
    }
}
