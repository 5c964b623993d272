package io.paysuite.it.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.kit.shadow.ShadowContext;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A merchant's client written from API.md alone, with the JDK's own crypto: it signs every request
 * ({@code PAYSUITE-SHA256-RSA2048}) and verifies every answer's platform signature with the
 * certificate from {@code GET /api/v1/platform-certificates}, checked against the one pinned out of
 * band. It shares no code with the server. Requests can be bent ({@link Bend}) to play an attacker.
 */
public final class MerchantClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An answer: status, body, headers, and whether its platform signature verified. */
    public record Answer(int status, String body, Map<String, String> headers, boolean signatureValid) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String code() {
            return json().path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** What an attacker changes in an otherwise well-signed request. */
    public record Bend(Long timestamp, String nonce, String appId, String serialNo, boolean tamperBodyAfterSigning,
                       PrivateKey signWith, String rawAuthorization) {

        public static Bend none() {
            return new Bend(null, null, null, null, false, null, null);
        }

        public Bend timestamp(long t) {
            return new Bend(t, nonce, appId, serialNo, tamperBodyAfterSigning, signWith, rawAuthorization);
        }

        public Bend nonce(String n) {
            return new Bend(timestamp, n, appId, serialNo, tamperBodyAfterSigning, signWith, rawAuthorization);
        }

        public Bend appId(String a) {
            return new Bend(timestamp, nonce, a, serialNo, tamperBodyAfterSigning, signWith, rawAuthorization);
        }

        public Bend tamperBody() {
            return new Bend(timestamp, nonce, appId, serialNo, true, signWith, rawAuthorization);
        }

        public Bend signWith(PrivateKey key) {
            return new Bend(timestamp, nonce, appId, serialNo, tamperBodyAfterSigning, key, rawAuthorization);
        }

        public Bend authorization(String header) {
            return new Bend(timestamp, nonce, appId, serialNo, tamperBodyAfterSigning, signWith, header);
        }
    }

    private final URI base;
    private final String appId;
    private final String serialNo;
    private final PrivateKey privateKey;
    private final HttpClient http;
    private final Map<String, PublicKey> platformKeys = new HashMap<>();

    /**
     * @param base          {@code https://host:port}
     * @param tlsCert       the server's TLS certificate to trust (self-signed in the local profile)
     * @param pinnedPlatformCert the platform certificate obtained out of band
     */
    public MerchantClient(URI base, String appId, String serialNo, PrivateKey privateKey, Path tlsCert, Path pinnedPlatformCert) {
        this.base = base;
        this.appId = appId;
        this.serialNo = serialNo;
        this.privateKey = privateKey;
        this.http = HttpClient.newBuilder().sslContext(trusting(tlsCert)).connectTimeout(Duration.ofSeconds(5)).build();
        X509Certificate pinned = certificate(read(pinnedPlatformCert));
        platformKeys.put(pinned.getSerialNumber().toString(16).toUpperCase(), pinned.getPublicKey());
        loadPlatformCertificates(pinned);
    }

    public MerchantClient as(String otherAppId, String otherSerial, PrivateKey otherKey, Path tlsCert, Path pinned) {
        return new MerchantClient(base, otherAppId, otherSerial, otherKey, tlsCert, pinned);
    }

    public URI base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    /** Checks the certificate list's own signature with the pinned certificate, then trusts what it lists. */
    private void loadPlatformCertificates(X509Certificate pinned) {
        Answer answer = get("/api/v1/platform-certificates");
        if (answer.status() != 200 || !answer.signatureValid()) {
            throw new AssertionError("platform certificates not verifiable: " + answer);
        }
        for (JsonNode cert : answer.json().path("data")) {
            X509Certificate c = certificate(cert.path("certificate_pem").asText());
            platformKeys.put(cert.path("serial_no").asText(), c.getPublicKey());
        }
    }

    public Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, "", Bend.none());
    }

    public Answer post(String pathAndQuery, String body) {
        return send("POST", pathAndQuery, body, Bend.none());
    }

    public Answer post(String pathAndQuery, Object body) {
        try {
            return post(pathAndQuery, JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Answer send(String method, String pathAndQuery, String body, Bend bend) {
        long timestamp = bend.timestamp() != null ? bend.timestamp() : Instant.now().getEpochSecond();
        String nonce = bend.nonce() != null ? bend.nonce() : nonce();
        String message = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
        String signature = sign(bend.signWith() != null ? bend.signWith() : privateKey, message);
        String authorization = bend.rawAuthorization() != null ? bend.rawAuthorization()
                : "PAYSUITE-SHA256-RSA2048 app_id=\"" + (bend.appId() != null ? bend.appId() : appId) + "\",serial_no=\""
                + (bend.serialNo() != null ? bend.serialNo() : serialNo) + "\",timestamp=\"" + timestamp + "\",nonce_str=\""
                + nonce + "\",signature=\"" + signature + "\"";
        String sent = bend.tamperBodyAfterSigning() ? tamper(body) : body;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (ShadowContext.active()) { // load traffic: the calling thread is under the mark
            request.header(ShadowContext.HEADER, ShadowContext.MARKED);
        }
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(sent, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new HashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            return new Answer(response.statusCode(), response.body(), headers, verifies(headers, response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
        }
    }

    /** API.md: the platform signs {@code TIMESTAMP\nNONCE\nBODY\n}; {@code Paysuite-Serial} names the key. */
    public boolean verifies(Map<String, String> headers, String body) {
        PublicKey key = platformKeys.get(headers.get("paysuite-serial"));
        String signature = headers.get("paysuite-signature");
        if (key == null || signature == null) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((headers.get("paysuite-timestamp") + "\n" + headers.get("paysuite-nonce") + "\n" + body + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(signature));
        } catch (Exception e) {
            return false;
        }
    }

    public static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String sign(PrivateKey key, String message) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey privateKey(Path pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(read(pem))));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA key: " + pem, e);
        }
    }

    static SSLContext trusting(Path certPem) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("paysuite", certificate(read(certPem)));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust " + certPem, e);
        }
    }

    static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a certificate", e);
        }
    }

    static byte[] der(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /**
     * Changes what the signed body means: the amount grows when there is one, else the first digit
     * becomes a different digit (replacing it with a fixed digit would be no change at all when the
     * body's first digit already was that digit).
     */
    static String tamper(String body) {
        if (body.contains("\"total\":")) {
            return body.replaceFirst("\"total\":", "\"total\":9");
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isDigit(c)) {
                return body.substring(0, i) + (c == '9' ? '1' : '9') + body.substring(i + 1);
            }
        }
        return body + " ";
    }
}
