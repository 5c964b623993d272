package io.paysuite.channel.wechat.micropay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WechatV2SignerTest {

    /** The example of WeChat Pay's v2 signature page (key, fields and the HMAC-SHA256 result as published there). */
    private static final String DOC_KEY = "192006250b4c09247ec02edce69f6a2d";

    private static Map<String, String> docFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", "wxd930ea5d5a258f4f");
        fields.put("mch_id", "10000100");
        fields.put("device_info", "1000");
        fields.put("body", "test");
        fields.put("nonce_str", "ibuaiVcKdpRxkhJA");
        return fields;
    }

    @Test
    void signsTheDocumentationExample() {
        assertThat(new WechatV2Signer(DOC_KEY).sign(docFields()))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void signTypeIsSignedEmptyValuesAndSignAreNot() {
        Map<String, String> fields = docFields();
        fields.put("sign_type", "HMAC-SHA256");
        fields.put("attach", "");
        fields.put("sign", "whatever");
        // appid=…&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&sign_type=HMAC-SHA256&key=…
        assertThat(new WechatV2Signer(DOC_KEY).sign(fields))
                .isEqualTo("2C9DF1156522C0B2B03B4DBF3BCA5CACB602CBD5CA0F9E112458CF3E9855303B");
    }

    @Test
    void verifiesRegardlessOfHexCaseAndRefusesTamperingOrNoSign() {
        WechatV2Signer signer = new WechatV2Signer(DOC_KEY);
        Map<String, String> fields = docFields();
        fields.put("sign", "6a9ae1657590fd6257d693a078e1c3e4bb6ba4dc30b23e0ee2496e54170dacd6");
        assertThat(signer.verify(fields)).isTrue();
        fields.put("body", "test2");
        assertThat(signer.verify(fields)).isFalse();
        fields.remove("sign");
        assertThat(signer.verify(fields)).isFalse();
        assertThat(new WechatV2Signer("0123456789abcdef0123456789abcdef").verify(docFieldsSigned(signer))).isFalse();
    }

    @Test
    void aKeyIs32Characters() {
        assertThatThrownBy(() -> new WechatV2Signer("short")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> docFieldsSigned(WechatV2Signer signer) {
        Map<String, String> fields = docFields();
        fields.put("sign", signer.sign(fields));
        return fields;
    }
}
