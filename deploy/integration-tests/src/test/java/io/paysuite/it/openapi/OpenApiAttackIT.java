package io.paysuite.it.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.ServiceProcess;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.config.SuiteRules;
import io.paysuite.kit.config.ConfigCenter;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.MerchantClient.Bend;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the open API: each is refused with API.md's status and code, the refusal is itself
 * signed by the platform, and nothing changes (the merchant order number stays unused).
 */
class OpenApiAttackIT {

    static TestMerchant shop;
    static ServiceProcess secondCashier;

    @BeforeAll
    static void merchants() {
        SuiteHarness.suite();
        shop = Merchants.onboard("attack target");
    }

    @AfterAll
    static void stopSecondCashier() {
        if (secondCashier != null) {
            secondCashier.close();
        }
    }

    static String outNo() {
        return "AT-" + UUID.randomUUID().toString().substring(0, 18);
    }

    static String tradeJson(String outTradeNo, String total) {
        return "{\"out_trade_no\":\"" + outTradeNo + "\",\"trade_type\":\"INSTANT\",\"amount\":{\"total\":" + total
                + ",\"currency\":\"CNY\"},\"subject\":\"attack\",\"notify_url\":\"https://merchant.example/notify\"}";
    }

    /** The refusal is API.md's, is signed, and the order number it tried to use is still free. */
    static void refusedAndNothingChanged(Answer answer, int status, String code, String outTradeNo) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.code()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.json().path("message").asText()).isNotBlank();
        assertThat(answer.json().path("request_id").asText()).isNotBlank();
        assertThat(answer.signatureValid()).as("refusals are signed too").isTrue();
        Answer lookup = shop.client().get("/api/v1/trades?out_trade_no=" + outTradeNo);
        assertThat(lookup.code()).as("nothing was created").isEqualTo("TRADE_NOT_FOUND");
    }

    Answer post(String body, Bend bend) {
        return shop.client().send("POST", "/api/v1/trades", body, bend);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String out = outNo();
        refusedAndNothingChanged(post(tradeJson(out, "100"), Bend.none().signWith(generator.generateKeyPair().getPrivate())),
                401, "SIGN_ERROR", out);
    }

    @Test
    void aBodyTamperedAfterSigningIsRefused() {
        String out = outNo();
        refusedAndNothingChanged(post(tradeJson(out, "100"), Bend.none().tamperBody()), 401, "SIGN_ERROR", out);
    }

    @Test
    void aMissingOrMalformedAuthorizationIsRefused() {
        String out = outNo();
        refusedAndNothingChanged(post(tradeJson(out, "100"), Bend.none().authorization("Bearer abc")), 401, "SIGN_ERROR", out);
        refusedAndNothingChanged(post(tradeJson(out, "100"), Bend.none().authorization(
                "PAYSUITE-SHA256-RSA2048 app_id=\"" + shop.appId() + "\",serial_no=\"" + shop.serialNo() + "\"")), 401, "SIGN_ERROR", out);
        refusedAndNothingChanged(post(tradeJson(out, "100"), Bend.none().nonce("short")), 401, "SIGN_ERROR", out);
    }

    @Test
    void staleAndFutureTimestampsAreRefused() {
        String out = outNo();
        long now = Instant.now().getEpochSecond();
        refusedAndNothingChanged(post(tradeJson(out, "100"), Bend.none().timestamp(now - 400)), 401, "TIMESTAMP_EXPIRED", out);
        refusedAndNothingChanged(post(tradeJson(out, "100"), Bend.none().timestamp(now + 400)), 401, "TIMESTAMP_EXPIRED", out);
    }

    @Test
    void anUnknownAppIsRefused() {
        String out = outNo();
        refusedAndNothingChanged(post(tradeJson(out, "100"), Bend.none().appId("app_nobody")), 401, "APP_NOT_FOUND", out);
    }

    @Test
    void aReusedNonceIsRefusedEvenWhenTheFirstUseCreatedNothing() {
        String nonce = MerchantClient.nonce();
        String out = outNo();
        Answer first = shop.client().send("GET", "/api/v1/trades?out_trade_no=" + out, "", Bend.none().nonce(nonce));
        assertThat(first.code()).isEqualTo("TRADE_NOT_FOUND");
        refusedAndNothingChanged(post(tradeJson(out, "100"), Bend.none().nonce(nonce)), 401, "NONCE_REUSED", out);
    }

    @Test
    void aNonceUsedOnOneCashierInstanceIsRefusedByAnother() {
        secondCashier = SuiteHarness.suite().startExtraInstance(ServiceId.CASHIER_SERVICE, "cashier-service-2", Map.of());
        MerchantClient second = shop.client().as(shop.appId(), shop.serialNo(), shop.keys().getPrivate(),
                Merchants.tlsCert(), Merchants.platformCert());
        MerchantClient viaSecond = new MerchantClient(Merchants.base(secondCashier), shop.appId(), shop.serialNo(),
                shop.keys().getPrivate(), Merchants.tlsCert(), Merchants.platformCert());
        assertThat(second).isNotNull();
        String nonce = MerchantClient.nonce();
        String out = outNo();
        Answer created = shop.client().send("POST", "/api/v1/trades", tradeJson(out, "100"), Bend.none().nonce(nonce));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Answer replayed = viaSecond.send("POST", "/api/v1/trades", tradeJson(outNo(), "100"), Bend.none().nonce(nonce));
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(401);
        assertThat(replayed.code()).isEqualTo("NONCE_REUSED");
        assertThat(replayed.signatureValid()).as("both instances sign with the same platform key").isTrue();
    }

    @Test
    void aTenMegabyteBodyIsRefusedUnread() {
        String out = outNo();
        String huge = tradeJson(out, "100").replace("\"attack\"", "\"" + "x".repeat(10 * 1024 * 1024) + "\"");
        assertThat(huge.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(10_000_000);
        refusedAndNothingChanged(post(huge, Bend.none()), 413, "BODY_TOO_LARGE", out);
    }

    @Test
    void malformedJsonIsRefused() {
        String out = outNo();
        refusedAndNothingChanged(post("{\"out_trade_no\":\"" + out + "\",", Bend.none()), 400, "INVALID_JSON", out);
        refusedAndNothingChanged(post("[1,2]", Bend.none()), 400, "INVALID_JSON", out);
    }

    @Test
    void amountsThatAreNotPositiveIntegersWithin64BitsAreRefusedNamingTheField() {
        for (String total : List.of("0", "-1", "1.5", "9223372036854775808", "\"100\"", "1e2")) {
            String out = outNo();
            Answer answer = post(tradeJson(out, total), Bend.none());
            refusedAndNothingChanged(answer, 400, "PARAM_ERROR", out);
            assertThat(answer.json().path("message").asText()).as(total).contains("amount.total");
        }
    }

    @Test
    void badFieldsAreRefusedNamingTheField() {
        String out = outNo();
        Answer http = post(tradeJson(out, "100").replace("https://merchant.example/notify", "ftp://merchant.example/notify"), Bend.none());
        refusedAndNothingChanged(http, 400, "PARAM_ERROR", out);
        assertThat(http.json().path("message").asText()).contains("notify_url");
        Answer type = post(tradeJson(out, "100").replace("INSTANT", "LAYAWAY"), Bend.none());
        refusedAndNothingChanged(type, 400, "PARAM_ERROR", out);
        assertThat(type.json().path("message").asText()).contains("trade_type");
        Answer shortNo = post(tradeJson("abc", "100"), Bend.none());
        assertThat(shortNo.code()).isEqualTo("PARAM_ERROR");
        assertThat(shortNo.json().path("message").asText()).contains("out_trade_no");
    }

    @Test
    void aMerchantOverItsRateLimitGets429UntilTheRuleChanges() throws Exception {
        TestMerchant busy = Merchants.onboard("busy merchant");
        String key = "sentinel/cashier-service/merchant-flow-rules";
        String rule = "[{\"resource\":\"open-api\",\"paramIdx\":0,\"count\":1000,\"grade\":1,\"paramFlowItemList\":"
                + "[{\"object\":\"" + busy.merchantId() + "\",\"classType\":\"java.lang.String\",\"count\":2}]}]";
        ConfigCenter rules = SuiteRules.center();
        rules.publish(key, rule);
        try {
            // the rule travels through the config center's watch: wait until it bites, then check what it does
            await().atMost(Duration.ofSeconds(30)).until(() -> Merchants.burst(busy, 8).contains(429));
            List<Integer> statuses = Merchants.burst(busy, 8);
            assertThat(statuses).contains(429);
            assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(4);
            Answer limited = busy.client().get("/api/v1/trades?out_trade_no=" + outNo());
            if (limited.status() == 429) {
                assertThat(limited.code()).isEqualTo("RATE_LIMITED");
                assertThat(limited.signatureValid()).isTrue();
            }
            List<Integer> others = Merchants.burst(shop, 8);
            assertThat(others).as("another merchant is not limited").doesNotContain(429);
        } finally {
            rules.remove(key);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !Merchants.burst(busy, 8).contains(429));
    }
}
