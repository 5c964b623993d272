package io.paysuite.channel.wechat.micropay;

import io.paysuite.channel.wechat.WechatProperties;
import io.paysuite.kit.trace.CurrentTrace;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * WeChat Pay API v2 over {@code java.net.http}: adds {@code appid}, {@code mch_id}, {@code nonce_str},
 * {@code sign_type=HMAC-SHA256} and {@code sign} to the business fields, POSTs the XML, parses the answer and checks
 * its {@code sign} whenever {@code return_code=SUCCESS} (WeChat signs only those; a {@code FAIL} envelope carries no
 * business result and is read as unknown anyway).
 *
 * <p>Host: {@code https://api.mch.weixin.qq.com} unless {@code paysuite.channels.wechat.base-url} is set (the sandbox),
 * the same property the v3 adapter's host rewrite uses. Timeouts: {@code connect-timeout}, and {@code read-timeout} for
 * the whole exchange. Real WeChat requires mutual TLS on {@code /secapi/pay/reverse}: with
 * {@code v2-client-keystore} (PKCS12, the merchant's API client certificate) the client presents it whenever the
 * server asks for one. No retries here: a lost answer is the caller's uncertain case.
 */
public class WechatV2Client {

    public static final String WECHAT_HOST = "https://api.mch.weixin.qq.com";
    private static final String NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** Why an exchange gave no trustworthy answer: {@code rawCode} is {@code IO}, {@code SIGNATURE} or {@code HTTP_<status>}. */
    public static final class NoAnswer extends Exception {

        private final String rawCode;

        NoAnswer(String rawCode, String message, Throwable cause) {
            super(message, cause);
            this.rawCode = rawCode;
        }

        public String rawCode() {
            return rawCode;
        }
    }

    private final WechatProperties properties;
    private final WechatV2Signer signer;
    private final HttpClient http;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    public WechatV2Client(WechatProperties properties, WechatV2Signer signer) {
        this.properties = properties;
        this.signer = signer;
        String configured = properties.baseUrl();
        this.baseUrl = configured == null || configured.isBlank() ? WECHAT_HOST : configured.replaceAll("/+$", "");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (properties.v2ClientKeystore() != null) {
            builder.sslContext(clientCertificate(properties));
        }
        this.http = builder.build();
    }

    /**
     * @param path     {@code /pay/micropay}, {@code /pay/orderquery}, {@code /secapi/pay/reverse}
     * @param business the call's own fields
     * @return the answer's fields, signature checked when {@code return_code=SUCCESS}
     */
    public Map<String, String> post(String path, Map<String, String> business) throws NoAnswer {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("appid", properties.appid());
        request.put("mch_id", properties.mchid());
        request.put("nonce_str", nonce());
        request.put("sign_type", WechatV2Signer.SIGN_TYPE);
        request.putAll(business);
        request.put("sign", signer.sign(request));
        HttpResponse<byte[]> response;
        try {
            response = http.send(CurrentTrace.traced(HttpRequest.newBuilder(URI.create(baseUrl + path))).timeout(readTimeout())
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(WechatV2Xml.write(request), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new NoAnswer("IO", e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("IO", "interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new NoAnswer("HTTP_" + response.statusCode(), "HTTP " + response.statusCode() + " from " + path, null);
        }
        Map<String, String> answer;
        try {
            answer = WechatV2Xml.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new NoAnswer("SIGNATURE", "unreadable answer from " + path + ": " + e.getMessage(), e);
        }
        if ("SUCCESS".equals(answer.get("return_code")) && !signer.verify(answer)) {
            throw new NoAnswer("SIGNATURE", "answer from " + path + " fails the v2 signature check", null);
        }
        return answer;
    }

    private Duration readTimeout() {
        return properties.readTimeout();
    }

    private String nonce() {
        StringBuilder nonce = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            nonce.append(NONCE_ALPHABET.charAt(random.nextInt(NONCE_ALPHABET.length())));
        }
        return nonce.toString();
    }

    /** The merchant's API client certificate for mutual TLS; the JDK's default trust store checks WeChat's server. */
    private static SSLContext clientCertificate(WechatProperties properties) {
        String password = properties.v2ClientKeystorePassword();
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(properties.v2ClientKeystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("paysuite.channels.wechat.v2-client-keystore " + properties.v2ClientKeystore()
                    + " cannot be used as a PKCS12 client certificate: " + e.getMessage(), e);
        }
    }
}
