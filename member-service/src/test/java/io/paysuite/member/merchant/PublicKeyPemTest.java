package io.paysuite.member.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

class PublicKeyPemTest {

    @Test
    void anRsa2048SubjectPublicKeyInfoIsAccepted() {
        PublicKeyPem key = PublicKeyPem.parse("public_key", TestKeys.RSA_2048);

        assertThat(key.bits()).isEqualTo(2048);
        assertThat(key.pem()).isEqualTo(TestKeys.RSA_2048);
    }

    @Test
    void lineEndsAndSurroundingBlanksDoNotMakeAnotherKey() {
        String crlf = "\r\n  " + TestKeys.RSA_2048.replace("\n", "\r\n") + "\r\n";

        PublicKeyPem key = PublicKeyPem.parse("public_key", crlf);

        assertThat(key).isEqualTo(PublicKeyPem.parse("public_key", TestKeys.RSA_2048));
        assertThat(key.sameKeyAs(TestKeys.RSA_2048)).isTrue();
        assertThat(key.sameKeyAs(TestKeys.RSA_2048_OTHER)).isFalse();
    }

    @Test
    void rsaShorterThan2048BitsIsRefused() {
        assertRefused(TestKeys.RSA_1024, "1024 bits");
    }

    @Test
    void anEllipticCurveKeyIsRefused() {
        assertRefused(TestKeys.EC_P256, "not an RSA public key");
    }

    @Test
    void pkcs1AndPrivateKeysAreRefusedWithAMessageThatSaysSo() {
        assertRefused(TestKeys.RSA_2048.replace("PUBLIC KEY", "RSA PUBLIC KEY"), "PKCS#1");
        assertRefused("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "never send a private key");
    }

    @Test
    void malformedPemIsRefused() {
        assertRefused(null, "is required");
        assertRefused("  ", "is required");
        assertRefused("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", "one PEM block");
        assertRefused(TestKeys.RSA_2048 + TestKeys.RSA_2048_OTHER, "one PEM block");
        assertRefused("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n", "one PEM block");
        assertRefused("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "not an RSA public key");
        assertRefused("-----BEGIN PUBLIC KEY-----\nA\n-----END PUBLIC KEY-----\n", "base64");
        assertRefused("x".repeat(PublicKeyPem.MAX_PEM_CHARS + 1), "longer than");
    }

    private static void assertRefused(String pem, String messagePart) {
        assertThatThrownBy(() -> PublicKeyPem.parse("public_key", pem)).isInstanceOfSatisfying(BizException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR);
            assertThat(e.getMessage()).startsWith("public_key ").contains(messagePart);
        });
    }
}
