package io.paysuite.channel.unionpay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.kit.trace.CurrentTrace;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The ACP wire, hand-written (no UnionPay SDK on Maven Central): a request is a URL-encoded UTF-8 form signed by
 * {@link AcpSigner} with our key and {@code certId}; the answer is ACP's {@code k=v&…} text, values <b>not</b>
 * URL-encoded (a Base64 signature keeps its {@code +}), nested values such as {@code tokenPayData} in braces. An answer
 * counts only when it names UnionPay's {@code certId} and verifies against its key. One attempt per call: a repeat of
 * a consume is the caller's decision (it never makes one; it queries), so there are no retries here.
 * One client per acquirer ({@link UnionPayAcquirers}): each has its own merchant number and keys.
 */
public class AcpClient {

    static final String BACK_TRANS = "/gateway/api/backTransReq.do";
    static final String QUERY_TRANS = "/gateway/api/queryTrans.do";
    /** Appended to {@code gateway-url} when {@code file-transfer-url} is not set: the channel sandbox's path. */
    static final String FILE_TRANS = "/gateway/api/fileTransReq.do";
    /** A day's file can be megabytes: far longer than a trade call may take. */
    static final Duration FILE_TRANSFER_TIMEOUT = Duration.ofSeconds(60);
    /** The largest file transfer answer read (Base64 of the compressed archive); a bigger one is refused, not buffered. */
    static final int MAX_FILE_TRANSFER_ANSWER = 64 * 1024 * 1024;

    /** Anything but a verified answer: {@code rawCode} is {@code IO}, {@code HTTP_<status>} or {@code SIGNATURE}. */
    static final class AcpFailure extends Exception {

        final String rawCode;

        AcpFailure(String rawCode, String message) {
            super(message, null, false, false);
            this.rawCode = rawCode;
        }
    }

    private final ChannelCode channel;
    private final UnionPayProperties properties;
    private final PrivateKey merchantKey;
    private final PublicKey platformKey;
    private final HttpClient http;

    public AcpClient(UnionPayProperties properties) {
        this(ChannelCode.UNIONPAY, properties);
    }

    public AcpClient(ChannelCode channel, UnionPayProperties properties) {
        this.channel = channel;
        this.properties = properties;
        if (properties.merchantPrivateKey() == null || properties.platformPublicKey() == null) {
            throw new IllegalStateException("paysuite.channels.unionpay.merchant-private-key and platform-public-key are required "
                    + "when gateway-url is set");
        }
        this.merchantKey = AcpSigner.readPrivateKey(properties.merchantPrivateKey());
        this.platformKey = AcpSigner.readPublicKey(properties.platformPublicKey());
        // HTTP/1.1: the ACP gateways speak it, and it keeps java.net.http from trying an h2c upgrade on plain http
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The channel this acquirer is to routing, isolation and the ledger. */
    public ChannelCode channel() {
        return channel;
    }

    UnionPayProperties properties() {
        return properties;
    }

    /** Sends {@code fields} (blank ones left out, as the SDK does) signed, and answers the verified answer's fields. */
    Map<String, String> post(String path, Map<String, String> fields) throws AcpFailure {
        Map<String, String> request = signed(fields);
        HttpResponse<String> response;
        try {
            response = http.send(formPost(URI.create(base() + path), request, properties.readTimeout()),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AcpFailure("IO", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcpFailure("IO", "interrupted");
        }
        if (response.statusCode() != 200) {
            throw new AcpFailure("HTTP_" + response.statusCode(), abbreviate(response.body()));
        }
        return verified(response.body());
    }

    /**
     * The file transfer transaction ({@code txnType=76}): like {@link #post}, but to {@code file-transfer-url} (UnionPay
     * serves it on another host), with {@link #FILE_TRANSFER_TIMEOUT}, and an answer of at most
     * {@link #MAX_FILE_TRANSFER_ANSWER} bytes ({@code IO} beyond): it carries the whole file in {@code fileContent}.
     */
    Map<String, String> fileTransfer(Map<String, String> fields) throws AcpFailure {
        return fileTransfer(fields, FILE_TRANSFER_TIMEOUT);
    }

    Map<String, String> fileTransfer(Map<String, String> fields, Duration timeout) throws AcpFailure {
        Map<String, String> request = signed(fields);
        String body;
        int status;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<InputStream> response = http.send(formPost(fileTransferUri(), request, timeout),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            try (InputStream in = response.body()) {
                // the request timeout ends with the headers: the body gets what is left, then its stream is closed under the read
                CompletableFuture.delayedExecutor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                        .execute(() -> closeQuietly(in));
                byte[] bytes = in.readNBytes(MAX_FILE_TRANSFER_ANSWER + 1);
                if (bytes.length > MAX_FILE_TRANSFER_ANSWER) {
                    throw new AcpFailure("IO", "file transfer answer larger than " + MAX_FILE_TRANSFER_ANSWER + " bytes: refused");
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new AcpFailure("IO", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcpFailure("IO", "interrupted");
        }
        if (status != 200) {
            throw new AcpFailure("HTTP_" + status, abbreviate(body));
        }
        return verified(body);
    }

    /** {@code file-transfer-url} as configured, else {@code gateway-url} + {@link #FILE_TRANS}. */
    URI fileTransferUri() {
        String url = properties.fileTransferUrl();
        return URI.create(url == null || url.isBlank() ? base() + FILE_TRANS : url.strip());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException alreadyGone) {
            // the read it interrupts reports the failure
        }
    }

    private static HttpRequest formPost(URI uri, Map<String, String> request, Duration timeout) {
        return CurrentTrace.traced(HttpRequest.newBuilder(uri)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(request), StandardCharsets.UTF_8)).build();
    }

    /** The fields without blank ones, with our {@code certId} and {@code signature}. */
    private Map<String, String> signed(Map<String, String> fields) {
        Map<String, String> request = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                request.put(name, value);
            }
        });
        request.put("certId", properties.merchantCertId());
        request.remove(AcpSigner.SIGNATURE);
        request.put(AcpSigner.SIGNATURE, AcpSigner.sign(request, merchantKey));
        return request;
    }

    private Map<String, String> verified(String body) throws AcpFailure {
        Map<String, String> answer = parseAnswer(body);
        if (!verifies(answer)) {
            throw new AcpFailure("SIGNATURE", "answer not signed by UnionPay certId " + properties.platformCertId() + ": "
                    + abbreviate(body));
        }
        return answer;
    }

    /** A notification or answer names UnionPay's certificate and verifies against its key. */
    boolean verifies(Map<String, String> fields) {
        return properties.platformCertId().equals(fields.get("certId")) && AcpSigner.verify(fields, platformKey);
    }

    static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** ACP's answer text: {@code k=v} pairs split on {@code &} outside braces, values kept as they are. */
    static Map<String, String> parseAnswer(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null) {
            return fields;
        }
        String text = body.strip();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '&';
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '&' && depth == 0) {
                int eq = text.indexOf('=', start);
                if (eq > start && eq < i) {
                    fields.put(text.substring(start, eq), text.substring(eq + 1, i));
                }
                start = i + 1;
            }
        }
        return fields;
    }

    private String base() {
        String url = properties.gatewayUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
