package io.paysuite.sandbox.unionpay;

import static io.paysuite.sandbox.unionpay.AcpTestClient.MERCHANT;
import static io.paysuite.sandbox.unionpay.AcpTestClient.PLATFORM;
import static io.paysuite.sandbox.unionpay.AcpTestClient.now;
import static io.paysuite.sandbox.unionpay.AcpTestClient.orderId;
import static io.paysuite.sandbox.unionpay.AcpTestClient.signedAnswer;
import static io.paysuite.sandbox.unionpay.AcpTestClient.STRANGER;
import static io.paysuite.sandbox.unionpay.AcpTestClient.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The UnionPay ACP 5.1.0 token-payment gateway, driven the way channel-gateway's AcpClient drives it (see
 * {@link AcpTestClient}): every answer and notification must verify against the platform key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnionPayGatewayTest {

    private static final DateTimeFormatter TXN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String BACK = "/gateway/api/backTransReq.do";
    private static final String QUERY = "/gateway/api/queryTrans.do";
    private static final String FILE_TRANS = "/gateway/api/fileTransReq.do";

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("paysuite.sandbox.time-scale", () -> "0.001");
        registry.add("paysuite.sandbox.unionpay.latency", () -> "1ms");
        registry.add("paysuite.sandbox.unionpay.settle-delay", () -> "50s"); // × 0.001 = 50 ms
        registry.add("paysuite.sandbox.unionpay.merchant-public-key", () -> pem("PUBLIC KEY", MERCHANT.getPublic()).toString());
        registry.add("paysuite.sandbox.unionpay.platform-private-key", () -> pem("PRIVATE KEY", PLATFORM.getPrivate()).toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    AcpTestClient acp;

    @BeforeEach
    void client() {
        acp = new AcpTestClient(port);
    }

    @AfterEach
    void clearFaults() {
        rest.delete("/sandbox/v1/faults");
    }

    @Test
    void consumeIsAcceptedThenSettlesNotifiesTheBackUrlAndTheQuerySaysPaid() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String orderId = orderId();
            String txnTime = now();
            Map<String, String> accepted = signedAnswer(acp.post(BACK, AcpTestClient.consume(orderId, txnTime, 1234, "6200000000010000",
                    merchant.url())));
            assertThat(accepted).containsEntry("respCode", "00").containsEntry("orderId", orderId).containsEntry("txnTime", txnTime)
                    .containsEntry("txnType", "01").containsEntry("certId", AcpTestClient.PLATFORM_CERT_ID).containsEntry("txnAmt", "1234");

            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            Map<String, String> notification = merchant.received.get(0);
            assertThat(AcpTestClient.verify(notification, PLATFORM.getPublic())).as("notification signature").isTrue();
            assertThat(notification).containsEntry("respCode", "00").containsEntry("orderId", orderId)
                    .containsEntry("txnTime", txnTime).containsEntry("txnAmt", "1234").containsEntry("merId", AcpTestClient.MER_ID)
                    .containsEntry("certId", AcpTestClient.PLATFORM_CERT_ID);
            assertThat(notification.get("queryId")).matches("\\d{21}");

            Map<String, String> queried = signedAnswer(acp.post(QUERY, AcpTestClient.query(orderId, txnTime)));
            assertThat(queried).containsEntry("respCode", "00").containsEntry("origRespCode", "00")
                    .containsEntry("queryId", notification.get("queryId")).containsEntry("txnAmt", "1234");

            ResponseEntity<Map> order = rest.getForEntity("/sandbox/v1/orders/UNIONPAY/" + orderId, Map.class);
            assertThat(order.getBody()).containsEntry("status", "SUCCESS").containsEntry("trade_no", notification.get("queryId"))
                    .containsEntry("amount_fen", 1234);
            List<?> attempts = rest.getForObject("/sandbox/v1/notifications?channel=UNIONPAY&out_trade_no=" + orderId, List.class);
            assertThat(attempts).hasSize(1);
        }
    }

    @Test
    void aPreAuthIsCompletedOnceForPartOfItsAmountAndNeitherCompletedAgainNorCancelledAfter() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String preAuth = orderId();
            String txnTime = now();
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.preAuth(preAuth, txnTime, 10_000, "6200000000010000", merchant.url()))))
                    .containsEntry("respCode", "00").containsEntry("txnType", "02");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            assertThat(merchant.received.get(0)).containsEntry("respCode", "00").containsEntry("txnType", "02")
                    .containsEntry("txnSubType", "01");
            String authorised = merchant.received.get(0).get("queryId");

            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.preAuthEnd("03", orderId(), now(), 10_001, authorised, merchant.url()))))
                    .as("more than authorised").containsEntry("respCode", "33");
            String completion = orderId();
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.preAuthEnd("03", completion, txnTime, 6_000, authorised, merchant.url()))))
                    .containsEntry("respCode", "00");
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.preAuthEnd("03", orderId(), now(), 1_000, authorised, merchant.url()))))
                    .as("a second completion").containsEntry("respCode", "35");
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.preAuthEnd("32", orderId(), now(), 10_000, authorised, merchant.url()))))
                    .as("a cancel after the completion").containsEntry("respCode", "35");

            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            assertThat(merchant.received.get(1)).containsEntry("txnType", "03").containsEntry("txnAmt", "6000")
                    .containsEntry("origQryId", authorised).containsEntry("respCode", "00");
            assertThat(signedAnswer(acp.post(QUERY, AcpTestClient.query(completion, txnTime)))).containsEntry("origRespCode", "00")
                    .containsEntry("txnAmt", "6000").containsEntry("origQryId", authorised);
        }
    }

    @Test
    void aSettledCompletionIsRefundedByItsOwnQueryIdNotThePreAuthsAndIsAPaymentLineOfTheBill() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String preAuth = orderId();
            String txnTime = now();
            acp.post(BACK, AcpTestClient.preAuth(preAuth, txnTime, 10_000, "6200000000010000", merchant.url()));
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            String authorised = merchant.received.get(0).get("queryId");
            String completion = orderId();
            acp.post(BACK, AcpTestClient.preAuthEnd("03", completion, txnTime, 6_000, authorised, merchant.url()));
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            String completed = merchant.received.get(1).get("queryId");

            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.refund(orderId(), txnTime, 100, authorised, merchant.url()))))
                    .as("the pre-auth took no money: it is not what a refund names").containsEntry("respCode", "35");
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.refund(orderId(), txnTime, 6_001, completed, merchant.url()))))
                    .as("more than completed").containsEntry("respCode", "33");
            String refundId = orderId();
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.refund(refundId, txnTime, 2_500, completed, merchant.url()))))
                    .containsEntry("respCode", "00");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 3);
            assertThat(merchant.received.get(2)).containsEntry("txnType", "04").containsEntry("origQryId", completed)
                    .containsEntry("respCode", "00");

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            List<String> lines = List.of(new String(rest.getForEntity("/sandbox/v1/bills/UNIONPAY/" + today, byte[].class).getBody(),
                    UnionPayBill.GBK).split("\r\n"));
            String completionLine = lines.stream().filter(l -> UnionPayBill.field(l, 12).strip().equals(completion)).findFirst()
                    .orElseThrow();
            assertThat(UnionPayBill.field(completionLine, 20)).isEqualTo("03");
            assertThat(UnionPayBill.field(completionLine, 7)).isEqualTo("000000006000");
            assertThat(UnionPayBill.field(completionLine, 10)).isEqualTo(completed);
            assertThat(lines).as("the pre-auth froze money, took none: no line")
                    .noneSatisfy(l -> assertThat(UnionPayBill.field(l, 12).strip()).isEqualTo(preAuth));
            assertThat(lines).anySatisfy(l -> assertThat(UnionPayBill.field(l, 12).strip()).isEqualTo(refundId));
        }
    }

    @Test
    void aPreAuthIsCancelledForItsWholeAmountOnlyAndAConsumeIsNeitherCompletedNorCancelled() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String txnTime = now();
            acp.post(BACK, AcpTestClient.preAuth(orderId(), txnTime, 3_000, "6200000000010000", merchant.url()));
            acp.post(BACK, AcpTestClient.consume(orderId(), txnTime, 3_000, "6200000000010000", merchant.url()));
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            String authorised = merchant.received.stream().filter(n -> "02".equals(n.get("txnType"))).findFirst().orElseThrow().get("queryId");
            String consumed = merchant.received.stream().filter(n -> "01".equals(n.get("txnType"))).findFirst().orElseThrow().get("queryId");

            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.preAuthEnd("32", orderId(), now(), 2_000, authorised, merchant.url()))))
                    .as("a cancel of part of it").containsEntry("respCode", "33");
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.preAuthEnd("03", orderId(), now(), 1_000, consumed, merchant.url()))))
                    .as("a consume is not a pre-auth").containsEntry("respCode", "35");
            String cancel = orderId();
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.preAuthEnd("32", cancel, txnTime, 3_000, authorised, merchant.url()))))
                    .containsEntry("respCode", "00");
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.preAuthEnd("03", orderId(), now(), 1_000, authorised, merchant.url()))))
                    .as("a completion after the cancel").containsEntry("respCode", "35");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 3);
            assertThat(merchant.received.get(2)).containsEntry("txnType", "32").containsEntry("respCode", "00");
        }
    }

    @Test
    void tokenEnding1111FailsWithInsufficientFundsAnd9999StaysProcessing() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String declined = orderId();
            String txnTime = now();
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.consume(declined, txnTime, 100, "6200000000011111", merchant.url()))))
                    .containsEntry("respCode", "00");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            assertThat(merchant.received.get(0)).containsEntry("respCode", "64");
            assertThat(signedAnswer(acp.post(QUERY, AcpTestClient.query(declined, txnTime)))).containsEntry("respCode", "00")
                    .containsEntry("origRespCode", "64");

            String stuck = orderId();
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.consume(stuck, txnTime, 100, "6200000000019999", merchant.url()))))
                    .containsEntry("respCode", "00");
            Thread.sleep(300);
            assertThat(signedAnswer(acp.post(QUERY, AcpTestClient.query(stuck, txnTime)))).containsEntry("respCode", "00")
                    .containsEntry("origRespCode", "05");
            assertThat(merchant.received).hasSize(1);
            assertThat(rest.getForObject("/sandbox/v1/orders/UNIONPAY/" + stuck, Map.class)).containsEntry("status", "PROCESSING");
        }
    }

    @Test
    void sameOrderIdAndTxnTimeIsADuplicateAnotherTxnTimeIsANewTransaction() throws Exception {
        String orderId = orderId();
        String txnTime = now();
        String url = "http://127.0.0.1:1/nowhere";
        assertThat(signedAnswer(acp.post(BACK, AcpTestClient.consume(orderId, txnTime, 100, "6200000000010000", url))))
                .containsEntry("respCode", "00");
        assertThat(signedAnswer(acp.post(BACK, AcpTestClient.consume(orderId, txnTime, 100, "6200000000010000", url))))
                .containsEntry("respCode", "12");
        String later = LocalDateTime.parse(txnTime, TXN_TIME).plusSeconds(1).format(TXN_TIME);
        assertThat(signedAnswer(acp.post(BACK, AcpTestClient.consume(orderId, later, 100, "6200000000010000", url))))
                .containsEntry("respCode", "00");
    }

    @Test
    void refusesBadSignaturesForeignMerchantsMissingFieldsAndAnswersUnknownQueriesWith34() throws Exception {
        String orderId = orderId();
        String txnTime = now();
        Map<String, String> consume = AcpTestClient.consume(orderId, txnTime, 100, "6200000000010000", "http://127.0.0.1:1/x");
        assertThat(signedAnswer(acp.post(BACK, consume, STRANGER.getPrivate(), Duration.ofSeconds(5)))).containsEntry("respCode", "11");
        Map<String, String> otherCert = new java.util.LinkedHashMap<>(consume);
        otherCert.put("certId", "1");
        assertThat(signedAnswer(acp.post(BACK, otherCert))).containsEntry("respCode", "11");
        Map<String, String> otherMerchant = new java.util.LinkedHashMap<>(consume);
        otherMerchant.put("merId", "777290058110049");
        assertThat(signedAnswer(acp.post(BACK, otherMerchant))).containsEntry("respCode", "31");
        Map<String, String> noAmount = new java.util.LinkedHashMap<>(consume);
        noAmount.remove("txnAmt");
        assertThat(signedAnswer(acp.post(BACK, noAmount))).containsEntry("respCode", "13");
        Map<String, String> shortId = AcpTestClient.consume("C123", txnTime, 100, "6200000000010000", "http://127.0.0.1:1/x");
        assertThat(signedAnswer(acp.post(BACK, shortId))).containsEntry("respCode", "10");

        assertThat(signedAnswer(acp.post(QUERY, AcpTestClient.query(orderId, txnTime)))).containsEntry("respCode", "34");
        assertThat(rest.getForEntity("/sandbox/v1/orders/UNIONPAY/" + orderId, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theSecondAcquirerWithoutItsKeysAnswers500WhileTheFirstWorks() throws Exception {
        // only paysuite.sandbox.unionpay.* keys are set here: the acquirers' keys are their own
        AcpTestClient acquirerB = new AcpTestClient(port, "/acquirer-b", MERCHANT.getPrivate());
        Map<String, String> query = AcpTestClient.asMerchant("777290058110049", "68759529226", AcpTestClient.query(orderId(), now()));
        assertThatThrownBy(() -> acquirerB.post(QUERY, query)).isInstanceOf(IOException.class)
                .hasMessage("HTTP 500: sandbox has no UnionPay keys");
        assertThat(signedAnswer(acp.post(QUERY, AcpTestClient.query(orderId(), now())))).containsEntry("respCode", "34");
    }

    @Test
    void refundsAPaidConsumeOnceAndNotMoreThanWasPaid() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String orderId = orderId();
            String txnTime = now();
            acp.post(BACK, AcpTestClient.consume(orderId, txnTime, 1000, "6200000000010000", merchant.url()));
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            String queryId = merchant.received.get(0).get("queryId");

            String refundId = orderId();
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.refund(refundId, txnTime, 1001, queryId, merchant.url()))))
                    .containsEntry("respCode", "33");
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.refund(refundId, txnTime, 250, queryId, merchant.url()))))
                    .containsEntry("respCode", "00");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            assertThat(merchant.received.get(1)).containsEntry("txnType", "04").containsEntry("respCode", "00")
                    .containsEntry("origQryId", queryId).containsEntry("txnAmt", "250");
            assertThat(signedAnswer(acp.post(QUERY, AcpTestClient.query(refundId, txnTime)))).containsEntry("origRespCode", "00");
            assertThat(rest.getForObject("/sandbox/v1/orders/UNIONPAY/" + orderId, Map.class)).containsEntry("refunded_fen", 250);
            assertThat(signedAnswer(acp.post(BACK, AcpTestClient.refund(orderId(), txnTime, 1, "000000000000000000000", merchant.url()))))
                    .containsEntry("respCode", "35");
        }
    }

    @Test
    void notificationsAreRetriedUntilHttp200() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(500, 404, 200)) {
            String orderId = orderId();
            acp.post(BACK, AcpTestClient.consume(orderId, now(), 100, "6200000000010000", merchant.url()));
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 3);
            Thread.sleep(300);
            assertThat(merchant.received).hasSize(3);
            assertThat(merchant.received).allSatisfy(n -> assertThat(AcpTestClient.verify(n, PLATFORM.getPublic())).isTrue());
            assertThat(merchant.received.stream().map(n -> n.get("queryId")).distinct()).hasSize(1);
        }
    }

    // ---- faults ----

    @Test
    void errorFaultAppliesNothingAnd03OrTheRulesCode() throws Exception {
        fault("charge", "ERROR", 0, null);
        String orderId = orderId();
        String txnTime = now();
        assertThat(signedAnswer(acp.post(BACK, AcpTestClient.consume(orderId, txnTime, 100, "6200000000010000", "http://127.0.0.1:1/x"))))
                .containsEntry("respCode", "03");
        assertThat(signedAnswer(acp.post(QUERY, AcpTestClient.query(orderId, txnTime)))).containsEntry("respCode", "34");
        clearFaults();

        fault("charge", "ERROR", 0, "64");
        assertThat(signedAnswer(acp.post(BACK, AcpTestClient.consume(orderId, txnTime, 100, "6200000000010000", "http://127.0.0.1:1/x"))))
                .containsEntry("respCode", "64");
        assertThat(signedAnswer(acp.post(QUERY, AcpTestClient.query(orderId, txnTime)))).containsEntry("respCode", "34");
    }

    @Test
    void timeoutFaultAppliesTheConsumeButHoldsTheAnswerAndNotFoundHidesIt() throws Exception {
        fault("charge", "TIMEOUT", 1500, null);
        String orderId = orderId();
        String txnTime = now();
        assertThatThrownBy(() -> acp.post(BACK, AcpTestClient.consume(orderId, txnTime, 100, "6200000000019999", "http://127.0.0.1:1/x"),
                MERCHANT.getPrivate(), Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);
        assertThat(signedAnswer(acp.post(QUERY, AcpTestClient.query(orderId, txnTime)))).containsEntry("respCode", "00")
                .containsEntry("origRespCode", "05");
        fault("query", "NOT_FOUND", 0, null);
        assertThat(signedAnswer(acp.post(QUERY, AcpTestClient.query(orderId, txnTime)))).containsEntry("respCode", "34");
    }

    @Test
    void notifyFaultDropsAttemptsWhichAreRecorded() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            fault("notify", "ERROR", 0, null);
            String orderId = orderId();
            acp.post(BACK, AcpTestClient.consume(orderId, now(), 100, "6200000000010000", merchant.url()));
            await().atMost(Duration.ofSeconds(10)).until(() -> rest.getForObject(
                    "/sandbox/v1/notifications?channel=UNIONPAY&out_trade_no=" + orderId, List.class).size() >= 2);
            clearFaults();
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            List<Map<String, Object>> attempts = rest.getForObject("/sandbox/v1/notifications?channel=UNIONPAY&out_trade_no=" + orderId,
                    List.class);
            assertThat(attempts.get(0).get("answer")).isEqualTo("dropped by fault ERROR");
        }
    }

    // ---- bill ----

    @Test
    void billHasOneZmRecordPerTransactionThatSucceededThatDay() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String paid = orderId();
            String declined = orderId();
            String txnTime = now();
            acp.post(BACK, AcpTestClient.consume(paid, txnTime, 1234, "6200000000010000", merchant.url()));
            acp.post(BACK, AcpTestClient.consume(declined, txnTime, 99, "6200000000011111", merchant.url()));
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            String queryId = merchant.received.stream().filter(n -> n.get("orderId").equals(paid)).findFirst().orElseThrow().get("queryId");

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            ResponseEntity<byte[]> bill = rest.getForEntity("/sandbox/v1/bills/UNIONPAY/" + today, byte[].class);
            assertThat(bill.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(bill.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo("UNIONPAY_777290058110048_" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + ".txt");
            String text = new String(bill.getBody(), UnionPayBill.GBK);
            assertThat(text).endsWith("\r\n");
            List<String> lines = List.of(text.split("\r\n"));
            assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(607));
            String paidLine = lines.stream().filter(l -> UnionPayBill.field(l, 12).strip().equals(paid)).findFirst().orElseThrow();
            assertThat(UnionPayBill.field(paidLine, 1)).isEqualTo("S22");
            assertThat(UnionPayBill.field(paidLine, 5)).isEqualTo(txnTime.substring(4));
            assertThat(UnionPayBill.field(paidLine, 7)).isEqualTo("000000001234");
            assertThat(UnionPayBill.field(paidLine, 10)).isEqualTo(queryId);
            assertThat(UnionPayBill.field(paidLine, 20)).isEqualTo("01");
            assertThat(UnionPayBill.field(paidLine, 28)).isEqualTo("777290058110048");
            assertThat(lines).as("a refused transaction moved no money: not in the file")
                    .noneSatisfy(l -> assertThat(UnionPayBill.field(l, 12).strip()).isEqualTo(declined));

            byte[] before = rest.getForEntity("/sandbox/v1/bills/UNIONPAY/" + today.minusDays(1), byte[].class).getBody();
            String yesterday = before == null ? "" : new String(before, StandardCharsets.US_ASCII);
            assertThat(yesterday).doesNotContain(paid);
        }
    }

    // ---- fileTransReq.do ----

    @Test
    void fileTransferAnswersTheDaysBillAsAZlibDeflatedBase64ZipUnderUnionPaysDetailFileName() throws Exception {
        try (BackUrlReceiver merchant = new BackUrlReceiver(200)) {
            String paid = orderId();
            acp.post(BACK, AcpTestClient.consume(paid, now(), 1234, "6200000000010000", merchant.url()));
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            String settleDate = today.format(DateTimeFormatter.ofPattern("MMdd"));
            String txnTime = now();

            Map<String, String> answer = null;
            byte[] bill = null;
            for (int attempt = 0; attempt < 5 && answer == null; attempt++) { // a settlement of another test may fall in between
                byte[] before = rest.getForEntity("/sandbox/v1/bills/UNIONPAY/" + today, byte[].class).getBody();
                Map<String, String> fetched = signedAnswer(acp.post(FILE_TRANS, AcpTestClient.fileTransfer(settleDate, txnTime)));
                byte[] after = rest.getForEntity("/sandbox/v1/bills/UNIONPAY/" + today, byte[].class).getBody();
                if (java.util.Arrays.equals(before, after)) {
                    answer = fetched;
                    bill = after;
                }
            }
            assertThat(answer).containsEntry("respCode", "00").containsEntry("txnType", "76").containsEntry("txnSubType", "01")
                    .containsEntry("bizType", "000000").containsEntry("merId", AcpTestClient.MER_ID).containsEntry("settleDate", settleDate)
                    .containsEntry("txnTime", txnTime).containsEntry("fileType", "00")
                    .containsEntry("fileName", AcpTestClient.MER_ID + "_" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + ".zip");
            Map<String, byte[]> entries = AcpTestClient.unzip(AcpTestClient.deCodeFileContent(answer.get("fileContent")));
            String detail = "INN" + today.format(DateTimeFormatter.ofPattern("yyMMdd")) + "00ZM_" + AcpTestClient.MER_ID + ".txt";
            assertThat(entries).containsOnlyKeys(detail);
            assertThat(entries.get(detail)).isEqualTo(bill);
            assertThat(new String(entries.get(detail), StandardCharsets.US_ASCII)).contains(paid + " ");
        }
    }

    @Test
    void fileTransferOfADayWithoutTransactionsIs98AndRefusalsAreTheUsualCodes() throws Exception {
        String longAgo = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(20).format(DateTimeFormatter.ofPattern("MMdd"));
        Map<String, String> request = AcpTestClient.fileTransfer(longAgo, now());
        assertThat(signedAnswer(acp.post(FILE_TRANS, request))).containsEntry("respCode", "98").containsEntry("respMsg", "文件不存在")
                .containsEntry("settleDate", longAgo).doesNotContainKeys("fileContent", "fileName");

        assertThat(signedAnswer(acp.post(FILE_TRANS, request, STRANGER.getPrivate(), Duration.ofSeconds(5))))
                .containsEntry("respCode", "11").doesNotContainKey("fileContent");
        Map<String, String> otherMerchant = new java.util.LinkedHashMap<>(request);
        otherMerchant.put("merId", "777290058110049");
        assertThat(signedAnswer(acp.post(FILE_TRANS, otherMerchant))).containsEntry("respCode", "31");
        Map<String, String> noDate = new java.util.LinkedHashMap<>(request);
        noDate.remove("settleDate");
        assertThat(signedAnswer(acp.post(FILE_TRANS, noDate))).containsEntry("respCode", "13");
        Map<String, String> badDate = new java.util.LinkedHashMap<>(request);
        badDate.put("settleDate", "0231");
        assertThat(signedAnswer(acp.post(FILE_TRANS, badDate))).containsEntry("respCode", "10");
        Map<String, String> notAFile = new java.util.LinkedHashMap<>(request);
        notAFile.put("txnType", "00");
        assertThat(signedAnswer(acp.post(FILE_TRANS, notAFile))).containsEntry("respCode", "32");
    }

    @Test
    void settleDateNamesTheLatestSuchDayNotAfterToday() {
        LocalDate today = LocalDate.of(2026, 1, 2);
        assertThat(UnionPayFileTransfer.settleDay(java.time.MonthDay.of(1, 2), today)).isEqualTo(today);
        assertThat(UnionPayFileTransfer.settleDay(java.time.MonthDay.of(12, 31), today)).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(UnionPayFileTransfer.settleDay(java.time.MonthDay.of(2, 29), today)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void signingTextSortsFieldsLeavesOutTheSignatureAndKeepsValuesRaw() {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("txnType", "01");
        fields.put("signature", "x");
        fields.put("tokenPayData", "{token=1&trId=2}");
        fields.put("accessType", "0");
        assertThat(AcpSignature.signingText(fields)).isEqualTo("accessType=0&tokenPayData={token=1&trId=2}&txnType=01");
        assertThat(AcpSignature.signingText(fields)).isEqualTo(AcpTestClient.signingText(fields));
        // sha256("abc"), FIPS 180-2 appendix B.1
        assertThat(AcpSignature.digestHex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    // ---- helpers ----

    private void fault(String operation, String mode, long millis, String code) {
        Map<String, Object> rule = new java.util.HashMap<>(Map.of("channel", "UNIONPAY", "operation", operation, "mode", mode,
                "rate", 1.0, "millis", millis));
        if (code != null) {
            rule.put("code", code);
        }
        assertThat(rest.postForEntity("/sandbox/v1/faults", rule, Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
