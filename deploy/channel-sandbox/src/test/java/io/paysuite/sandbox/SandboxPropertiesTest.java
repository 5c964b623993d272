package io.paysuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The names the launcher sets, and the defaults without them (application.yml aside). */
class SandboxPropertiesTest {

    @Test
    void eachUnionPayAcquirerHasItsOwnMerchantByDefault() {
        SandboxProperties properties = bind(Map.of());
        assertThat(properties.unionpay()).isEqualTo(new SandboxProperties.UnionPay("777290058110048", null, "68759529225", null,
                "69629715588", Duration.ofSeconds(2), Duration.ofMillis(20)));
        assertThat(properties.unionpayB()).isEqualTo(new SandboxProperties.UnionPay("777290058110049", null, "68759529226", null,
                "69629715588", Duration.ofSeconds(2), Duration.ofMillis(20)));
    }

    @Test
    void theSecondAcquirerIsSetUnderUnionpayB() {
        SandboxProperties properties = bind(Map.of(
                "paysuite.sandbox.unionpay-b.mer-id", "777290058110050",
                "paysuite.sandbox.unionpay-b.merchant-public-key", "/keys/b-merchant.pem",
                "paysuite.sandbox.unionpay-b.merchant-cert-id", "1",
                "paysuite.sandbox.unionpay-b.platform-private-key", "/keys/platform.pem",
                "paysuite.sandbox.unionpay-b.settle-delay", "5s",
                "paysuite.sandbox.unionpay.merchant-public-key", "/keys/a-merchant.pem"));
        assertThat(properties.unionpayB()).isEqualTo(new SandboxProperties.UnionPay("777290058110050", "/keys/b-merchant.pem", "1",
                "/keys/platform.pem", "69629715588", Duration.ofSeconds(5), Duration.ofMillis(20)));
        assertThat(properties.unionpay().merId()).isEqualTo("777290058110048");
        assertThat(properties.unionpay().merchantPublicKey()).isEqualTo("/keys/a-merchant.pem");
        assertThat(properties.unionpay().platformPrivateKey()).isNull();
    }

    private static SandboxProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("paysuite.sandbox", SandboxProperties.class);
    }
}
