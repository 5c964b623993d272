package io.paysuite.channel.wechat.micropay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WechatV2XmlTest {

    private static Map<String, String> parse(String xml) {
        return WechatV2Xml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsCdataAndPlainValues() {
        Map<String, String> fields = parse("<xml><return_code><![CDATA[SUCCESS]]></return_code>\n  <total_fee>1234</total_fee>"
                + "<err_code_des><![CDATA[需要用户输入支付密码]]></err_code_des><attach></attach></xml>");
        assertThat(fields).containsExactly(Map.entry("return_code", "SUCCESS"), Map.entry("total_fee", "1234"),
                Map.entry("err_code_des", "需要用户输入支付密码"), Map.entry("attach", ""));
    }

    @Test
    void writesWhatItReadsBackEvenAwkwardText() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", "a <b> & c ]]> d");
        fields.put("out_trade_no", "C123");
        fields.put("skipped", null);
        String xml = WechatV2Xml.write(fields);
        assertThat(xml).startsWith("<xml><body><![CDATA[").doesNotContain("skipped");
        fields.remove("skipped");
        assertThat(parse(xml)).isEqualTo(fields);
        assertThatThrownBy(() -> WechatV2Xml.write(Map.of("bad name", "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><return_code>SUCCESS</return_code><return_msg>&s;</return_msg></xml>";
        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesInternalEntityExpansionAndExternalDtds() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<xml><return_msg>&b;</return_msg></xml>";
        assertThatThrownBy(() -> parse(laughs)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/x.dtd\"><xml></xml>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWhatIsNotTheFlatFormat() {
        assertThatThrownBy(() -> parse("<root><a>1</a></root>")).hasMessageContaining("<root>");
        assertThatThrownBy(() -> parse("<xml><a><b>1</b></a></xml>")).hasMessageContaining("nested");
        assertThatThrownBy(() -> parse("<xml><a>1</a><a>2</a></xml>")).hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("<xml>loose<a>1</a></xml>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("not xml")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
