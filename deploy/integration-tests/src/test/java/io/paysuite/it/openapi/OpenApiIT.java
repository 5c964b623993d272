package io.paysuite.it.openapi;

import io.paysuite.it.MerchantSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The open API over real HTTPS, by a merchant client written from API.md alone: every answer's
 * platform signature is verified, refused requests change nothing.
 */
class OpenApiIT {

    static TestMerchant shop;
    static TestMerchant rival;

    @BeforeAll
    static void merchants() {
        SuiteHarness.suite();
        shop = Merchants.onboard("open api shop");
        rival = Merchants.onboard("open api rival");
    }

    static Map<String, Object> trade(String outTradeNo, long total) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("out_trade_no", outTradeNo);
        body.put("trade_type", "INSTANT");
        body.put("amount", Map.of("total", total, "currency", "CNY"));
        body.put("subject", "open api it");
        body.put("notify_url", MerchantSink.notifyUrl());
        body.put("attach", "echo-me");
        return body;
    }

    static String outNo() {
        return "OA-" + UUID.randomUUID().toString().substring(0, 18);
    }

    static Answer signed(Answer answer) {
        assertThat(answer.signatureValid()).as("platform signature of " + answer).isTrue();
        assertThat(answer.headers()).containsKey("request-id");
        return answer;
    }

    @Test
    void createsQueriesAndAnswersRepeatsWithTheFirstTrade() {
        String outTradeNo = outNo();
        Answer created = signed(shop.client().post("/api/v1/trades", trade(outTradeNo, 1234)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode trade = created.json();
        assertThat(trade.path("trade_no").asText()).hasSize(26);
        assertThat(trade.path("out_trade_no").asText()).isEqualTo(outTradeNo);
        assertThat(trade.path("status").asText()).isEqualTo("WAIT_PAY");
        assertThat(trade.path("amount").path("total").asLong()).isEqualTo(1234);
        assertThat(trade.path("amount").path("currency").asText()).isEqualTo("CNY");
        assertThat(trade.path("paid_amount").asLong()).isZero();
        assertThat(trade.path("attach").asText()).isEqualTo("echo-me");
        assertThat(trade.path("cashier_url").asText()).startsWith(shop.client().base() + "/cashier/");
        OffsetDateTime createdAt = OffsetDateTime.parse(trade.path("created_at").asText());
        OffsetDateTime expire = OffsetDateTime.parse(trade.path("time_expire").asText());
        assertThat(Duration.between(createdAt, expire)).isEqualTo(Duration.ofMinutes(30));

        Answer repeat = signed(shop.client().post("/api/v1/trades", trade(outTradeNo, 1234)));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().path("trade_no").asText()).isEqualTo(trade.path("trade_no").asText());
        assertThat(repeat.json().path("cashier_url").asText()).isEqualTo(trade.path("cashier_url").asText());

        Answer conflict = signed(shop.client().post("/api/v1/trades", trade(outTradeNo, 1235)));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("OUT_TRADE_NO_USED");

        String tradeNo = trade.path("trade_no").asText();
        Answer byNo = signed(shop.client().get("/api/v1/trades/" + tradeNo));
        assertThat(byNo.status()).isEqualTo(200);
        assertThat(byNo.json().path("out_trade_no").asText()).isEqualTo(outTradeNo);
        Answer byOut = signed(shop.client().get("/api/v1/trades?out_trade_no=" + outTradeNo));
        assertThat(byOut.status()).isEqualTo(200);
        assertThat(byOut.json().path("trade_no").asText()).isEqualTo(tradeNo);
    }

    @Test
    void closesAWaitingTradeOnceAndRefusesToCloseAPaidOne() {
        Answer open = shop.client().post("/api/v1/trades", trade(outNo(), 500));
        String tradeNo = open.json().path("trade_no").asText();
        Answer closed = signed(shop.client().post("/api/v1/trades/" + tradeNo + "/close", ""));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.json().path("closed_at").isNull()).isFalse();
        assertThat(signed(shop.client().post("/api/v1/trades/" + tradeNo + "/close", "{}")).json().path("status").asText())
                .isEqualTo("CLOSED");

        Buyers.Buyer buyer = Buyers.funded(10_000);
        String paidNo = shop.client().post("/api/v1/trades", trade(outNo(), 700)).json().path("trade_no").asText();
        assertThat(Buyers.pay(paidNo, buyer.buyerId()).success()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                shop.client().get("/api/v1/trades/" + paidNo).json().path("status").asText().equals("SUCCESS"));
        Answer refused = signed(shop.client().post("/api/v1/trades/" + paidNo + "/close", ""));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("TRADE_PAID");
        JsonNode paid = shop.client().get("/api/v1/trades/" + paidNo).json();
        assertThat(paid.path("paid_amount").asLong()).isEqualTo(700);
        assertThat(paid.path("paid_at").isNull()).isFalse();
        assertThat(paid.path("buyer_id").asText()).isEqualTo(buyer.buyerId());
        assertThat(paid.path("payments").get(0).path("method").asText()).isEqualTo("BALANCE");
    }

    @Test
    void refundsPartlyThenRefusesMoreThanWasPaidAndAnswersRepeats() {
        Buyers.Buyer buyer = Buyers.funded(10_000);
        String outTradeNo = outNo();
        String tradeNo = shop.client().post("/api/v1/trades", trade(outTradeNo, 1000)).json().path("trade_no").asText();
        assertThat(Buyers.pay(tradeNo, buyer.buyerId()).success()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                shop.client().get("/api/v1/trades/" + tradeNo).json().path("status").asText().equals("SUCCESS"));
        long afterPay = Buyers.balance(buyer.buyerId());

        String outRefundNo = outNo();
        Map<String, Object> refund = Map.of("out_trade_no", outTradeNo, "out_refund_no", outRefundNo,
                "amount", Map.of("refund", 400, "currency", "CNY"), "reason", "damaged");
        Answer first = signed(shop.client().post("/api/v1/refunds", refund));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode r = first.json();
        assertThat(r.path("refund_no").asText()).isNotBlank();
        assertThat(r.path("trade_no").asText()).isEqualTo(tradeNo);
        assertThat(r.path("amount").path("refund").asLong()).isEqualTo(400);
        assertThat(r.path("status").asText()).isIn("SUCCESS", "PROCESSING");
        Answer repeat = signed(shop.client().post("/api/v1/refunds", refund));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().path("refund_no").asText()).isEqualTo(r.path("refund_no").asText());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                shop.client().get("/api/v1/refunds/" + r.path("refund_no").asText()).json().path("status").asText().equals("SUCCESS"));
        assertThat(shop.client().get("/api/v1/refunds?out_refund_no=" + outRefundNo).json().path("refund_no").asText())
                .isEqualTo(r.path("refund_no").asText());
        assertThat(Buyers.balance(buyer.buyerId())).isEqualTo(afterPay + 400);

        Answer tooMuch = signed(shop.client().post("/api/v1/refunds", Map.of("trade_no", tradeNo, "out_refund_no", outNo(),
                "amount", Map.of("refund", 601, "currency", "CNY"))));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("REFUND_AMOUNT_EXCEEDED");
        Answer otherContent = signed(shop.client().post("/api/v1/refunds", Map.of("out_trade_no", outTradeNo,
                "out_refund_no", outRefundNo, "amount", Map.of("refund", 401, "currency", "CNY"))));
        assertThat(otherContent.status()).isEqualTo(409);
        assertThat(otherContent.code()).isEqualTo("OUT_REFUND_NO_USED");
        assertThat(Buyers.balance(buyer.buyerId())).isEqualTo(afterPay + 400);
        assertThat(shop.client().get("/api/v1/trades/" + tradeNo).json().path("refunded_amount").asLong()).isEqualTo(400);
    }

    @Test
    void theDailyBillListsThePaymentAndRefundWithFeesAndAddsUp() {
        Buyers.Buyer buyer = Buyers.funded(10_000);
        String tradeNo = shop.client().post("/api/v1/trades", trade(outNo(), 2_000)).json().path("trade_no").asText();
        assertThat(Buyers.pay(tradeNo, buyer.buyerId()).success()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                shop.client().get("/api/v1/trades/" + tradeNo).json().path("status").asText().equals("SUCCESS"));
        String refundNo = shop.client().post("/api/v1/refunds", Map.of("trade_no", tradeNo, "out_refund_no", outNo(),
                "amount", Map.of("refund", 500, "currency", "CNY"))).json().path("refund_no").asText();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                shop.client().get("/api/v1/refunds/" + refundNo).json().path("status").asText().equals("SUCCESS"));
        String day = OffsetDateTime.parse(shop.client().get("/api/v1/trades/" + tradeNo).json().path("paid_at").asText())
                .toLocalDate().toString();

        Answer bill = signed(shop.client().get("/api/v1/bills/" + day));
        assertThat(bill.status()).as(bill.toString()).isEqualTo(200);
        assertThat(bill.headers().get("content-type")).startsWith("text/csv");
        List<String> rows = bill.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("posted_at,type,trade_no,reference,entry_no,gross,fee,net,held,merchant_discount");
        List<String[]> ours = rows.stream().filter(r -> r.contains(tradeNo)).map(r -> r.split(",")).toList();
        assertThat(ours).extracting(r -> r[1]).containsExactly("PAYMENT", "REFUND");
        String[] payment = ours.get(0);
        assertThat(Long.parseLong(payment[5])).isEqualTo(2_000);
        assertThat(Long.parseLong(payment[6])).as("60 bps").isEqualTo(12);
        assertThat(Long.parseLong(payment[7])).isEqualTo(1_988);
        String[] refund = ours.get(1);
        assertThat(refund[3]).isEqualTo(refundNo);
        assertThat(Long.parseLong(refund[5])).isEqualTo(-500);
        assertThat(Long.parseLong(refund[6]) + Long.parseLong(refund[7])).isEqualTo(-500);
        long[] sums = new long[5];
        for (String row : rows.subList(1, rows.size() - 1)) {
            String[] f = row.split(",");
            long gross = Long.parseLong(f[5]);
            assertThat(gross).as(row).isEqualTo(Long.parseLong(f[6]) + Long.parseLong(f[7]) + Long.parseLong(f[8])
                    + Long.parseLong(f[9]));
            for (int i = 0; i < 5; i++) {
                sums[i] += Long.parseLong(f[5 + i]);
            }
        }
        assertThat(rows.get(rows.size() - 1)).isEqualTo("TOTAL," + (rows.size() - 2) + ",,,," + sums[0] + "," + sums[1] + ","
                + sums[2] + "," + sums[3] + "," + sums[4]);

        assertThat(rival.client().get("/api/v1/bills/" + day).body()).doesNotContain(tradeNo);
        Answer bad = signed(shop.client().get("/api/v1/bills/2026-13-01"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("PARAM_ERROR");
    }

    @Test
    void aMerchantNeverSeesAnotherMerchantsTradeOrRefund() {
        Buyers.Buyer buyer = Buyers.funded(10_000);
        String outTradeNo = outNo();
        String tradeNo = shop.client().post("/api/v1/trades", trade(outTradeNo, 300)).json().path("trade_no").asText();
        assertThat(Buyers.pay(tradeNo, buyer.buyerId()).success()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                shop.client().get("/api/v1/trades/" + tradeNo).json().path("status").asText().equals("SUCCESS"));
        String outRefundNo = outNo();
        String refundNo = shop.client().post("/api/v1/refunds", Map.of("trade_no", tradeNo, "out_refund_no", outRefundNo,
                "amount", Map.of("refund", 100, "currency", "CNY"))).json().path("refund_no").asText();

        for (Answer answer : List.of(
                rival.client().get("/api/v1/trades/" + tradeNo),
                rival.client().get("/api/v1/trades?out_trade_no=" + outTradeNo),
                rival.client().post("/api/v1/trades/" + tradeNo + "/close", ""),
                rival.client().post("/api/v1/trades/" + tradeNo + "/confirm", ""),
                rival.client().post("/api/v1/refunds", Map.of("trade_no", tradeNo, "out_refund_no", outNo(),
                        "amount", Map.of("refund", 100, "currency", "CNY"))))) {
            signed(answer);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("TRADE_NOT_FOUND");
        }
        Answer refund = signed(rival.client().get("/api/v1/refunds/" + refundNo));
        assertThat(refund.status()).isEqualTo(404);
        assertThat(refund.code()).isEqualTo("REFUND_NOT_FOUND");
        assertThat(signed(rival.client().get("/api/v1/refunds?out_refund_no=" + outRefundNo)).code()).isEqualTo("REFUND_NOT_FOUND");
        assertThat(shop.client().get("/api/v1/trades/" + tradeNo).json().path("refunded_amount").asLong()).isEqualTo(100);
    }

    @Test
    void listsThePlatformCertificateTheClientPinned() {
        Answer answer = signed(shop.client().get("/api/v1/platform-certificates"));
        JsonNode first = answer.json().path("data").get(0);
        assertThat(first.path("serial_no").asText()).isEqualTo(answer.headers().get("paysuite-serial"));
        assertThat(first.path("public_key_pem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(OffsetDateTime.parse(first.path("expire_time").asText()).toInstant()).isAfter(Instant.now().plus(Duration.ofDays(365)));
    }

    @Test
    void theOpsApiWantsItsTokenAndShowsABalancedTrialBalance() throws Exception {
        var refused = Merchants.ops(Merchants.base(), "GET", "/ops/api/v1/ledger/trial-balance", null);
        assertThat(refused.statusCode()).isEqualTo(200);
        JsonNode balance = new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.body());
        assertThat(balance.path("balanced").asBoolean()).isTrue();
        assertThat(balance.path("total_debit").asLong()).isEqualTo(balance.path("total_credit").asLong());
        assertThat(balance.path("accounts").get(0).has("code")).isTrue();

        var noToken = java.net.http.HttpClient.newBuilder().sslContext(MerchantClient.trusting(Merchants.tlsCert())).build()
                .send(java.net.http.HttpRequest.newBuilder(Merchants.base().resolve("/ops/api/v1/ledger/trial-balance"))
                        .header("Authorization", "Bearer wrong-token-wrong-token").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    void theOpsTrailShowsEveryServicesStepsOfATradeInOrder() throws Exception {
        Buyers.Buyer buyer = Buyers.funded(10_000);
        String tradeNo = shop.client().post("/api/v1/trades", trade(outNo(), 900)).json().path("trade_no").asText();
        assertThat(Buyers.pay(tradeNo, buyer.buyerId()).success()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                shop.client().get("/api/v1/trades/" + tradeNo).json().path("status").asText().equals("SUCCESS"));
        shop.client().post("/api/v1/refunds", Map.of("trade_no", tradeNo, "out_refund_no", outNo(),
                "amount", Map.of("refund", 300, "currency", "CNY")));

        var ObjectMapper = new com.fasterxml.jackson.databind.ObjectMapper();
        await().atMost(Duration.ofSeconds(60)).until(() -> ObjectMapper.readTree(Merchants.ops(Merchants.base(), "GET",
                "/ops/api/v1/trades/" + tradeNo + "/trail", null).body()).path("events").toString().contains("REFUND_SUCCEEDED"));
        JsonNode trail = ObjectMapper.readTree(Merchants.ops(Merchants.base(), "GET", "/ops/api/v1/trades/" + tradeNo + "/trail", null).body());
        List<String> types = new java.util.ArrayList<>();
        List<String> sources = new java.util.ArrayList<>();
        OffsetDateTime previous = null;
        for (JsonNode step : trail.path("events")) {
            types.add(step.path("type").asText());
            sources.add(step.path("source").asText());
            OffsetDateTime at = OffsetDateTime.parse(step.path("at").asText());
            if (previous != null) {
                assertThat(at).as("in time order: " + trail).isAfterOrEqualTo(previous);
            }
            previous = at;
        }
        assertThat(types).contains("TRADE_CREATED", "TRADE_PAYING", "TRADE_SUCCEEDED", "REFUND_ACCEPTED", "REFUND_SUCCEEDED");
        assertThat(sources).contains("trade-core", "pay-core", "accounting-service");
        assertThat(types.indexOf("TRADE_CREATED")).isLessThan(types.indexOf("TRADE_SUCCEEDED"));

        var missing = Merchants.ops(Merchants.base(), "GET", "/ops/api/v1/trades/T20261123000000000000009999/trail", null);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void servesItsOpenApiDocument() throws Exception {
        var doc = java.net.http.HttpClient.newBuilder().sslContext(MerchantClient.trusting(Merchants.tlsCert())).build()
                .send(java.net.http.HttpRequest.newBuilder(Merchants.base().resolve("/api/v1/openapi.yaml")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("openapi: 3.").contains("/trades/{trade_no}/close").contains("OUT_TRADE_NO_USED");
    }

    static ServiceId cashier() {
        return ServiceId.CASHIER_SERVICE;
    }
}
