package io.paysuite.it.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.ServiceProcess;
import io.paysuite.it.SuiteHarness;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * Test merchants onboarded the way an operator does it (ops API, {@code POST /ops/api/v1/merchants})
 * with a key pair generated here, each with a {@link MerchantClient} ready to call the open API.
 */
public final class Merchants {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record TestMerchant(String merchantId, String appId, String serialNo, KeyPair keys, MerchantClient client) {
    }

    private Merchants() {
    }

    public static Path workDir() {
        return SuiteHarness.suite().config().workDir();
    }

    public static Path tlsCert() {
        return workDir().resolve("keys/tls-cert.pem");
    }

    public static Path platformCert() {
        return workDir().resolve("keys/platform-cert.pem");
    }

    public static String opsToken() throws Exception {
        return Files.readString(workDir().resolve("ops-token")).trim();
    }

    public static URI base() {
        return base(SuiteHarness.suite().service(ServiceId.CASHIER_SERVICE));
    }

    public static URI base(ServiceProcess cashier) {
        return URI.create("https://127.0.0.1:" + cashier.apiPort());
    }

    /** A new merchant with its own app and key, and a client for it against the main cashier instance. */
    public static TestMerchant onboard(String name) {
        return onboard(name, base());
    }

    public static TestMerchant onboard(String name, URI base) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            HttpResponse<String> response = ops(base, "POST", "/ops/api/v1/merchants",
                    JSON.writeValueAsString(Map.of("name", name, "public_key_pem", pem)));
            if (response.statusCode() != 201) {
                throw new AssertionError("onboarding failed: " + response.statusCode() + " " + response.body());
            }
            JsonNode merchant = JSON.readTree(response.body());
            MerchantClient client = new MerchantClient(base, merchant.get("app_id").asText(), merchant.get("serial_no").asText(),
                    keys.getPrivate(), tlsCert(), platformCert());
            return new TestMerchant(merchant.get("merchant_id").asText(), merchant.get("app_id").asText(),
                    merchant.get("serial_no").asText(), keys, client);
        } catch (Exception e) {
            throw new IllegalStateException("cannot onboard " + name, e);
        }
    }

    /** A call to the ops API with the run's ops token. */
    public static HttpResponse<String> ops(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + opsToken())
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return java.net.http.HttpClient.newBuilder().sslContext(MerchantClient.trusting(tlsCert())).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code n} concurrent signed GETs of an unknown trade by {@code merchant}; their HTTP statuses (429 once it is rate-limited). */
    public static java.util.List<Integer> burst(TestMerchant merchant, int n) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> merchant.client().get("/api/v1/trades?out_trade_no=AT-" + java.util.UUID.randomUUID().toString()
                        .substring(0, 18)).status());
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
