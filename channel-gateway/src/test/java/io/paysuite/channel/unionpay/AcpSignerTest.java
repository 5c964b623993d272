package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A vector derived outside Java: the signing text written by hand (sorted, signature left out), its digest by
 * {@code printf '%s' "$TEXT" | sha256sum}, the signature by {@code printf '%s' "$HEX" | openssl dgst -sha256 -sign
 * vector-private-key.pem | base64 -w0} (PKCS#1 v1.5 is deterministic, so the bytes must match exactly).
 */
class AcpSignerTest {

    static final String TEXT = "accessType=0&bizType=000902&certId=68759529225&currencyCode=156&encoding=UTF-8"
            + "&merId=777290058110048&orderId=C20261129000000000000000001"
            + "&tokenPayData={token=6200000000010000&trId=62000000001}&txnAmt=1234&txnTime=20261129223344&txnType=01&version=5.1.0";
    static final String HEX = "c13b19d6500dc09c5a97c452ed2518a9ff54902d2703675b28b0b5e1b28eb56e";
    static final String SIGNATURE = "gRWQSMPvkP3yvqEp/OhFhwypH3KJsGxLB4u7Zwact7S1iLKYQEcZjE3K+DVvOsIjhmVmBTbZXLvpReB0xmBJ/A2sUkTY3z8nZ18TE+L+"
            + "m7aeFHAAxiUGdHH9I+aafQYDZN59sSy75KRH6kid/D023JDoSpvbrDAYhmmVq4zSGv0=";

    static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>(); // deliberately not in order
        fields.put("version", "5.1.0");
        fields.put("encoding", "UTF-8");
        fields.put("txnType", "01");
        fields.put("bizType", "000902");
        fields.put("accessType", "0");
        fields.put("merId", "777290058110048");
        fields.put("orderId", "C20261129000000000000000001");
        fields.put("txnTime", "20261129223344");
        fields.put("txnAmt", "1234");
        fields.put("currencyCode", "156");
        fields.put("tokenPayData", "{token=6200000000010000&trId=62000000001}");
        fields.put("certId", "68759529225");
        fields.put("signature", "left out of the text");
        return fields;
    }

    @Test
    void theTextIsSortedWithoutTheSignatureAndValuesRaw() {
        assertThat(AcpSigner.signingText(fields())).isEqualTo(TEXT);
        assertThat(AcpSigner.digestHex(TEXT)).isEqualTo(HEX);
        assertThat(AcpSigner.digestHex("abc")).as("FIPS 180-2 B.1")
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void signsTheLowercaseHexDigestExactlyAsOpenSslDoes() throws Exception {
        PrivateKey key = AcpSigner.readPrivateKey(resource("vector-private-key.pem"));
        assertThat(AcpSigner.sign(fields(), key)).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesTheVectorAndRefusesAnyChange() throws Exception {
        PublicKey key = AcpSigner.readPublicKey(resource("vector-public-key.pem"));
        Map<String, String> signed = fields();
        signed.put("signature", SIGNATURE);
        assertThat(AcpSigner.verify(signed, key)).isTrue();
        signed.put("txnAmt", "1235");
        assertThat(AcpSigner.verify(signed, key)).isFalse();
        signed.put("txnAmt", "1234");
        signed.put("signature", "not base64 !");
        assertThat(AcpSigner.verify(signed, key)).isFalse();
        signed.remove("signature");
        assertThat(AcpSigner.verify(signed, key)).isFalse();
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(AcpSignerTest.class.getResource("/unionpay/" + name).toURI());
    }
}
