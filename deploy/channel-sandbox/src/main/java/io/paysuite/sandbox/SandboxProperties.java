package io.paysuite.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.sandbox.*}. Other modules (the launcher, the integration tests) set these names.
 *
 * @param timeScale multiplies notification retry gaps and the Alipay 8888 buyer's confirmation delay (tests use 0.001)
 * @param alipay    the Alipay open-platform gateway played at {@code /gateway.do}
 */
@ConfigurationProperties(prefix = "paysuite.sandbox")
public record SandboxProperties(@DefaultValue("1.0") double timeScale, @DefaultValue Alipay alipay) {

    /**
     * @param appId              the only merchant app accepted (another → 40002 {@code isv.invalid-app-id})
     * @param appPublicKey       path to a PEM {@code PUBLIC KEY} (X.509) of the merchant app; requests must verify against it
     * @param platformPrivateKey path to a PEM {@code PRIVATE KEY} (PKCS#8) the sandbox signs answers and notifications with
     * @param latency            base latency added to each gateway call
     */
    public record Alipay(@DefaultValue("2021000000000001") String appId, String appPublicKey, String platformPrivateKey,
                         @DefaultValue("20ms") Duration latency) {
    }
}
