package io.paysuite.sandbox.unionpay;

import static io.paysuite.sandbox.unionpay.AcpTestClient.MERCHANT;
import static io.paysuite.sandbox.unionpay.AcpTestClient.PLATFORM;
import static io.paysuite.sandbox.unionpay.AcpTestClient.now;
import static io.paysuite.sandbox.unionpay.AcpTestClient.orderId;
import static io.paysuite.sandbox.unionpay.AcpTestClient.signedAnswer;
import static io.paysuite.sandbox.unionpay.AcpTestClient.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * UnionPay through a second acquiring institution (channel UNIONPAY_B at {@code /acquirer-b/gateway/api/*.do}) next to
 * the first: the same platform key, but each acquirer has its own merchant, merchant key, transactions, faults,
 * notifications and bill. B's merchant number and certificate id are left to their defaults here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecondAcquirerTest {

    static final KeyPair MERCHANT_B = AcpTestClient.generate();
    static final String MER_ID_B = "777290058110049";
    static final String MERCHANT_CERT_ID_B = "68759529226";
    private static final String BACK = "/gateway/api/backTransReq.do";
    private static final String QUERY = "/gateway/api/queryTrans.do";
    private static final String FILE_TRANS = "/gateway/api/fileTransReq.do";

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("paysuite.sandbox.time-scale", () -> "0.001");
        String platformKey = pem("PRIVATE KEY", PLATFORM.getPrivate()).toString(); // one file for both, as the launcher passes it
        for (String acquirer : List.of("unionpay", "unionpay-b")) {
            registry.add("paysuite.sandbox." + acquirer + ".latency", () -> "1ms");
            registry.add("paysuite.sandbox." + acquirer + ".settle-delay", () -> "50s"); // × 0.001 = 50 ms
            registry.add("paysuite.sandbox." + acquirer + ".platform-private-key", () -> platformKey);
        }
        registry.add("paysuite.sandbox.unionpay.merchant-public-key", () -> pem("PUBLIC KEY", MERCHANT.getPublic()).toString());
        registry.add("paysuite.sandbox.unionpay-b.merchant-public-key", () -> pem("PUBLIC KEY", MERCHANT_B.getPublic()).toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    AcpTestClient acquirerA;
    AcpTestClient acquirerB;

    @BeforeEach
    void clients() {
        acquirerA = new AcpTestClient(port);
        acquirerB = new AcpTestClient(port, "/acquirer-b", MERCHANT_B.getPrivate());
    }

    @AfterEach
    void clearFaults() {
        rest.delete("/sandbox/v1/faults");
    }

    @Test
    void consumeAtTheSecondAcquirerIsAcceptedSettlesAndNotifiesUnderItsOwnMerchant() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String orderId = orderId();
            String txnTime = now();
            Map<String, String> accepted = signedAnswer(acquirerB.post(BACK, byB(AcpTestClient.consume(orderId, txnTime, 4321,
                    "6200000000010000", merchant.url()))));
            assertThat(accepted).containsEntry("respCode", "00").containsEntry("merId", MER_ID_B).containsEntry("orderId", orderId);

            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            Map<String, String> notification = merchant.received.get(0);
            assertThat(AcpTestClient.verify(notification, PLATFORM.getPublic())).as("notification signature").isTrue();
            assertThat(notification).containsEntry("merId", MER_ID_B).containsEntry("respCode", "00").containsEntry("orderId", orderId)
                    .containsEntry("txnAmt", "4321").containsEntry("certId", AcpTestClient.PLATFORM_CERT_ID);
            String queryId = notification.get("queryId");

            assertThat(signedAnswer(acquirerB.post(QUERY, byB(AcpTestClient.query(orderId, txnTime))))).containsEntry("respCode", "00")
                    .containsEntry("origRespCode", "00").containsEntry("queryId", queryId).containsEntry("merId", MER_ID_B);
            assertThat(rest.getForObject("/sandbox/v1/orders/UNIONPAY_B/" + orderId, Map.class)).containsEntry("status", "SUCCESS")
                    .containsEntry("trade_no", queryId).containsEntry("amount_fen", 4321);
            List<Map<String, Object>> orders = rest.getForObject("/sandbox/v1/orders/UNIONPAY_B", List.class);
            assertThat(orders).anySatisfy(o -> assertThat(o).containsEntry("out_trade_no", orderId).containsEntry("status", "SUCCESS"));
            assertThat(rest.getForObject("/sandbox/v1/notifications?channel=UNIONPAY_B&out_trade_no=" + orderId, List.class)).hasSize(1);

            // the first acquirer never saw it: its query, orders and refunds do not know the transaction
            assertThat(signedAnswer(acquirerA.post(QUERY, AcpTestClient.query(orderId, txnTime)))).containsEntry("respCode", "34");
            assertThat(rest.getForEntity("/sandbox/v1/orders/UNIONPAY/" + orderId, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(signedAnswer(acquirerA.post(BACK, AcpTestClient.refund(orderId(), now(), 1, queryId, merchant.url()))))
                    .containsEntry("respCode", "35");

            String refundId = orderId();
            assertThat(signedAnswer(acquirerB.post(BACK, byB(AcpTestClient.refund(refundId, now(), 321, queryId, merchant.url())))))
                    .containsEntry("respCode", "00");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            assertThat(merchant.received.get(1)).containsEntry("merId", MER_ID_B).containsEntry("txnType", "04")
                    .containsEntry("origQryId", queryId);
            assertThat(rest.getForObject("/sandbox/v1/orders/UNIONPAY_B/" + orderId, Map.class)).containsEntry("refunded_fen", 321);
        }
    }

    @Test
    void theSameOrderIdAndTxnTimeAreTwoTransactionsAtTwoAcquirers() throws Exception {
        String orderId = orderId();
        String txnTime = now();
        String url = "http://127.0.0.1:1/nowhere";
        assertThat(signedAnswer(acquirerA.post(BACK, AcpTestClient.consume(orderId, txnTime, 100, "6200000000019999", url))))
                .containsEntry("respCode", "00");
        assertThat(signedAnswer(acquirerB.post(BACK, byB(AcpTestClient.consume(orderId, txnTime, 200, "6200000000019999", url)))))
                .containsEntry("respCode", "00");
        assertThat(rest.getForObject("/sandbox/v1/orders/UNIONPAY/" + orderId, Map.class)).containsEntry("amount_fen", 100);
        assertThat(rest.getForObject("/sandbox/v1/orders/UNIONPAY_B/" + orderId, Map.class)).containsEntry("amount_fen", 200);
    }

    @Test
    void eachAcquirerTakesOnlyItsOwnMerchantAndItsOwnMerchantKey() throws Exception {
        String orderId = orderId();
        String txnTime = now();
        Map<String, String> consumeA = AcpTestClient.consume(orderId, txnTime, 100, "6200000000010000", "http://127.0.0.1:1/x");
        // A's merId at B, signed with B's key and certId: a merchant B does not serve
        Map<String, String> aMerchantAtB = new HashMap<>(byB(consumeA));
        aMerchantAtB.put("merId", AcpTestClient.MER_ID);
        assertThat(signedAnswer(acquirerB.post(BACK, aMerchantAtB))).containsEntry("respCode", "31");
        // A's request as A signs it, sent to B: A's key and certId do not prove a B merchant
        assertThat(signedAnswer(new AcpTestClient(port, "/acquirer-b", MERCHANT.getPrivate()).post(BACK, consumeA)))
                .containsEntry("respCode", "11");
        // and the other way round
        Map<String, String> bMerchantAtA = new HashMap<>(consumeA);
        bMerchantAtA.put("merId", MER_ID_B);
        assertThat(signedAnswer(acquirerA.post(BACK, bMerchantAtA))).containsEntry("respCode", "31");
        assertThat(signedAnswer(new AcpTestClient(port, "", MERCHANT_B.getPrivate()).post(BACK, byB(consumeA))))
                .containsEntry("respCode", "11");

        assertThat(rest.getForEntity("/sandbox/v1/orders/UNIONPAY/" + orderId, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/sandbox/v1/orders/UNIONPAY_B/" + orderId, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFaultOnOneAcquirerLeavesTheOtherAlone() throws Exception {
        String url = "http://127.0.0.1:1/x";
        fault("UNIONPAY_B", "charge", "31");
        String refusedAtB = orderId();
        String txnTime = now();
        assertThat(signedAnswer(acquirerB.post(BACK, byB(AcpTestClient.consume(refusedAtB, txnTime, 100, "6200000000010000", url)))))
                .containsEntry("respCode", "31");
        assertThat(signedAnswer(acquirerB.post(QUERY, byB(AcpTestClient.query(refusedAtB, txnTime))))).containsEntry("respCode", "34");
        assertThat(signedAnswer(acquirerA.post(BACK, AcpTestClient.consume(orderId(), now(), 100, "6200000000010000", url))))
                .containsEntry("respCode", "00");
        clearFaults();

        fault("UNIONPAY", "charge", "31");
        assertThat(signedAnswer(acquirerA.post(BACK, AcpTestClient.consume(orderId(), now(), 100, "6200000000010000", url))))
                .containsEntry("respCode", "31");
        assertThat(signedAnswer(acquirerB.post(BACK, byB(AcpTestClient.consume(orderId(), now(), 100, "6200000000010000", url)))))
                .containsEntry("respCode", "00");
    }

    @Test
    void aNotifyFaultOnTheSecondAcquirerDropsOnlyItsNotifications() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            fault("UNIONPAY_B", "notify", null);
            String atA = orderId();
            String atB = orderId();
            acquirerA.post(BACK, AcpTestClient.consume(atA, now(), 100, "6200000000010000", merchant.url()));
            acquirerB.post(BACK, byB(AcpTestClient.consume(atB, now(), 100, "6200000000010000", merchant.url())));
            await().atMost(Duration.ofSeconds(10)).until(() -> !merchant.received.isEmpty() && rest.getForObject(
                    "/sandbox/v1/notifications?channel=UNIONPAY_B&out_trade_no=" + atB, List.class).size() >= 2);
            assertThat(merchant.received).singleElement().satisfies(n -> assertThat(n).containsEntry("orderId", atA));
            List<Map<String, Object>> attempts = rest.getForObject("/sandbox/v1/notifications?channel=UNIONPAY_B&out_trade_no=" + atB,
                    List.class);
            assertThat(attempts.get(0).get("answer")).isEqualTo("dropped by fault ERROR");
            assertThat(rest.getForObject("/sandbox/v1/notifications?channel=UNIONPAY&out_trade_no=" + atB, List.class)).isEmpty();
        }
    }

    @Test
    void eachBillHasOnlyItsOwnAcquirersTransactionsUnderItsOwnMerchant() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String atA = orderId();
            String atB = orderId();
            String txnTime = now();
            acquirerA.post(BACK, AcpTestClient.consume(atA, txnTime, 1111, "6200000000010000", merchant.url()));
            acquirerB.post(BACK, byB(AcpTestClient.consume(atB, txnTime, 2222, "6200000000010000", merchant.url())));
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            ResponseEntity<byte[]> billB = rest.getForEntity("/sandbox/v1/bills/UNIONPAY_B/" + today, byte[].class);
            assertThat(billB.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(billB.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo("UNIONPAY_" + MER_ID_B + "_" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + ".txt");
            List<String> linesB = List.of(new String(billB.getBody(), StandardCharsets.US_ASCII).split("\r\n"));
            assertThat(linesB).allSatisfy(line -> assertThat(line).hasSize(UnionPayBill.LINE_LENGTH));
            assertThat(linesB).anySatisfy(line -> {
                assertThat(UnionPayBill.field(line, 12).strip()).isEqualTo(atB);
                assertThat(UnionPayBill.field(line, 7)).isEqualTo("000000002222");
                assertThat(UnionPayBill.field(line, 28)).isEqualTo(MER_ID_B);
            });
            assertThat(linesB).noneSatisfy(line -> assertThat(UnionPayBill.field(line, 12).strip()).isEqualTo(atA));
            List<Map<String, Object>> ordersB = rest.getForObject("/sandbox/v1/orders/UNIONPAY_B", List.class);
            assertThat(linesB).allSatisfy(line -> assertThat(ordersB).anySatisfy(o -> assertThat(o)
                    .containsEntry("out_trade_no", UnionPayBill.field(line, 12).strip()).containsEntry("trade_no", UnionPayBill.field(line, 10))));

            ResponseEntity<byte[]> billA = rest.getForEntity("/sandbox/v1/bills/UNIONPAY/" + today, byte[].class);
            assertThat(billA.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo("UNIONPAY_" + AcpTestClient.MER_ID + "_" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + ".txt");
            String textA = new String(billA.getBody(), StandardCharsets.US_ASCII);
            assertThat(textA).contains(atA).doesNotContain(atB);
        }
    }

    @Test
    void eachAcquirersFileTransferHandsOutOnlyItsOwnMerchantsFile() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String atA = orderId();
            String atB = orderId();
            acquirerA.post(BACK, AcpTestClient.consume(atA, now(), 1111, "6200000000010000", merchant.url()));
            acquirerB.post(BACK, byB(AcpTestClient.consume(atB, now(), 2222, "6200000000010000", merchant.url())));
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            String settleDate = today.format(DateTimeFormatter.ofPattern("MMdd"));
            String yyMMdd = today.format(DateTimeFormatter.ofPattern("yyMMdd"));

            Map<String, String> answerB = signedAnswer(acquirerB.post(FILE_TRANS, byB(AcpTestClient.fileTransfer(settleDate, now()))));
            assertThat(answerB).containsEntry("respCode", "00").containsEntry("merId", MER_ID_B);
            Map<String, byte[]> filesB = AcpTestClient.unzip(AcpTestClient.deCodeFileContent(answerB.get("fileContent")));
            assertThat(filesB).containsOnlyKeys("INN" + yyMMdd + "00ZM_" + MER_ID_B + ".txt");
            String textB = new String(filesB.values().iterator().next(), StandardCharsets.US_ASCII);
            assertThat(textB).contains(atB + " ").doesNotContain(atA);

            Map<String, String> answerA = signedAnswer(acquirerA.post(FILE_TRANS, AcpTestClient.fileTransfer(settleDate, now())));
            Map<String, byte[]> filesA = AcpTestClient.unzip(AcpTestClient.deCodeFileContent(answerA.get("fileContent")));
            assertThat(filesA).containsOnlyKeys("INN" + yyMMdd + "00ZM_" + AcpTestClient.MER_ID + ".txt");
            assertThat(new String(filesA.values().iterator().next(), StandardCharsets.US_ASCII)).contains(atA + " ").doesNotContain(atB);

            // B does not hand A's merchant its file, nor take A's key
            Map<String, String> aMerchantAtB = new HashMap<>(byB(AcpTestClient.fileTransfer(settleDate, now())));
            aMerchantAtB.put("merId", AcpTestClient.MER_ID);
            assertThat(signedAnswer(acquirerB.post(FILE_TRANS, aMerchantAtB))).containsEntry("respCode", "31").doesNotContainKey("fileContent");
            assertThat(signedAnswer(new AcpTestClient(port, "/acquirer-b", MERCHANT.getPrivate())
                    .post(FILE_TRANS, AcpTestClient.fileTransfer(settleDate, now())))).containsEntry("respCode", "11");
        }
    }

    @Test
    void theControlApiKnowsTheSecondAcquirerAsItsOwnChannel() {
        // injection is not offered for UnionPay (its notifications carry no id to resend); the channel answers so itself
        ResponseEntity<Map> injected = rest.postForEntity("/sandbox/v1/notify", Map.of("channel", "UNIONPAY_B", "out_trade_no", "C12345678"),
                Map.class);
        assertThat(injected.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(injected.getBody()).containsEntry("code", "NOT_SUPPORTED");
        assertThat((String) injected.getBody().get("message")).contains("UNIONPAY_B");
        assertThat(rest.getForEntity("/sandbox/v1/orders/unionpay_b", List.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/sandbox/v1/orders/UNIONPAY_C", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // ---- helpers ----

    /** The request as B's merchant sends it (the builders fill in A's merchant). */
    private static Map<String, String> byB(Map<String, String> fields) {
        return AcpTestClient.asMerchant(MER_ID_B, MERCHANT_CERT_ID_B, fields);
    }

    private void fault(String channel, String operation, String code) {
        Map<String, Object> rule = new HashMap<>(Map.of("channel", channel, "operation", operation, "mode", "ERROR", "rate", 1.0));
        if (code != null) {
            rule.put("code", code);
        }
        assertThat(rest.postForEntity("/sandbox/v1/faults", rule, Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
