package io.paysuite.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.kit.shadow.ShadowContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The open API as a merchant's till calls it: every request signed {@code PAYSUITE-SHA256-RSA2048} over
 * {@code METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n} with the merchant's key, over HTTPS trusting the local run's
 * certificate, HTTP/1.1 with pooled connections (as tills do). Answers are not verified here — the
 * integration tests check the platform's signatures; a load run measures the path.
 */
public final class SignedClient {

    /** An answer: status and body, and the stable code of an error answer ({@link Tally#OK} for 2xx). */
    public record Answer(int status, JsonNode body) {
        public String code() {
            if (status >= 200 && status < 300) {
                return Tally.OK;
            }
            JsonNode code = body == null ? null : body.get("code");
            return code != null ? code.asText() : "HTTP_" + status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String appId;
    private final String serialNo;
    private final PrivateKey key;
    private final HttpClient http;

    public SignedClient(URI base, String appId, String serialNo, PrivateKey key, Path tlsCert) {
        this.base = base;
        this.appId = appId;
        this.serialNo = serialNo;
        this.key = key;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting(tlsCert))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Answer post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, JSON.writeValueAsString(body));
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, "");
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        byte[] nonceBytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        String signature = sign(method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "PAYSUITE-SHA256-RSA2048 app_id=\"" + appId + "\",serial_no=\"" + serialNo
                        + "\",timestamp=\"" + timestamp + "\",nonce_str=\"" + nonce + "\",signature=\"" + signature + "\"")
                .header("Accept", "application/json");
        if (LoadTraffic.shadow()) {
            request.header(ShadowContext.HEADER, ShadowContext.MARKED);
        }
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] raw = response.body();
        JsonNode parsed = raw == null || raw.length == 0 ? null : JSON.readTree(raw);
        return new Answer(response.statusCode(), parsed);
    }

    private String sign(String message) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the merchant key", e);
        }
    }

    private static SSLContext trusting(Path cert) {
        try (InputStream in = Files.newInputStream(cert)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("paysuite", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the local run's TLS certificate " + cert, e);
        }
    }
}
