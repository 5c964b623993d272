package io.paysuite.cashier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.paysuite.cashier.keys.KeyProperties;
import io.paysuite.cashier.keys.PlatformKeys;
import io.paysuite.cashier.keys.PlatformSigner;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MerchantEndpointTest {

    @TempDir
    Path keysDir;

    private HttpServer merchant;
    private final AtomicInteger answer = new AtomicInteger(200);
    private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private MerchantEndpoint endpoint;
    private String url;

    @BeforeEach
    void start() throws Exception {
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        merchant.createContext("/notify", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> h = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
            headers.add(h);
            if (answer.get() == 0) {
                try {
                    Thread.sleep(6000); // never answers in time
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(answer.get() == 0 ? 200 : answer.get(), -1);
            exchange.close();
        });
        merchant.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        merchant.start();
        url = "http://127.0.0.1:" + merchant.getAddress().getPort() + "/notify";
        KeyProperties keys = new KeyProperties(keysDir, true, false);
        NotifyProperties notify = new Binder(new MapConfigurationPropertySource(Map.of("paysuite.cashier.notify.timeout", "2s")))
                .bindOrCreate("paysuite.cashier.notify", NotifyProperties.class);
        endpoint = new MerchantEndpoint(new PlatformSigner(new PlatformKeys(keys), Clock.systemUTC()), Clock.systemUTC(), notify);
    }

    @AfterEach
    void stop() {
        merchant.stop(0);
        endpoint.destroy();
    }

    @Test
    void aNotificationIsPostedAsJsonWithTheBodyUnchangedAndAPlatformSignatureTheMerchantVerifies() throws Exception {
        String body = "{\"id\":\"E1\",\"event_type\":\"TRADE.SUCCESS\",\"subject\":\"书\"}";

        Delivery first = endpoint.deliver(url, body);
        Delivery again = endpoint.deliver(url, body);

        assertThat(first.acknowledged()).isTrue();
        assertThat(first.httpStatus()).isEqualTo(200);
        assertThat(again.acknowledged()).isTrue();
        assertThat(bodies).containsExactly(body, body);
        assertThat(headers.get(0).get("content-type")).isEqualTo("application/json");
        assertThat(verifies(headers.get(0), body)).isTrue();
        assertThat(verifies(headers.get(1), body)).isTrue();
        assertThat(headers.get(1).get("paysuite-nonce")).as("a fresh signature on every send").isNotEqualTo(headers.get(0).get("paysuite-nonce"));
        assertThat(verifies(headers.get(0), body.replace("E1", "E2"))).isFalse();
    }

    @Test
    void anythingButA2xxWithinTheTimeoutIsAFailedAttemptWithItsReason() {
        answer.set(500);
        Delivery refused = endpoint.deliver(url, "{}");
        assertThat(refused.acknowledged()).isFalse();
        assertThat(refused.httpStatus()).isEqualTo(500);
        assertThat(refused.error()).isEqualTo("HTTP 500");

        answer.set(302);
        assertThat(endpoint.deliver(url, "{}").acknowledged()).as("redirects are not followed").isFalse();

        answer.set(0);
        Delivery slow = endpoint.deliver(url, "{}");
        assertThat(slow.acknowledged()).isFalse();
        assertThat(slow.httpStatus()).isNull();
        assertThat(slow.error()).contains("no answer within 2000 ms");
        assertThat(slow.durationMs()).isBetween(1900L, 5000L);

        Delivery nobody = endpoint.deliver("http://127.0.0.1:1/notify", "{}");
        assertThat(nobody.acknowledged()).isFalse();
        assertThat(nobody.error()).isNotBlank();
    }

    private boolean verifies(Map<String, String> h, String body) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(keysDir.resolve("platform-cert.pem")));
        assertThat(h.get("paysuite-serial")).isEqualTo(PlatformKeys.serialOf(cert));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(cert.getPublicKey());
        rsa.update((h.get("paysuite-timestamp") + "\n" + h.get("paysuite-nonce") + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(h.get("paysuite-signature")));
    }
}
