package io.paysuite.sandbox.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.sandbox.RsaKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same vector channel-gateway's AcpSignerTest checks (text by hand, digest by sha256sum, signature by
 * {@code openssl dgst -sha256 -sign}): the sandbox and the gateway sign identically, without sharing code.
 */
class AcpSignatureTest {

    static final String TEXT = "accessType=0&bizType=000902&certId=68759529225&currencyCode=156&encoding=UTF-8"
            + "&merId=777290058110048&orderId=C20261129000000000000000001"
            + "&tokenPayData={token=6200000000010000&trId=62000000001}&txnAmt=1234&txnTime=20261129223344&txnType=01&version=5.1.0";
    static final String SIGNATURE = "gRWQSMPvkP3yvqEp/OhFhwypH3KJsGxLB4u7Zwact7S1iLKYQEcZjE3K+DVvOsIjhmVmBTbZXLvpReB0xmBJ/A2sUkTY3z8nZ18TE+L+"
            + "m7aeFHAAxiUGdHH9I+aafQYDZN59sSy75KRH6kid/D023JDoSpvbrDAYhmmVq4zSGv0=";

    @Test
    void signsAndVerifiesTheOpenSslVector() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
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
        assertThat(AcpSignature.signingText(fields)).isEqualTo(TEXT);
        assertThat(AcpSignature.digestHex(TEXT)).isEqualTo("c13b19d6500dc09c5a97c452ed2518a9ff54902d2703675b28b0b5e1b28eb56e");
        assertThat(AcpSignature.sign(fields, RsaKeys.readPrivateKey(resource("vector-private-key.pem")))).isEqualTo(SIGNATURE);
        fields.put("signature", SIGNATURE);
        assertThat(AcpSignature.verify(fields, RsaKeys.readPublicKey(resource("vector-public-key.pem")))).isTrue();
        fields.put("txnAmt", "1235");
        assertThat(AcpSignature.verify(fields, RsaKeys.readPublicKey(resource("vector-public-key.pem")))).isFalse();
    }

    private static Path resource(String name) throws Exception {
        return Path.of(AcpSignatureTest.class.getResource("/unionpay/" + name).toURI());
    }
}
