package io.paysuite.channel.wechat.micropay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.wechat.WechatProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter against a tiny WeChat v2 played here: it checks the request's signature with its own copy of the key and
 * answers signed XML (or, per test, badly signed, unsigned, late, or not XML at all).
 */
class WechatMicropayAdapterTest {

    private static final String KEY = "MicropayTestKey0123456789abcdefg";
    private static final String OTHER_KEY = "AnotherKey0123456789abcdefghijkl";

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicReference<String> lastPath = new AtomicReference<>();
    private final AtomicReference<Map<String, String>> lastRequest = new AtomicReference<>();
    /** What the played WeChat answers: the business fields (return_code etc. added), or null for a raw body. */
    private volatile Function<Map<String, String>, Map<String, String>> script;
    private volatile String signingKey = KEY;
    private volatile String rawBody;
    private volatile int status = 200;
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            lastPath.set(exchange.getRequestURI().getPath());
            Map<String, String> request = WechatV2Xml.parse(in);
            lastRequest.set(request);
            byte[] out;
            if (rawBody != null) {
                out = rawBody.getBytes(StandardCharsets.UTF_8);
            } else if (!new WechatV2Signer(KEY).verify(request)) {
                out = "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[签名错误]]></return_msg></xml>"
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                Map<String, String> answer = new LinkedHashMap<>();
                answer.put("return_code", "SUCCESS");
                answer.put("return_msg", "OK");
                answer.put("appid", request.get("appid"));
                answer.put("mch_id", request.get("mch_id"));
                answer.put("nonce_str", "N0NCE");
                answer.putAll(script.apply(request));
                answer.put("sign", new WechatV2Signer(signingKey).sign(answer));
                out = WechatV2Xml.write(answer).getBytes(StandardCharsets.UTF_8);
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "text/xml;charset=UTF-8");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(out);
            } catch (IOException ignored) {
                // the client gave up (timeout test)
            }
        });
        server.setExecutor(Executors.newCachedThreadPool()); // a held (timed-out) answer must not block the next call
        server.start();
    }

    /** Long enough that a loaded build machine answers every scripted call in time, short enough for the timeout test. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WechatMicropayAdapter adapter() throws IOException {
        return adapter(null, null);
    }

    private WechatMicropayAdapter adapter(Path keystore, String password) throws IOException {
        Path key = Files.writeString(dir.resolve("v2.key"), KEY + "\n");
        return new WechatMicropayAdapter(new WechatProperties("http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "1900000001", "wx8888888888888888", null, "SERIAL", null, "PUB", null, null, Duration.ofSeconds(1),
                READ_TIMEOUT, key, keystore, password));
    }

    private static ChannelOrder order() {
        Instant now = Instant.now();
        return new ChannelOrder("C20261129000000000000000001", "P20261129000000000000000001", "T1", "M1", ChannelCode.WECHAT,
                PayMethod.WECHAT_CODE, Money.cny(1234), "一杯咖啡 & 蛋糕", ChannelOrderStatus.CREATED, null, null, null, null,
                now, now, null);
    }

    @Test
    void paidAtOnceIsSuccessWithTheAmountAndTheRequestIsWechatsV2() throws IOException {
        script = request -> Map.of("result_code", "SUCCESS", "trade_type", "MICROPAY", "total_fee", request.get("total_fee"),
                "transaction_id", "4200000000202611290000000001", "out_trade_no", request.get("out_trade_no"));
        ChannelCall call = adapter().pay(order(), "134567890123450000");

        assertThat(call.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(call.paidMinor()).isEqualTo(1234L);
        assertThat(call.channelTradeNo()).isEqualTo("4200000000202611290000000001");
        assertThat(call.rawCode()).isEqualTo("SUCCESS");
        assertThat(lastPath.get()).isEqualTo("/pay/micropay");
        assertThat(lastRequest.get()).containsEntry("appid", "wx8888888888888888").containsEntry("mch_id", "1900000001")
                .containsEntry("sign_type", "HMAC-SHA256").containsEntry("out_trade_no", "C20261129000000000000000001")
                .containsEntry("total_fee", "1234").containsEntry("body", "一杯咖啡 & 蛋糕")
                .containsEntry("spbill_create_ip", "127.0.0.1").containsEntry("auth_code", "134567890123450000")
                .containsKey("nonce_str");
        assertThat(new WechatV2Signer(KEY).verify(lastRequest.get())).isTrue();
    }

    @Test
    void userPayingIsPendingAndARefusedCodeIsFailure() throws IOException {
        WechatMicropayAdapter adapter = adapter();
        script = request -> Map.of("result_code", "FAIL", "err_code", "USERPAYING", "err_code_des", "需要用户输入支付密码");
        ChannelCall waiting = adapter.pay(order(), "134567890123458888");
        assertThat(waiting.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(waiting.rawCode()).isEqualTo("USERPAYING");
        assertThat(waiting.rawMessage()).isEqualTo("需要用户输入支付密码");

        script = request -> Map.of("result_code", "FAIL", "err_code", "AUTH_CODE_INVALID", "err_code_des", "付款码无效");
        ChannelCall refused = adapter.pay(order(), "134567890123451111");
        assertThat(refused.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(refused.rawCode()).isEqualTo("AUTH_CODE_INVALID");
        assertThat(refused.paidMinor()).isNull();
    }

    @Test
    void aBadlySignedAnswerIsUnknownSignatureEvenIfItSaysPaid() throws IOException {
        script = request -> Map.of("result_code", "SUCCESS", "total_fee", "1234");
        signingKey = OTHER_KEY;
        ChannelCall call = adapter().pay(order(), "134567890123450000");
        assertThat(call.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(call.rawCode()).isEqualTo("SIGNATURE");

        rawBody = "<xml><return_code>SUCCESS</return_code><result_code>SUCCESS</result_code></xml>"; // no sign at all
        assertThat(adapter().query(order()).rawCode()).isEqualTo("SIGNATURE");
    }

    @Test
    void anXxeAnswerIsRefusedAsUnknownSignature() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "TOP-SECRET");
        rawBody = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><return_code>FAIL</return_code><return_msg>&s;</return_msg></xml>";
        ChannelCall call = adapter().query(order());
        assertThat(call.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(call.rawCode()).isEqualTo("SIGNATURE");
        assertThat(call.rawMessage()).doesNotContain("TOP-SECRET");
    }

    @Test
    void aReturnCodeFailIsUnknown() throws IOException {
        rawBody = "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[签名错误]]></return_msg></xml>";
        ChannelCall call = adapter().pay(order(), "134567890123450000");
        assertThat(call.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(call.rawCode()).isEqualTo("RETURN_FAIL");
        assertThat(call.rawMessage()).isEqualTo("签名错误");
    }

    @Test
    void aTimeoutIsUnknownIoAndAnHttpErrorIsUnknown() throws IOException {
        script = request -> Map.of("result_code", "SUCCESS", "total_fee", "1234");
        delayMillis = READ_TIMEOUT.toMillis() * 3; // past the read timeout
        ChannelCall late = adapter().pay(order(), "134567890123450000");
        assertThat(late.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(late.rawCode()).isEqualTo("IO");

        delayMillis = 0;
        status = 502;
        ChannelCall gatewayDown = adapter().pay(order(), "134567890123450000");
        assertThat(gatewayDown.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(gatewayDown.rawCode()).isEqualTo("HTTP_502");
    }

    @Test
    void nobodyListeningIsUnknownIo() throws IOException {
        WechatMicropayAdapter adapter = adapter();
        server.stop(0);
        assertThat(adapter.query(order()).rawCode()).isEqualTo("IO");
    }

    @Test
    void queryReadsTheTradeState() throws IOException {
        WechatMicropayAdapter adapter = adapter();
        script = request -> Map.of("result_code", "SUCCESS", "trade_state", "SUCCESS", "trade_state_desc", "支付成功",
                "total_fee", "1234", "transaction_id", "42000001");
        ChannelCall paid = adapter.query(order());
        assertThat(lastPath.get()).isEqualTo("/pay/orderquery");
        assertThat(lastRequest.get()).containsEntry("out_trade_no", "C20261129000000000000000001");
        assertThat(paid.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(paid.paidMinor()).isEqualTo(1234L);
        assertThat(paid.rawCode()).isEqualTo("SUCCESS");
        assertThat(paid.channelTradeNo()).isEqualTo("42000001");

        script = request -> Map.of("result_code", "SUCCESS", "trade_state", "USERPAYING", "total_fee", "1234");
        assertThat(adapter.query(order()).outcome()).isEqualTo(Outcome.PENDING);
        script = request -> Map.of("result_code", "SUCCESS", "trade_state", "REVOKED", "total_fee", "1234");
        ChannelCall revoked = adapter.query(order());
        assertThat(revoked.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(revoked.paidMinor()).isNull();
        script = request -> Map.of("result_code", "FAIL", "err_code", "ORDERNOTEXIST", "err_code_des", "此交易订单号不存在");
        ChannelCall unknownOrder = adapter.query(order());
        assertThat(unknownOrder.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(unknownOrder.rawCode()).isEqualTo("ORDERNOTEXIST");
    }

    @Test
    void reverseIsDoneOnlyWithRecallN() throws IOException {
        WechatMicropayAdapter adapter = adapter();
        script = request -> Map.of("result_code", "SUCCESS", "recall", "N");
        ChannelCall done = adapter.close(order());
        assertThat(lastPath.get()).isEqualTo("/secapi/pay/reverse");
        assertThat(lastRequest.get()).containsEntry("out_trade_no", "C20261129000000000000000001");
        assertThat(done.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(done.rawCode()).isEqualTo("REVERSED");

        script = request -> Map.of("result_code", "SUCCESS", "recall", "Y");
        ChannelCall again = adapter.close(order());
        assertThat(again.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(again.rawCode()).isEqualTo("RECALL");

        script = request -> Map.of("result_code", "FAIL", "err_code", "USERPAYING", "recall", "Y");
        assertThat(adapter.close(order()).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void anUnusableClientKeystoreStopsTheStart() {
        assertThatThrownBy(() -> adapter(dir.resolve("missing.p12"), "1900000001"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("v2-client-keystore");
    }

    @Test
    void theAdapterIsWechatsPaymentCode() throws IOException {
        WechatMicropayAdapter adapter = adapter();
        assertThat(adapter.channel()).isEqualTo(ChannelCode.WECHAT);
        assertThat(adapter.method()).isEqualTo(PayMethod.WECHAT_CODE);
    }
}
