package io.paysuite.channel.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paysuite.channel.alipay.AlipayBillParserTest;
import io.paysuite.channel.alipay.AlipayBillSource;
import io.paysuite.channel.alipay.AlipayClientFactory;
import io.paysuite.channel.alipay.AlipayProperties;
import io.paysuite.channel.wechat.WechatBillParserTest;
import io.paysuite.channel.wechat.WechatBillSource;
import io.paysuite.channel.wechat.WechatHttp;
import io.paysuite.channel.wechat.WechatProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alipay's and WeChat's bill sources through the real SDKs against a small local channel: answers signed with a
 * throw-away platform key as the channels (and the sandbox) sign them, bills served unsigned.
 */
class BillSourcesTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    @TempDir
    Path keys;
    HttpServer server;
    ServerSocket wechat;
    KeyPair merchant;
    KeyPair platform;
    final AtomicReference<byte[]> served = new AtomicReference<>();
    final AtomicReference<String> hashAnswered = new AtomicReference<>();
    final AtomicReference<String> alipayAnswer = new AtomicReference<>();
    final AtomicReference<String> query = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        merchant = rsa.generateKeyPair();
        platform = rsa.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gateway.do", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            String inner = alipayAnswer.get().replace("{base}", base());
            String body = "{\"alipay_data_dataservice_bill_downloadurl_query_response\":" + inner + ",\"sign\":\""
                    + sign(platform.getPrivate(), inner) + "\"}";
            send(exchange, "application/json;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/alipay/bills/", exchange -> send(exchange, "application/zip", served.get()));
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        if (wechat != null) {
            wechat.close();
        }
    }

    /**
     * WeChat's side on a bare socket: the JDK's HttpServer rewrites header names ("Wechatpay-timestamp")
     * and the SDK reads them case-sensitively, as WeChat (and the sandbox) send them.
     */
    String startWechat() throws IOException {
        wechat = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread loop = new Thread(() -> {
            while (!wechat.isClosed()) {
                try (Socket socket = wechat.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    String target = in.readLine().split(" ")[1];
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // headers: GET requests carry no body
                    }
                    OutputStream out = socket.getOutputStream();
                    if (target.startsWith("/v3/bill/tradebill")) {
                        query.set(target);
                        String body = "{\"hash_type\":\"SHA1\",\"hash_value\":\"" + hashAnswered.get()
                                + "\",\"download_url\":\"https://api.mch.weixin.qq.com/v3/billdownload/file?token=T0\"}";
                        String timestamp = Long.toString(Instant.now().getEpochSecond());
                        String nonce = "N0NCE0123456789";
                        respond(out, "application/json", "Wechatpay-Timestamp: " + timestamp + "\r\nWechatpay-Nonce: " + nonce
                                + "\r\nWechatpay-Serial: PUB_KEY_ID_TEST\r\nRequest-ID: R1\r\nWechatpay-Signature: "
                                + sign(platform.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n") + "\r\n",
                                body.getBytes(StandardCharsets.UTF_8));
                    } else {
                        respond(out, "application/octet-stream", "", served.get());
                    }
                } catch (IOException | RuntimeException closed) {
                    // the test is over, or a client went away
                }
            }
        });
        loop.setDaemon(true);
        loop.start();
        return "http://127.0.0.1:" + wechat.getLocalPort();
    }

    static void respond(OutputStream out, String type, String headers, byte[] body) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n" + headers + "Content-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    static String sign(PrivateKey key, String content) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Path pem(String name, String type, byte[] der) throws IOException {
        return Files.writeString(keys.resolve(name), "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der) + "\n-----END " + type + "-----\n");
    }

    WechatBillSource wechat() throws IOException {
        Path apiV3 = Files.writeString(keys.resolve("apiv3"), "0123456789abcdef0123456789abcdef");
        return new WechatBillSource(new WechatHttp(new WechatProperties(startWechat(), "1900000001", "wx8888888888888888",
                pem("merchant.pem", "PRIVATE KEY", merchant.getPrivate().getEncoded()), "SERIAL1",
                pem("platform.pem", "PUBLIC KEY", platform.getPublic().getEncoded()), "PUB_KEY_ID_TEST", apiV3, null,
                Duration.ofSeconds(1), Duration.ofSeconds(3), null, null, null)));
    }

    AlipayBillSource alipay() throws IOException {
        AlipayProperties properties = new AlipayProperties(base() + "/gateway.do", "2021000000000001",
                pem("app.pem", "PRIVATE KEY", merchant.getPrivate().getEncoded()),
                pem("alipay.pem", "PUBLIC KEY", platform.getPublic().getEncoded()), null, Duration.ofSeconds(1), Duration.ofSeconds(3));
        return new AlipayBillSource(AlipayClientFactory.create(properties), properties);
    }

    static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    @Test
    void wechatBillIsAskedThroughTheSdkDownloadedAndUsedOnlyWhenItsHashMatches() throws Exception {
        byte[] csv = WechatBillParserTest.bill(List.of(WechatBillParserTest.payment("2026-11-29 22:17:12", "4200", "C1", "20.00")),
                WechatBillParserTest.ticked("1", "20.00", "0.00", "0.00", "0.00", "20.00", "0.00"));
        served.set(csv);
        hashAnswered.set(sha1(csv));
        WechatBillSource source = wechat();

        assertThat(source.rows(DAY)).extracting(BillRow::channelOrderNo, BillRow::amountMinor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C1", 2000L));
        assertThat(query.get()).contains("bill_date=2026-11-29").contains("bill_type=ALL");

        hashAnswered.set(sha1("another file".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> source.rows(DAY)).isInstanceOf(BillUnavailableException.class).hasMessageContaining("hash");
    }

    @Test
    void alipayBillUrlIsAskedThroughTheSdkAndTheZipDownloaded() throws Exception {
        served.set(AlipayBillParserTest.sandboxZip(List.of(AlipayBillParserTest.payment("2026112922000000000000000001", "C1", "20.00",
                "2026-11-29 22:17:12")), 1, 0));
        alipayAnswer.set("{\"code\":\"10000\",\"msg\":\"Success\",\"bill_download_url\":\"{base}/alipay/bills/2026-11-29.csv.zip\"}");
        AlipayBillSource source = alipay();

        assertThat(source.rows(DAY)).extracting(BillRow::channelOrderNo, BillRow::amountMinor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C1", 2000L));

        alipayAnswer.set("{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"isp.bill_not_exist\",\"sub_msg\":\"账单不存在\"}");
        assertThatThrownBy(() -> source.rows(DAY)).isInstanceOf(BillUnavailableException.class).hasMessageContaining("isp.bill_not_exist");
    }
}
