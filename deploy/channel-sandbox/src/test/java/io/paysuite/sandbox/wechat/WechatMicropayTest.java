package io.paysuite.sandbox.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeChat Pay v2 payment code ({@code /pay/micropay}, {@code /pay/orderquery}, {@code /secapi/pay/reverse}) with a
 * client written here from WeChat's v2 rules (flat XML, HMAC-SHA256 over the sorted {@code k=v&…&key=}, upper-case
 * hex), not with the sandbox's own classes: a passing call proves the wire format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WechatMicropayTest {

    static final String V2_KEY = "SandboxApiV2Key0123456789abcdefg";
    private static final Pattern FIELD = Pattern.compile("<(\\w+)><!\\[CDATA\\[(.*?)]]></\\1>|<(\\w+)>([^<]*)</\\3>");

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) throws Exception {
        Path key = Files.createTempFile("sandbox-wechat-v2-", ".key");
        key.toFile().deleteOnExit();
        Files.writeString(key, V2_KEY + "\n");
        registry.add("paysuite.sandbox.time-scale", () -> "0.001");
        registry.add("paysuite.sandbox.wechat.latency", () -> "1ms");
        registry.add("paysuite.sandbox.wechat.v2-key-file", key::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void clearFaults() {
        rest.delete("/sandbox/v1/faults");
    }

    @Test
    void codeEnding0000PaysAtOnceAndShowsInQueryOrdersAndTheBill() throws Exception {
        String no = number();
        Map<String, String> paid = micropay(no, authCode("0000"), 1234);
        assertThat(paid).containsEntry("return_code", "SUCCESS").containsEntry("result_code", "SUCCESS")
                .containsEntry("trade_type", "MICROPAY").containsEntry("total_fee", "1234").containsEntry("cash_fee", "1234")
                .containsEntry("out_trade_no", no).containsEntry("appid", WechatTestKeys.APPID)
                .containsEntry("mch_id", WechatTestKeys.MCHID).containsKeys("transaction_id", "time_end", "openid", "nonce_str");
        assertThat(paid.get("transaction_id")).hasSize(28).startsWith("4200");

        Map<String, String> query = call("/pay/orderquery", Map.of("out_trade_no", no));
        assertThat(query).containsEntry("result_code", "SUCCESS").containsEntry("trade_state", "SUCCESS")
                .containsEntry("trade_type", "MICROPAY").containsEntry("total_fee", "1234")
                .containsEntry("transaction_id", paid.get("transaction_id"));
        assertThat(call("/pay/orderquery", Map.of("transaction_id", paid.get("transaction_id"))))
                .containsEntry("out_trade_no", no);

        assertThat(rest.getForObject("/sandbox/v1/orders/WECHAT/" + no, Map.class)).containsEntry("status", "SUCCESS")
                .containsEntry("amount_fen", 1234).containsEntry("trade_no", paid.get("transaction_id"));
        String bill = new String(rest.getForObject("/sandbox/v1/bills/WECHAT/" + LocalDate.now(ZoneId.of("Asia/Shanghai")),
                byte[].class), StandardCharsets.UTF_8);
        assertThat(bill).containsPattern("`" + no + ",`oSbx\\w+,`MICROPAY,`SUCCESS,");

        assertThat(micropay(no, authCode("0000"), 1234)).as("a repeat of a paid number")
                .containsEntry("result_code", "FAIL").containsEntry("err_code", "ORDERPAID");
        assertThat(micropay(no, authCode("0000"), 99)).containsEntry("err_code", "OUT_TRADE_NO_USED");
    }

    @Test
    void codeEnding8888WaitsForTheBuyerThenPays() throws Exception {
        String no = number();
        assertThat(micropay(no, authCode("8888"), 500)).containsEntry("return_code", "SUCCESS")
                .containsEntry("result_code", "FAIL").containsEntry("err_code", "USERPAYING");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(call("/pay/orderquery", Map.of("out_trade_no", no)))
                .containsEntry("trade_state", "SUCCESS").containsEntry("total_fee", "500").containsKey("time_end"));
    }

    @Test
    void codeEnding9999WaitsForeverUntilReversed() throws Exception {
        String no = number();
        assertThat(micropay(no, authCode("9999"), 300)).containsEntry("err_code", "USERPAYING");
        Thread.sleep(50); // far beyond the 8888 buyer's scaled delay
        assertThat(call("/pay/orderquery", Map.of("out_trade_no", no))).containsEntry("result_code", "SUCCESS")
                .containsEntry("trade_state", "USERPAYING");
        assertThat(micropay(no, authCode("9999"), 300)).as("a repeat while waiting").containsEntry("err_code", "USERPAYING");

        assertThat(call("/secapi/pay/reverse", Map.of("out_trade_no", no))).containsEntry("return_code", "SUCCESS")
                .containsEntry("result_code", "SUCCESS").containsEntry("recall", "N");
        assertThat(call("/pay/orderquery", Map.of("out_trade_no", no))).containsEntry("trade_state", "REVOKED");
        assertThat(call("/secapi/pay/reverse", Map.of("out_trade_no", no))).as("again").containsEntry("result_code", "SUCCESS")
                .containsEntry("recall", "N");
        assertThat(micropay(no, authCode("9999"), 300)).containsEntry("err_code", "ORDERREVERSED");
        assertThat(rest.getForObject("/sandbox/v1/orders/WECHAT/" + no, Map.class)).containsEntry("status", "REVOKED")
                .containsEntry("refunded_fen", 0);
    }

    @Test
    void reversingAPaidOrderGivesTheMoneyBack() throws Exception {
        String no = number();
        assertThat(micropay(no, authCode("0000"), 777)).containsEntry("result_code", "SUCCESS");
        assertThat(call("/secapi/pay/reverse", Map.of("out_trade_no", no))).containsEntry("result_code", "SUCCESS")
                .containsEntry("recall", "N");
        assertThat(call("/pay/orderquery", Map.of("out_trade_no", no))).containsEntry("trade_state", "REVOKED");
        assertThat(rest.getForObject("/sandbox/v1/orders/WECHAT/" + no, Map.class)).containsEntry("status", "REVOKED")
                .containsEntry("refunded_fen", 777);
        String bill = new String(rest.getForObject("/sandbox/v1/bills/WECHAT/" + LocalDate.now(ZoneId.of("Asia/Shanghai")),
                byte[].class), StandardCharsets.UTF_8);
        assertThat(bill).contains("`MICROPAY,`REFUND,").contains("`REVOKE" + no + ",`7.77,");
    }

    @Test
    void refusedCodesCreateNothing() throws Exception {
        String no = number();
        assertThat(micropay(no, authCode("1111"), 100)).containsEntry("result_code", "FAIL")
                .containsEntry("err_code", "AUTH_CODE_INVALID");
        assertThat(micropay(no, authCode("2222"), 100)).containsEntry("err_code", "NOTENOUGH");
        assertThat(micropay(no, "280000000000000000", 100)).as("an Alipay code").containsEntry("err_code", "AUTH_CODE_INVALID");
        assertThat(micropay(no, "1300", 100)).as("too short").containsEntry("err_code", "AUTH_CODE_INVALID");
        assertThat(call("/pay/orderquery", Map.of("out_trade_no", no))).containsEntry("return_code", "SUCCESS")
                .containsEntry("result_code", "FAIL").containsEntry("err_code", "ORDERNOTEXIST");
        assertThat(rest.getForEntity("/sandbox/v1/orders/WECHAT/" + no, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void reversingAnUnseenNumberSucceedsAndALateMicropayIsRefused() throws Exception {
        String no = number();
        assertThat(call("/secapi/pay/reverse", Map.of("out_trade_no", no))).containsEntry("result_code", "SUCCESS")
                .containsEntry("recall", "N");
        assertThat(micropay(no, authCode("0000"), 100)).containsEntry("err_code", "ORDERREVERSED");
    }

    @Test
    void badlySignedOrMalformedRequestsAreRefusedUnsigned() throws Exception {
        Map<String, String> request = base();
        request.put("out_trade_no", number());
        request.put("sign", sign(request, "AnotherKey0123456789abcdefghijkl"));
        assertThat(post("/pay/orderquery", xml(request))).containsEntry("return_code", "FAIL")
                .containsEntry("return_msg", "签名错误").doesNotContainKey("sign");

        request.put("sign", "");
        assertThat(post("/pay/orderquery", xml(request))).containsEntry("return_msg", "签名错误");

        Map<String, String> md5 = base();
        md5.put("sign_type", "MD5");
        md5.put("out_trade_no", number());
        md5.put("sign", sign(md5, V2_KEY));
        assertThat(post("/pay/orderquery", xml(md5))).containsEntry("return_code", "FAIL");

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><appid>&x;</appid></xml>";
        assertThat(post("/pay/orderquery", xxe)).containsEntry("return_code", "FAIL").containsEntry("return_msg", "XML格式错误");
        assertThat(post("/pay/orderquery", "not xml")).containsEntry("return_code", "FAIL");
    }

    @Test
    void faultsOfChannelWechatApply() throws Exception {
        String no = number();
        fault("charge", "ERROR", 0, null);
        assertThat(micropay(no, authCode("0000"), 100)).containsEntry("result_code", "FAIL").containsEntry("err_code", "SYSTEMERROR");
        rest.delete("/sandbox/v1/faults");
        assertThat(call("/pay/orderquery", Map.of("out_trade_no", no))).as("nothing applied").containsEntry("err_code", "ORDERNOTEXIST");

        fault("charge", "ERROR", 0, "NOTENOUGH");
        assertThat(micropay(no, authCode("0000"), 100)).containsEntry("err_code", "NOTENOUGH");
        rest.delete("/sandbox/v1/faults");

        assertThat(micropay(no, authCode("0000"), 100)).containsEntry("result_code", "SUCCESS");
        fault("query", "NOT_FOUND", 0, null);
        assertThat(call("/pay/orderquery", Map.of("out_trade_no", no))).containsEntry("err_code", "ORDERNOTEXIST");
        rest.delete("/sandbox/v1/faults");

        String late = number();
        fault("charge", "TIMEOUT", 1500, null);
        assertThatThrownBy(() -> post("/pay/micropay", xml(signed(micropayFields(late, authCode("0000"), 100))), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(call("/pay/orderquery", Map.of("out_trade_no", late))).as("applied before the answer was held")
                .containsEntry("trade_state", "SUCCESS");
    }

    // ---- the hand-written v2 client ----

    private Map<String, String> micropay(String no, String authCode, long fen) throws Exception {
        return post("/pay/micropay", xml(signed(micropayFields(no, authCode, fen))));
    }

    private Map<String, String> micropayFields(String no, String authCode, long fen) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("out_trade_no", no);
        fields.put("body", "沙箱<付款码>&测试");
        fields.put("total_fee", Long.toString(fen));
        fields.put("spbill_create_ip", "127.0.0.1");
        fields.put("auth_code", authCode);
        return fields;
    }

    private Map<String, String> call(String path, Map<String, String> fields) throws Exception {
        return post(path, xml(signed(fields)));
    }

    private Map<String, String> signed(Map<String, String> fields) {
        Map<String, String> request = base();
        request.putAll(fields);
        request.put("sign", sign(request, V2_KEY));
        return request;
    }

    private static Map<String, String> base() {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("appid", WechatTestKeys.APPID);
        request.put("mch_id", WechatTestKeys.MCHID);
        request.put("nonce_str", UUID.randomUUID().toString().replace("-", ""));
        request.put("sign_type", "HMAC-SHA256");
        return request;
    }

    private Map<String, String> post(String path, String body) throws Exception {
        return post(path, body, Duration.ofSeconds(5));
    }

    /** Posts, parses the answer and checks its signature whenever return_code is SUCCESS. */
    private Map<String, String> post(String path, String body, Duration timeout) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout).header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        Map<String, String> answer = new LinkedHashMap<>();
        assertThat(response.body()).startsWith("<xml>").endsWith("</xml>");
        Matcher m = FIELD.matcher(response.body());
        while (m.find()) {
            answer.put(m.group(1) != null ? m.group(1) : m.group(3), m.group(1) != null ? m.group(2) : m.group(4));
        }
        if ("SUCCESS".equals(answer.get("return_code"))) {
            assertThat(answer.get("sign")).as("signed answer").isEqualTo(sign(answer, V2_KEY));
        }
        return answer;
    }

    private static String xml(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((k, v) -> xml.append('<').append(k).append("><![CDATA[").append(v).append("]]></").append(k).append('>'));
        return xml.append("</xml>").toString();
    }

    /** WeChat v2 HMAC-SHA256: non-empty fields but sign, sorted, k=v&…&key=KEY, HMAC keyed by KEY, upper-case hex. */
    static String sign(Map<String, String> fields, String key) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((k, v) -> {
            if (!k.equals("sign") && v != null && !v.isEmpty()) {
                text.append(k).append('=').append(v).append('&');
            }
        });
        text.append("key=").append(key);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8))).toUpperCase();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void fault(String operation, String mode, long millis, String code) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("channel", "WECHAT");
        rule.put("operation", operation);
        rule.put("mode", mode);
        rule.put("rate", 1.0);
        rule.put("millis", millis);
        rule.put("code", code);
        assertThat(rest.postForEntity("/sandbox/v1/faults", rule, String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** 18 digits, prefix 10–15 (WeChat's payment codes), ending as the script wants. */
    private static String authCode(String ending) {
        return "134" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L)) + ending;
    }

    private static String number() {
        return "MP" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
