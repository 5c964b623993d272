package io.paysuite.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.request.AlipayTradeCancelRequest;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradePayRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayDataDataserviceBillDownloadurlQueryResponse;
import com.alipay.api.response.AlipayTradeCancelResponse;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradePayResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every gateway method against the unmodified official SDK: a call that returns at all passed the SDK's sign check. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.sdk=OFF")
class AlipayGatewayTest {

    private static final Charset GBK = Charset.forName("GBK");

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("paysuite.sandbox.time-scale", () -> "0.001");
        registry.add("paysuite.sandbox.alipay.latency", () -> "1ms");
        registry.add("paysuite.sandbox.alipay.app-public-key", () -> TestKeys.pem("PUBLIC KEY", TestKeys.APP.getPublic()).toString());
        registry.add("paysuite.sandbox.alipay.platform-private-key", () -> TestKeys.pem("PRIVATE KEY", TestKeys.PLATFORM.getPrivate()).toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void clearFaults() {
        rest.delete("/sandbox/v1/faults");
    }

    // ---- precreate, query, scan, notification ----

    @Test
    void precreatedTradeIsUnknownUntilScannedThenPaidAndNotifiedWithAValidSign() throws Exception {
        try (NotifyReceiver merchant = new NotifyReceiver("success")) {
            String no = orderNo();
            AlipayTradePrecreateResponse precreated = precreate(no, "12.34", merchant.url());
            assertThat(precreated.isSuccess()).isTrue();
            assertThat(precreated.getOutTradeNo()).isEqualTo(no);
            assertThat(precreated.getQrCode()).matches("https://qr\\.alipay\\.com/sbx[a-z0-9]{24}");

            assertThat(precreate(no, "12.34", merchant.url()).getQrCode()).as("idempotent").isEqualTo(precreated.getQrCode());
            AlipayTradePrecreateResponse otherAmount = precreate(no, "12.35", merchant.url());
            assertThat(otherAmount.isSuccess()).isFalse();
            assertThat(otherAmount.getCode()).isEqualTo("40004");
            assertThat(otherAmount.getSubCode()).isEqualTo("ACQ.CONTEXT_INCONSISTENT");

            AlipayTradeQueryResponse before = query(no);
            assertThat(before.isSuccess()).isFalse();
            assertThat(before.getMsg()).isEqualTo("Business Failed");
            assertThat(before.getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");

            assertThat(scan(precreated.getQrCode(), "SUCCESS"))
                    .containsEntry("channel", "ALIPAY").containsEntry("out_trade_no", no).containsEntry("status", "TRADE_SUCCESS");

            AlipayTradeQueryResponse paid = query(no);
            assertThat(paid.isSuccess()).isTrue();
            assertThat(paid.getTradeStatus()).isEqualTo("TRADE_SUCCESS");
            assertThat(paid.getTotalAmount()).isEqualTo("12.34");
            assertThat(paid.getTradeNo()).matches("\\d{28}");
            assertThat(paid.getBuyerLogonId()).isNotBlank();
            assertThat(paid.getSendPayDate()).isNotNull();

            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            Map<String, String> notification = new HashMap<>(merchant.received.get(0));
            assertThat(notification).containsEntry("notify_type", "trade_status_sync").containsEntry("trade_status", "TRADE_SUCCESS")
                    .containsEntry("out_trade_no", no).containsEntry("trade_no", paid.getTradeNo())
                    .containsEntry("total_amount", "12.34").containsEntry("receipt_amount", "12.34")
                    .containsEntry("buyer_pay_amount", "12.34").containsEntry("app_id", TestKeys.APP_ID)
                    .containsEntry("charset", "UTF-8").containsEntry("version", "1.0").containsEntry("sign_type", "RSA2")
                    .containsKeys("notify_time", "notify_id", "gmt_create", "gmt_payment", "buyer_logon_id", "sign");
            assertThat(AlipaySignature.rsaCheckV1(notification, TestKeys.base64(TestKeys.PLATFORM.getPublic()), "UTF-8", "RSA2")).isTrue();
            Map<String, String> tampered = new HashMap<>(merchant.received.get(0));
            tampered.put("total_amount", "0.01");
            assertThat(AlipaySignature.rsaCheckV1(tampered, TestKeys.base64(TestKeys.PLATFORM.getPublic()), "UTF-8", "RSA2")).isFalse();

            AlipayTradePrecreateResponse again = precreate(no, "12.34", merchant.url());
            assertThat(again.getSubCode()).isEqualTo("ACQ.TRADE_HAS_SUCCESS");
            ResponseEntity<Map<String, Object>> rescan = post("/sandbox/v1/scan", Map.of("code_url", precreated.getQrCode(), "outcome", "SUCCESS"));
            assertThat(rescan.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(rescan.getBody()).containsEntry("code", "ORDER_FINAL");

            assertThat(order(no)).containsEntry("status", "TRADE_SUCCESS").containsEntry("amount_fen", 1234)
                    .containsEntry("trade_no", paid.getTradeNo()).containsEntry("refunded_fen", 0);
        }
    }

    @Test
    void notificationIsResentWithTheSameNotifyIdUntilAnsweredSuccess() throws Exception {
        try (NotifyReceiver merchant = new NotifyReceiver("fail", "fail", "success")) {
            String no = orderNo();
            scan(precreate(no, "1.00", merchant.url()).getQrCode(), "SUCCESS");
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts(no).size() == 3);
            List<Map<String, Object>> attempts = attempts(no);
            assertThat(attempts).extracting(a -> a.get("attempt")).containsExactly(1, 2, 3);
            assertThat(attempts).extracting(a -> a.get("answer")).containsExactly("fail", "fail", "success");
            assertThat(attempts).extracting(a -> a.get("notify_id")).containsOnly(attempts.get(0).get("notify_id"));
            assertThat(merchant.received).extracting(m -> m.get("notify_id")).hasSize(3).containsOnly((String) attempts.get(0).get("notify_id"));
            Thread.sleep(300); // 4m × 0.001 = 240 ms: nothing more may come after success
            assertThat(merchant.received).hasSize(3);
        }
    }

    @Test
    void userPayingShowsWaitBuyerPayAndAFailedPaymentClosesWithANotification() throws Exception {
        try (NotifyReceiver merchant = new NotifyReceiver("success")) {
            String no = orderNo();
            String code = precreate(no, "3.00", merchant.url()).getQrCode();
            assertThat(scan(code, "USERPAYING")).containsEntry("status", "WAIT_BUYER_PAY");
            assertThat(query(no).getTradeStatus()).isEqualTo("WAIT_BUYER_PAY");
            assertThat(scan(code, "FAIL")).containsEntry("status", "TRADE_CLOSED");
            assertThat(query(no).getTradeStatus()).isEqualTo("TRADE_CLOSED");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            assertThat(merchant.received.get(0)).containsEntry("trade_status", "TRADE_CLOSED").doesNotContainKey("gmt_payment");
            assertThat(AlipaySignature.rsaCheckV1(new HashMap<>(merchant.received.get(0)),
                    TestKeys.base64(TestKeys.PLATFORM.getPublic()), "UTF-8", "RSA2")).isTrue();
        }
    }

    @Test
    void aScannedTradeClosesAtTimeExpire() throws Exception {
        String no = orderNo();
        String expire = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(java.time.LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusSeconds(2));
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizContent("{\"out_trade_no\":\"" + no + "\",\"total_amount\":\"1.00\",\"subject\":\"s\",\"time_expire\":\"" + expire + "\"}");
        AlipayTradePrecreateResponse precreated = client().execute(request);
        assertThat(precreated.isSuccess()).isTrue();
        assertThat(scan(precreated.getQrCode(), "USERPAYING")).containsEntry("status", "WAIT_BUYER_PAY");
        await().atMost(Duration.ofSeconds(6)).until(() -> "TRADE_CLOSED".equals(query(no).getTradeStatus()));
        assertThat(post("/sandbox/v1/scan", Map.of("code_url", precreated.getQrCode(), "outcome", "SUCCESS")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    // ---- payment code (alipay.trade.pay) ----

    @Test
    void aPaymentCodeEnding0000PaysAtOnceAndARepeatSaysHasSuccess() throws Exception {
        try (NotifyReceiver merchant = new NotifyReceiver("success")) {
            String no = orderNo();
            AlipayTradePayResponse paid = pay(no, "286999991230000", "8.88", merchant.url());
            assertThat(paid.isSuccess()).isTrue();
            assertThat(paid.getCode()).isEqualTo("10000");
            assertThat(paid.getTradeNo()).matches("\\d{28}");
            assertThat(paid.getTotalAmount()).isEqualTo("8.88");
            assertThat(paid.getReceiptAmount()).isEqualTo("8.88");
            assertThat(paid.getGmtPayment()).isNotNull();
            assertThat(query(no).getTradeStatus()).isEqualTo("TRADE_SUCCESS");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            assertThat(merchant.received.get(0)).containsEntry("trade_status", "TRADE_SUCCESS").containsEntry("out_trade_no", no);
            assertThat(AlipaySignature.rsaCheckV1(new HashMap<>(merchant.received.get(0)),
                    TestKeys.base64(TestKeys.PLATFORM.getPublic()), "UTF-8", "RSA2")).isTrue();

            AlipayTradePayResponse repeat = pay(no, "286999991230000", "8.88", merchant.url());
            assertThat(repeat.getCode()).isEqualTo("40004");
            assertThat(repeat.getSubCode()).isEqualTo("ACQ.TRADE_HAS_SUCCESS");

            AlipayTradeRefundResponse refunded = refund(no, "8.88", "pay-r1");
            assertThat(refunded.getFundChange()).isEqualTo("Y");
            assertThat(order(no)).containsEntry("status", "TRADE_CLOSED").containsEntry("refunded_fen", 888);
        }
        assertThat(pay(orderNo(), "28123456789", "1.00", null).getCode()).as("any other code pays too").isEqualTo("10000");
    }

    @Test
    void aPaymentCodeEnding8888WaitsThenTheBuyerConfirms() throws Exception {
        try (NotifyReceiver merchant = new NotifyReceiver("success")) {
            String no = orderNo();
            AlipayTradePayResponse waiting = pay(no, "286999991238888", "2.00", merchant.url());
            assertThat(waiting.getCode()).isEqualTo("10003");
            assertThat(waiting.getMsg()).isEqualTo("order success pay inprocess");
            assertThat(waiting.getTradeNo()).matches("\\d{28}");
            await().atMost(Duration.ofSeconds(10)).until(() -> "TRADE_SUCCESS".equals(query(no).getTradeStatus()));
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            assertThat(merchant.received.get(0)).containsEntry("trade_status", "TRADE_SUCCESS");
        }
    }

    @Test
    void aPaymentCodeEnding9999WaitsForeverUntilCancelled() throws Exception {
        String no = orderNo();
        assertThat(pay(no, "286999991239999", "3.00", null).getCode()).isEqualTo("10003");
        AlipayTradePayResponse repeat = pay(no, "286999991239999", "3.00", null);
        assertThat(repeat.getCode()).as("a repeat answers the current state").isEqualTo("10003");
        assertThat(query(no).getTradeStatus()).isEqualTo("WAIT_BUYER_PAY");
        AlipayTradeCancelResponse cancelled = cancel(no);
        assertThat(cancelled.isSuccess()).isTrue();
        assertThat(cancelled.getAction()).isEqualTo("close");
        assertThat(query(no).getTradeStatus()).isEqualTo("TRADE_CLOSED");
        assertThat(pay(no, "286999991239999", "3.00", null).getSubCode()).isEqualTo("ACQ.TRADE_HAS_CLOSE");
    }

    @Test
    void paymentCodesEnding1111Or2222AreDefiniteRefusalsThatCreateNothing() throws Exception {
        String invalid = orderNo();
        AlipayTradePayResponse refused = pay(invalid, "286999991231111", "1.00", null);
        assertThat(refused.getCode()).isEqualTo("40004");
        assertThat(refused.getSubCode()).isEqualTo("ACQ.PAYMENT_AUTH_CODE_INVALID");
        assertThat(query(invalid).getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
        assertThat(rest.getForEntity("/sandbox/v1/orders/ALIPAY/" + invalid, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String poor = orderNo();
        assertThat(pay(poor, "286999991232222", "1.00", null).getSubCode()).isEqualTo("ACQ.BUYER_BALANCE_NOT_ENOUGH");
        assertThat(query(poor).getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
    }

    @Test
    void theChargeFaultAppliesToThePaymentCode() throws Exception {
        String no = orderNo();
        fault("charge", "ERROR", 0);
        AlipayTradePayResponse failed = pay(no, "286999991230000", "1.00", null);
        assertThat(failed.getCode()).isEqualTo("20000");
        rest.delete("/sandbox/v1/faults");
        assertThat(query(no).getSubCode()).as("not applied").isEqualTo("ACQ.TRADE_NOT_EXIST");
    }

    // ---- signatures and app id ----

    @Test
    void aRequestSignedWithAnotherKeyIsRefused() throws Exception {
        AlipayClient stranger = new DefaultAlipayClient(gatewayUrl(), TestKeys.APP_ID, TestKeys.base64(TestKeys.STRANGER.getPrivate()),
                "json", "UTF-8", TestKeys.base64(TestKeys.PLATFORM.getPublic()), "RSA2");
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"" + orderNo() + "\"}");
        AlipayTradeQueryResponse response = stranger.execute(request);
        assertThat(response.getCode()).isEqualTo("40002");
        assertThat(response.getSubCode()).isEqualTo("isv.invalid-signature");

        AlipayClient otherApp = new DefaultAlipayClient(gatewayUrl(), "2021000000000999", TestKeys.base64(TestKeys.APP.getPrivate()),
                "json", "UTF-8", TestKeys.base64(TestKeys.PLATFORM.getPublic()), "RSA2");
        assertThat(otherApp.execute(request).getSubCode()).isEqualTo("isv.invalid-app-id");
    }

    @Test
    void aResponseSignedByAnotherPlatformKeyFailsTheSdksCheck() {
        AlipayClient wrongPlatform = new DefaultAlipayClient(gatewayUrl(), TestKeys.APP_ID, TestKeys.base64(TestKeys.APP.getPrivate()),
                "json", "UTF-8", TestKeys.base64(TestKeys.STRANGER.getPublic()), "RSA2");
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"" + orderNo() + "\"}");
        assertThatThrownBy(() -> wrongPlatform.execute(request)).isInstanceOf(AlipayApiException.class).hasMessageContaining("sign check fail");
    }

    // ---- refunds ----

    @Test
    void refundsAreIdempotentPerRequestNumberAndCannotExceedThePayment() throws Exception {
        String no = paidOrder("12.34");
        AlipayTradeRefundResponse first = refund(no, "5.00", "r1");
        assertThat(first.isSuccess()).isTrue();
        assertThat(first.getFundChange()).isEqualTo("Y");
        assertThat(first.getRefundFee()).isEqualTo("5.00");

        AlipayTradeRefundResponse repeat = refund(no, "5.00", "r1");
        assertThat(repeat.isSuccess()).isTrue();
        assertThat(repeat.getFundChange()).isEqualTo("N");
        assertThat(repeat.getRefundFee()).isEqualTo("5.00");

        AlipayTradeRefundResponse over = refund(no, "7.35", "r2");
        assertThat(over.isSuccess()).isFalse();
        assertThat(over.getSubCode()).isEqualTo("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL");

        AlipayTradeRefundResponse rest = refund(no, "7.34", "r3");
        assertThat(rest.getFundChange()).isEqualTo("Y");
        assertThat(rest.getRefundFee()).isEqualTo("12.34");
        assertThat(query(no).getTradeStatus()).as("a full refund closes the trade").isEqualTo("TRADE_CLOSED");
        assertThat(order(no)).containsEntry("refunded_fen", 1234).containsEntry("status", "TRADE_CLOSED");

        AlipayTradeFastpayRefundQueryResponse known = refundQuery(no, "r1");
        assertThat(known.isSuccess()).isTrue();
        assertThat(known.getRefundStatus()).isEqualTo("REFUND_SUCCESS");
        assertThat(known.getRefundAmount()).isEqualTo("5.00");
        assertThat(known.getTotalAmount()).isEqualTo("12.34");
        AlipayTradeFastpayRefundQueryResponse unknown = refundQuery(no, "r9");
        assertThat(unknown.isSuccess()).isTrue();
        assertThat(unknown.getRefundStatus()).isNull();
        assertThat(unknown.getRefundAmount()).isNull();
    }

    @Test
    void anUnpaidTradeCannotBeRefunded() throws Exception {
        String no = orderNo();
        scan(precreate(no, "2.00", null).getQrCode(), "USERPAYING");
        assertThat(refund(no, "1.00", "r1").getSubCode()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
    }

    // ---- close and cancel ----

    @Test
    void closingAnUnscannedTradeSaysNotExistAndKillsTheCode() throws Exception {
        String no = orderNo();
        String code = precreate(no, "4.00", null).getQrCode();
        AlipayTradeCloseResponse closed = close(no);
        assertThat(closed.isSuccess()).isFalse();
        assertThat(closed.getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
        assertThat(post("/sandbox/v1/scan", Map.of("code_url", code, "outcome", "SUCCESS")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void closeAndCancelFollowTheTradeState() throws Exception {
        String waiting = orderNo();
        scan(precreate(waiting, "4.00", null).getQrCode(), "USERPAYING");
        AlipayTradeCloseResponse closed = close(waiting);
        assertThat(closed.isSuccess()).isTrue();
        assertThat(closed.getOutTradeNo()).isEqualTo(waiting);
        assertThat(query(waiting).getTradeStatus()).isEqualTo("TRADE_CLOSED");

        String paid = paidOrder("6.00");
        assertThat(close(paid).getSubCode()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
        AlipayTradeCancelResponse refunded = cancel(paid);
        assertThat(refunded.isSuccess()).isTrue();
        assertThat(refunded.getAction()).isEqualTo("refund");
        assertThat(refunded.getRetryFlag()).isEqualTo("N");
        assertThat(order(paid)).containsEntry("status", "TRADE_CLOSED").containsEntry("refunded_fen", 600);

        String unpaid = orderNo();
        precreate(unpaid, "1.00", null);
        AlipayTradeCancelResponse closedByCancel = cancel(unpaid);
        assertThat(closedByCancel.getAction()).isEqualTo("close");
        assertThat(order(unpaid)).containsEntry("status", "TRADE_CLOSED");

        AlipayTradeCancelResponse neverSeen = cancel(orderNo());
        assertThat(neverSeen.isSuccess()).isTrue();
        assertThat(neverSeen.getAction()).isEqualTo("close");
        assertThat(neverSeen.getRetryFlag()).isEqualTo("N");
    }

    // ---- faults ----

    @Test
    void timeoutAppliesTheRefundButTheClientGivesUpFirst() throws Exception {
        String no = paidOrder("9.00");
        fault("refund", "TIMEOUT", 1500);
        AlipayClient impatient = DefaultAlipayClient.builder(gatewayUrl(), TestKeys.APP_ID, TestKeys.base64(TestKeys.APP.getPrivate()))
                .format("json").charset("UTF-8").signType("RSA2")
                .alipayPublicKey(TestKeys.base64(TestKeys.PLATFORM.getPublic())).readTimeout(400).build();
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizContent("{\"out_trade_no\":\"" + no + "\",\"refund_amount\":\"9.00\",\"out_request_no\":\"t1\"}");
        assertThatThrownBy(() -> impatient.execute(request)).isInstanceOf(AlipayApiException.class);
        rest.delete("/sandbox/v1/faults");

        assertThat(refundQuery(no, "t1").getRefundStatus()).as("applied although unanswered").isEqualTo("REFUND_SUCCESS");
        assertThat(query(no).getTradeStatus()).isEqualTo("TRADE_CLOSED");
    }

    @Test
    void errorAnswers20000AndAppliesNothing() throws Exception {
        String no = paidOrder("9.00");
        fault("refund", "ERROR", 0);
        AlipayTradeRefundResponse failed = refund(no, "9.00", "e1");
        assertThat(failed.getCode()).isEqualTo("20000");
        assertThat(failed.getMsg()).isEqualTo("Service Currently Unavailable");
        assertThat(failed.getSubCode()).isEqualTo("isp.unknow-error");
        rest.delete("/sandbox/v1/faults");
        assertThat(order(no)).containsEntry("refunded_fen", 0).containsEntry("status", "TRADE_SUCCESS");
        assertThat(refundQuery(no, "e1").getRefundStatus()).isNull();
    }

    @Test
    void errorWithACodeIsADefiniteRefusalThatAppliesNothing() throws Exception {
        String no = paidOrder("9.00");
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("channel", "ALIPAY");
        rule.put("operation", "refund");
        rule.put("mode", "ERROR");
        rule.put("rate", 1.0);
        rule.put("code", "ACQ.SELLER_BALANCE_NOT_ENOUGH");
        assertThat(post("/sandbox/v1/faults", rule).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        AlipayTradeRefundResponse refused = refund(no, "9.00", "c1");
        assertThat(refused.getCode()).isEqualTo("40004");
        assertThat(refused.getMsg()).isEqualTo("Business Failed");
        assertThat(refused.getSubCode()).isEqualTo("ACQ.SELLER_BALANCE_NOT_ENOUGH");
        rest.delete("/sandbox/v1/faults");
        assertThat(order(no)).containsEntry("refunded_fen", 0).containsEntry("status", "TRADE_SUCCESS");
    }

    @Test
    void notFoundMakesAQueryOfAPaidTradeSayNotExist() throws Exception {
        String no = paidOrder("1.50");
        fault("query", "NOT_FOUND", 0);
        assertThat(query(no).getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
        rest.delete("/sandbox/v1/faults");
        assertThat(query(no).getTradeStatus()).isEqualTo("TRADE_SUCCESS");
    }

    @Test
    void droppedNotificationsAreRetriedOnSchedule() throws Exception {
        try (NotifyReceiver merchant = new NotifyReceiver("success")) {
            fault("notify", "ERROR", 0);
            String no = orderNo();
            scan(precreate(no, "1.00", merchant.url()).getQrCode(), "SUCCESS");
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts(no).size() >= 2);
            assertThat(merchant.received).isEmpty();
            rest.delete("/sandbox/v1/faults");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            assertThat(attempts(no).get(0).get("answer")).isEqualTo("dropped by fault ERROR");
        }
    }

    @Test
    void aSlowNotifyFaultHoldsTheNotificationSoAQueryOvertakesIt() throws Exception {
        try (NotifyReceiver merchant = new NotifyReceiver("success")) {
            fault("notify", "SLOW", 1500);
            String no = orderNo();
            String code = precreate(no, "3.00", merchant.url()).getQrCode();
            Instant paidAt = Instant.now();
            scan(code, "SUCCESS");
            assertThat(query(no).getTradeStatus()).as("the query overtakes the notification").isEqualTo("TRADE_SUCCESS");
            assertThat(merchant.received).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            assertThat(merchant.arrivals.get(0)).isAfterOrEqualTo(paidAt.plusMillis(1500));
            assertThat(merchant.received.get(0)).containsEntry("trade_status", "TRADE_SUCCESS");
            // the sandbox records the attempt once the merchant's answer is back, a moment after the merchant saw it
            await().atMost(Duration.ofSeconds(5)).until(() -> !attempts(no).isEmpty());
            assertThat(attempts(no)).hasSize(1).first().satisfies(a -> assertThat(a).containsEntry("answer", "success")
                    .containsEntry("injected", false));
        }
    }

    // ---- injected notifications: POST /sandbox/v1/notify ----

    @Test
    void aDuplicateSentThreeTimesRacesWithTheRealNotifyIdAndAValidSign() throws Exception {
        try (NotifyReceiver merchant = new NotifyReceiver("success")) {
            String no = orderNo();
            scan(precreate(no, "8.88", merchant.url()).getQrCode(), "SUCCESS");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            String realId = merchant.received.get(0).get("notify_id");

            merchant.gate(3); // answered only when all three copies are in at once
            ResponseEntity<Map<String, Object>> injected = post("/sandbox/v1/notify", Map.of("channel", "ALIPAY", "out_trade_no", no, "copies", 3));
            assertThat(injected.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(injected.getBody()).containsEntry("channel", "ALIPAY").containsEntry("out_trade_no", no)
                    .containsEntry("notify_id", realId).containsEntry("copies", 3);

            await().atMost(Duration.ofSeconds(10)).until(() -> attempts(no).size() == 4);
            assertThat(merchant.received).hasSize(4);
            assertThat(merchant.missedGate).as("the copies arrived together").hasValue(0);
            for (Map<String, String> copy : merchant.received.subList(1, 4)) {
                assertThat(copy).containsEntry("notify_id", realId).containsEntry("trade_status", "TRADE_SUCCESS")
                        .containsEntry("total_amount", "8.88").containsEntry("trade_no", merchant.received.get(0).get("trade_no"));
                assertThat(AlipaySignature.rsaCheckV1(new HashMap<>(copy), TestKeys.base64(TestKeys.PLATFORM.getPublic()), "UTF-8", "RSA2")).isTrue();
            }
            assertThat(merchant.received.get(1)).as("identical copies").isEqualTo(merchant.received.get(2)).isEqualTo(merchant.received.get(3));
            List<Map<String, Object>> attempts = attempts(no);
            assertThat(attempts).extracting(a -> a.get("notify_id")).containsOnly(realId);
            assertThat(attempts).filteredOn(a -> Boolean.TRUE.equals(a.get("injected"))).hasSize(3)
                    .allSatisfy(a -> assertThat(a).containsEntry("attempt", 1).containsEntry("answer", "success"));
            assertThat(order(no)).containsEntry("status", "TRADE_SUCCESS");
        }
    }

    @Test
    void aContradictingTradeClosedIsValidlySignedAndLeavesTheTradePaid() throws Exception {
        try (NotifyReceiver merchant = new NotifyReceiver("success")) {
            String no = orderNo();
            scan(precreate(no, "5.20", merchant.url()).getQrCode(), "SUCCESS");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            String realId = merchant.received.get(0).get("notify_id");

            ResponseEntity<Map<String, Object>> injected = post("/sandbox/v1/notify",
                    Map.of("channel", "ALIPAY", "out_trade_no", no, "trade_status", "TRADE_CLOSED"));
            assertThat(injected.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            String forgedId = (String) injected.getBody().get("notify_id");
            assertThat(forgedId).isNotBlank().isNotEqualTo(realId);
            assertThat(injected.getBody()).containsEntry("copies", 1);

            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            Map<String, String> forged = merchant.received.get(1);
            assertThat(forged).containsEntry("notify_id", forgedId).containsEntry("trade_status", "TRADE_CLOSED")
                    .containsEntry("total_amount", "5.20").containsEntry("out_trade_no", no)
                    .containsEntry("trade_no", merchant.received.get(0).get("trade_no")).containsKey("gmt_close");
            assertThat(AlipaySignature.rsaCheckV1(new HashMap<>(forged), TestKeys.base64(TestKeys.PLATFORM.getPublic()), "UTF-8", "RSA2")).isTrue();

            assertThat(order(no)).as("the sandbox's own trade is untouched").containsEntry("status", "TRADE_SUCCESS");
            assertThat(query(no).getTradeStatus()).isEqualTo("TRADE_SUCCESS");
            assertThat(attempts(no)).hasSize(2).last().satisfies(a -> assertThat(a).containsEntry("notify_id", forgedId)
                    .containsEntry("injected", true));
        }
    }

    @Test
    void aForgedNotificationCanClaimAnotherAmountAfterADelay() throws Exception {
        try (NotifyReceiver merchant = new NotifyReceiver("success")) {
            String no = orderNo();
            scan(precreate(no, "20.00", merchant.url()).getQrCode(), "SUCCESS");
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);

            Instant asked = Instant.now();
            ResponseEntity<Map<String, Object>> injected = post("/sandbox/v1/notify", Map.of("channel", "ALIPAY", "out_trade_no", no,
                    "trade_status", "TRADE_SUCCESS", "total_fen", 1, "delay_millis", 400));
            assertThat(injected.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            assertThat(merchant.arrivals.get(1)).isAfterOrEqualTo(asked.plusMillis(400));
            Map<String, String> forged = merchant.received.get(1);
            assertThat(forged).containsEntry("trade_status", "TRADE_SUCCESS").containsEntry("total_amount", "0.01")
                    .containsEntry("receipt_amount", "0.01").containsEntry("buyer_pay_amount", "0.01")
                    .containsEntry("notify_id", (String) injected.getBody().get("notify_id"));
            assertThat(AlipaySignature.rsaCheckV1(new HashMap<>(forged), TestKeys.base64(TestKeys.PLATFORM.getPublic()), "UTF-8", "RSA2")).isTrue();
            assertThat(order(no)).containsEntry("amount_fen", 2000).containsEntry("status", "TRADE_SUCCESS");
        }
    }

    @Test
    void injectingIsRefusedForAnUnknownOrderAnOrderWithoutNotifyUrlOrNothingToResend() throws Exception {
        ResponseEntity<Map<String, Object>> unknown = post("/sandbox/v1/notify", Map.of("channel", "ALIPAY", "out_trade_no", orderNo()));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("code", "ORDER_NOT_FOUND");

        String withoutUrl = paidOrder("1.00");
        ResponseEntity<Map<String, Object>> noUrl = post("/sandbox/v1/notify", Map.of("channel", "ALIPAY", "out_trade_no", withoutUrl,
                "trade_status", "TRADE_CLOSED"));
        assertThat(noUrl.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(noUrl.getBody()).containsEntry("code", "NO_NOTIFY_URL");

        try (NotifyReceiver merchant = new NotifyReceiver("success")) {
            String unscanned = orderNo();
            precreate(unscanned, "1.00", merchant.url());
            ResponseEntity<Map<String, Object>> nothing = post("/sandbox/v1/notify", Map.of("channel", "ALIPAY", "out_trade_no", unscanned));
            assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(nothing.getBody()).containsEntry("code", "NO_NOTIFICATION");
            ResponseEntity<Map<String, Object>> badStatus = post("/sandbox/v1/notify", Map.of("channel", "ALIPAY", "out_trade_no", unscanned,
                    "trade_status", "SUCCESS"));
            assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(badStatus.getBody()).containsEntry("code", "INVALID_TRADE_STATUS");
            ResponseEntity<Map<String, Object>> noCopies = post("/sandbox/v1/notify", Map.of("channel", "ALIPAY", "out_trade_no", unscanned,
                    "trade_status", "TRADE_SUCCESS", "copies", 0));
            assertThat(noCopies.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            Thread.sleep(200);
            assertThat(merchant.received).isEmpty();
            assertThat(order(unscanned)).containsEntry("status", "PRECREATED");
        }
    }

    // ---- the channel's orders ----

    @Test
    void theOrdersListShowsEveryTradeAsTheSandboxSeesIt() throws Exception {
        String unscanned = orderNo();
        precreate(unscanned, "1.11", null);
        String paid = paidOrder("2.22");
        String refunded = paidOrder("3.33");
        refund(refunded, "1.00", "list-r1");

        ResponseEntity<List<Map<String, Object>>> response = rest.exchange("/sandbox/v1/orders/alipay", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<Object, Map<String, Object>> byNo = new HashMap<>();
        response.getBody().forEach(o -> byNo.put(o.get("out_trade_no"), o));
        assertThat(byNo.get(unscanned)).containsEntry("status", "PRECREATED").containsEntry("amount_fen", 111)
                .containsEntry("trade_no", null).containsEntry("refunded_fen", 0);
        assertThat(byNo.get(paid)).containsEntry("status", "TRADE_SUCCESS").containsEntry("amount_fen", 222)
                .containsEntry("trade_no", order(paid).get("trade_no")).containsEntry("refunded_fen", 0);
        assertThat(byNo.get(refunded)).containsEntry("status", "TRADE_SUCCESS").containsEntry("amount_fen", 333)
                .containsEntry("refunded_fen", 100);
        assertThat(response.getBody()).allSatisfy(o -> assertThat(o).containsOnlyKeys("out_trade_no", "status", "amount_fen",
                "trade_no", "refunded_fen"));

        ResponseEntity<Map<String, Object>> unknownChannel = rest.exchange("/sandbox/v1/orders/PAYPAL", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(unknownChannel.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownChannel.getBody()).containsEntry("code", "CHANNEL_NOT_FOUND");
    }

    // ---- bills ----

    @Test
    void billZipIsGbkAndListsThePaymentAndTheRefund() throws Exception {
        String no = paidOrder("20.00");
        refund(no, "2.50", "bill-r1");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        AlipayDataDataserviceBillDownloadurlQueryRequest request = new AlipayDataDataserviceBillDownloadurlQueryRequest();
        request.setBizContent("{\"bill_type\":\"trade\",\"bill_date\":\"" + today + "\"}");
        AlipayDataDataserviceBillDownloadurlQueryResponse response = client().execute(request);
        assertThat(response.isSuccess()).isTrue();
        assertThat(response.getBillDownloadUrl()).endsWith("/alipay/bills/" + today + ".csv.zip");

        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(response.getBillDownloadUrl())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = unzip(download.body());
        String compact = today.replace("-", "");
        String detailName = AlipayBill.PID + "_" + compact + "_业务明细.csv";
        assertThat(files).containsKeys(detailName, AlipayBill.PID + "_" + compact + "_业务明细(汇总).csv");

        String detail = new String(files.get(detailName), GBK);
        assertThat(new String(files.get(detailName), StandardCharsets.UTF_8)).doesNotContain("支付宝业务明细查询");
        List<String> lines = detail.lines().toList();
        assertThat(lines.get(0)).isEqualTo("#支付宝业务明细查询");
        assertThat(lines).contains(AlipayBill.DETAIL_HEADER);
        String tradeNo = (String) order(no).get("trade_no");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(tradeNo + "," + no + ",交易,").contains(",20.00,20.00,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(tradeNo + "," + no + ",退款,").contains(",-2.50,").contains(",bill-r1,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("#交易合计：\\d+笔，退款合计：\\d+笔"));
        assertThat(lines.get(lines.size() - 1)).startsWith("#导出时间：[");

        ResponseEntity<byte[]> viaControl = rest.getForEntity("/sandbox/v1/bills/alipay/" + today, byte[].class);
        assertThat(viaControl.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(unzip(viaControl.getBody()).get(detailName), GBK)).contains(tradeNo + "," + no + ",退款,");
    }

    // ---- helpers ----

    private String gatewayUrl() {
        return "http://127.0.0.1:" + port + "/gateway.do";
    }

    private AlipayClient client() {
        return new DefaultAlipayClient(gatewayUrl(), TestKeys.APP_ID, TestKeys.base64(TestKeys.APP.getPrivate()), "json", "UTF-8",
                TestKeys.base64(TestKeys.PLATFORM.getPublic()), "RSA2");
    }

    private static String orderNo() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private AlipayTradePrecreateResponse precreate(String no, String amount, String notifyUrl) throws AlipayApiException {
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setNotifyUrl(notifyUrl);
        request.setBizContent("{\"out_trade_no\":\"" + no + "\",\"total_amount\":\"" + amount + "\",\"subject\":\"沙箱测试商品\"}");
        return client().execute(request);
    }

    private AlipayTradePayResponse pay(String no, String authCode, String amount, String notifyUrl) throws AlipayApiException {
        AlipayTradePayRequest request = new AlipayTradePayRequest();
        request.setNotifyUrl(notifyUrl);
        request.setBizContent("{\"out_trade_no\":\"" + no + "\",\"scene\":\"bar_code\",\"auth_code\":\"" + authCode
                + "\",\"total_amount\":\"" + amount + "\",\"subject\":\"付款码测试\"}");
        return client().execute(request);
    }

    private String paidOrder(String amount) throws AlipayApiException {
        String no = orderNo();
        scan(precreate(no, amount, null).getQrCode(), "SUCCESS");
        return no;
    }

    private AlipayTradeQueryResponse query(String no) throws AlipayApiException {
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"" + no + "\"}");
        return client().execute(request);
    }

    private AlipayTradeCloseResponse close(String no) throws AlipayApiException {
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizContent("{\"out_trade_no\":\"" + no + "\"}");
        return client().execute(request);
    }

    private AlipayTradeCancelResponse cancel(String no) throws AlipayApiException {
        AlipayTradeCancelRequest request = new AlipayTradeCancelRequest();
        request.setBizContent("{\"out_trade_no\":\"" + no + "\"}");
        return client().execute(request);
    }

    private AlipayTradeRefundResponse refund(String no, String amount, String requestNo) throws AlipayApiException {
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizContent("{\"out_trade_no\":\"" + no + "\",\"refund_amount\":\"" + amount + "\",\"out_request_no\":\"" + requestNo + "\"}");
        return client().execute(request);
    }

    private AlipayTradeFastpayRefundQueryResponse refundQuery(String no, String requestNo) throws AlipayApiException {
        AlipayTradeFastpayRefundQueryRequest request = new AlipayTradeFastpayRefundQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"" + no + "\",\"out_request_no\":\"" + requestNo + "\"}");
        return client().execute(request);
    }

    private Map<String, Object> scan(String code, String outcome) {
        ResponseEntity<Map<String, Object>> response = post("/sandbox/v1/scan", Map.of("code_url", code, "outcome", outcome));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void fault(String operation, String mode, long millis) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("channel", "alipay");
        rule.put("operation", operation);
        rule.put("mode", mode);
        rule.put("rate", 1.0);
        rule.put("millis", millis);
        assertThat(post("/sandbox/v1/faults", rule).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private Map<String, Object> order(String no) {
        ResponseEntity<Map<String, Object>> response = rest.exchange("/sandbox/v1/orders/ALIPAY/" + no, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<Map<String, Object>> attempts(String no) {
        return rest.exchange("/sandbox/v1/notifications?channel=ALIPAY&out_trade_no=" + no, HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    private ResponseEntity<Map<String, Object>> post(String path, Map<String, ?> body) {
        return rest.exchange(path, HttpMethod.POST, new org.springframework.http.HttpEntity<>(body),
                new ParameterizedTypeReference<>() { });
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
