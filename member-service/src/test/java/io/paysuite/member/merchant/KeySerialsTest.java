package io.paysuite.member.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class KeySerialsTest {

    private final PublicKeyPem key = PublicKeyPem.parse("public_key", TestKeys.RSA_2048);

    @Test
    void aGeneratedSerialLooksLikeAWeChatPayCertificateSerial() {
        assertThat(KeySerials.of("app_demo", key)).matches("[0-9A-F]{40}");
    }

    @Test
    void theSameKeyOnTheSameAppAlwaysGetsTheSameSerial() {
        assertThat(KeySerials.of("app_demo", key)).isEqualTo(KeySerials.of("app_demo", key));
    }

    @Test
    void theSameKeyOnAnotherAppOrAnotherKeyGetsAnotherSerial() {
        assertThat(KeySerials.of("app_other", key)).isNotEqualTo(KeySerials.of("app_demo", key));
        assertThat(KeySerials.of("app_demo", PublicKeyPem.parse("k", TestKeys.RSA_2048_OTHER)))
                .isNotEqualTo(KeySerials.of("app_demo", key));
    }

    @Test
    void generatedAppIdsAreAppUnderscoreAndSixteenLowerHexDigits() {
        String appId = new MerchantIds(new SecureRandom()).newAppId();

        assertThat(appId).matches("app_[0-9a-f]{16}");
        assertThat(MerchantIds.isAppId(appId)).isTrue();
    }

    @Test
    void merchantIdsAreMAndDigits() {
        assertThat(MerchantIds.isMerchantId("M10000001")).isTrue();
        assertThat(MerchantIds.isMerchantId("M")).isFalse();
        assertThat(MerchantIds.isMerchantId("m10000001")).isFalse();
        assertThat(MerchantIds.isMerchantId("M1000000X")).isFalse();
    }
}
