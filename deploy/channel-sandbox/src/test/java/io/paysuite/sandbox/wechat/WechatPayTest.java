package io.paysuite.sandbox.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import com.wechat.pay.java.service.refund.model.Status;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeChat Pay API v3 against the unmodified official SDK (wechatpay-java), whose fixed host api.mch.weixin.qq.com is
 * rewritten to the sandbox by an OkHttp interceptor: a call that returns at all passed the SDK's signature check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WechatPayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("paysuite.sandbox.time-scale", () -> "0.001");
        registry.add("paysuite.sandbox.wechat.latency", () -> "1ms");
        registry.add("paysuite.sandbox.wechat.merchant-public-key",
                () -> WechatTestKeys.pem("PUBLIC KEY", WechatTestKeys.MERCHANT.getPublic()).toString());
        registry.add("paysuite.sandbox.wechat.platform-private-key",
                () -> WechatTestKeys.pem("PRIVATE KEY", WechatTestKeys.PLATFORM.getPrivate()).toString());
        registry.add("paysuite.sandbox.wechat.api-v3-key-file", () -> WechatTestKeys.apiV3KeyFile().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void clearFaults() {
        rest.delete("/sandbox/v1/faults");
    }

    // ---- prepay, query, scan, notification ----

    @Test
    void prepaidOrderIsNotpayThenTheScanPaysItAndTheNotificationParses() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver(200)) {
            String no = orderNo();
            String codeUrl = prepay(no, 1234, merchant.url());
            assertThat(codeUrl).matches("weixin://wxpay/bizpayurl\\?pr=[A-Za-z0-9]{10}");
            assertThat(prepay(no, 1234, merchant.url())).as("idempotent").isEqualTo(codeUrl);
            assertThatThrownBy(() -> prepay(no, 1235, merchant.url())).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(403);
                assertThat(e.getErrorCode()).isEqualTo("OUT_TRADE_NO_USED");
            });

            Transaction notpay = query(no);
            assertThat(notpay.getTradeState()).isEqualTo(Transaction.TradeStateEnum.NOTPAY);
            assertThat(notpay.getOutTradeNo()).isEqualTo(no);
            assertThat(notpay.getAmount().getTotal()).isEqualTo(1234);
            assertThat(notpay.getTradeType()).isEqualTo(Transaction.TradeTypeEnum.NATIVE);
            assertThat(notpay.getSuccessTime()).isNull();

            assertThat(scan(codeUrl, "SUCCESS")).containsEntry("channel", "WECHAT").containsEntry("out_trade_no", no)
                    .containsEntry("status", "SUCCESS");
            Transaction paid = query(no);
            assertThat(paid.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
            assertThat(paid.getTransactionId()).matches("4200\\d{24}");
            assertThat(paid.getSuccessTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
            assertThat(paid.getAmount().getPayerTotal()).isEqualTo(1234);
            assertThat(paid.getAmount().getCurrency()).isEqualTo("CNY");
            assertThat(paid.getPayer().getOpenid()).isNotBlank();
            assertThat(paid.getMchid()).isEqualTo(WechatTestKeys.MCHID);
            assertThat(paid.getAppid()).isEqualTo(WechatTestKeys.APPID);

            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            WechatReceiver.Received notification = merchant.received.get(0);
            assertThat(notification.header("Wechatpay-Serial")).isEqualTo(WechatTestKeys.PUBLIC_KEY_ID);
            assertThat(notification.header("Wechatpay-Signature-Type")).isEqualTo("WECHATPAY2-SHA256-RSA2048");
            Transaction notified = new NotificationParser(config()).parse(requestParam(notification), Transaction.class);
            assertThat(notified.getOutTradeNo()).isEqualTo(no);
            assertThat(notified.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
            assertThat(notified.getTransactionId()).isEqualTo(paid.getTransactionId());
            assertThat(notified.getAmount().getTotal()).isEqualTo(1234);
            JsonNode envelope = JSON.readTree(notification.body());
            assertThat(envelope.path("event_type").asText()).isEqualTo("TRANSACTION.SUCCESS");
            assertThat(envelope.path("resource_type").asText()).isEqualTo("encrypt-resource");
            assertThat(envelope.path("resource").path("associated_data").asText()).isEqualTo("transaction");
            assertThat(envelope.path("resource").path("nonce").asText()).hasSize(12);

            assertThatThrownBy(() -> prepay(no, 1234, merchant.url())).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(400);
                assertThat(e.getErrorCode()).isEqualTo("ORDERPAID");
            });
            assertThat(post("/sandbox/v1/scan", Map.of("code_url", codeUrl, "outcome", "SUCCESS")).getStatusCode())
                    .isEqualTo(HttpStatus.CONFLICT);
            assertThat(order(no)).containsEntry("status", "SUCCESS").containsEntry("amount_fen", 1234)
                    .containsEntry("trade_no", paid.getTransactionId()).containsEntry("refunded_fen", 0);
        }
    }

    @Test
    void aReceiverFailingTwiceGetsThreeAttemptsWithOneId() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver(500, 500, 204)) {
            String no = orderNo();
            scan(prepay(no, 100, merchant.url()), "SUCCESS");
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts(no).size() == 3);
            List<Map<String, Object>> attempts = attempts(no);
            assertThat(attempts).extracting(a -> a.get("attempt")).containsExactly(1, 2, 3);
            assertThat(attempts).extracting(a -> a.get("notify_id")).containsOnly(attempts.get(0).get("notify_id"));
            assertThat(attempts.get(2).get("answer")).isEqualTo("HTTP 204");
            assertThat(merchant.received).hasSize(3)
                    .extracting(r -> JSON.readTree(r.body()).path("id").asText()).containsOnly((String) attempts.get(0).get("notify_id"));
            for (WechatReceiver.Received attempt : merchant.received) {
                assertThat(new NotificationParser(config()).parse(requestParam(attempt), Transaction.class).getOutTradeNo()).isEqualTo(no);
            }
        }
    }

    @Test
    void userPayingThenFailIsPayerrorWithoutNotification() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver()) {
            String no = orderNo();
            String codeUrl = prepay(no, 300, merchant.url());
            assertThat(scan(codeUrl, "USERPAYING")).containsEntry("status", "USERPAYING");
            assertThat(query(no).getTradeState()).isEqualTo(Transaction.TradeStateEnum.USERPAYING);
            assertThat(scan(codeUrl, "FAIL")).containsEntry("status", "PAYERROR");
            assertThat(query(no).getTradeState()).isEqualTo(Transaction.TradeStateEnum.PAYERROR);
            assertThat(post("/sandbox/v1/scan", Map.of("code_url", codeUrl, "outcome", "SUCCESS")).getStatusCode())
                    .isEqualTo(HttpStatus.CONFLICT);
            assertThat(attempts(no)).isEmpty();
            assertThat(merchant.received).isEmpty();
        }
    }

    // ---- signatures and merchant ----

    @Test
    void aRequestSignedWithAnotherKeyIs401SignErrorAndAnotherMerchantIs403NoAuth() {
        NativePayService stranger = new NativePayService.Builder()
                .httpClient(client(config(WechatTestKeys.MCHID, WechatTestKeys.STRANGER.getPrivate()), 0)).build();
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setOutTradeNo(orderNo());
        request.setMchid(WechatTestKeys.MCHID);
        assertThatThrownBy(() -> stranger.queryOrderByOutTradeNo(request)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.getHttpStatusCode()).isEqualTo(401);
            assertThat(e.getErrorCode()).isEqualTo("SIGN_ERROR");
        });

        NativePayService otherMerchant = new NativePayService.Builder()
                .httpClient(client(config("1900000999", WechatTestKeys.MERCHANT.getPrivate()), 0)).build();
        assertThatThrownBy(() -> otherMerchant.queryOrderByOutTradeNo(request)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.getHttpStatusCode()).isEqualTo(403);
            assertThat(e.getErrorCode()).isEqualTo("NO_AUTH");
        });

        QueryOrderByOutTradeNoRequest unknown = new QueryOrderByOutTradeNoRequest();
        unknown.setOutTradeNo(orderNo());
        unknown.setMchid(WechatTestKeys.MCHID);
        assertThatThrownBy(() -> nativePay().queryOrderByOutTradeNo(unknown)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.getHttpStatusCode()).isEqualTo(404);
            assertThat(e.getErrorCode()).isEqualTo("ORDER_NOT_EXIST");
        });
    }

    // ---- close ----

    @Test
    void closeAnswers204ThenTheOrderIsClosedAndAPaidOrderRefuses() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver()) {
            String no = orderNo();
            String codeUrl = prepay(no, 400, merchant.url());
            close(no);
            assertThat(query(no).getTradeState()).isEqualTo(Transaction.TradeStateEnum.CLOSED);
            close(no); // closing again is fine
            assertThat(post("/sandbox/v1/scan", Map.of("code_url", codeUrl, "outcome", "SUCCESS")).getStatusCode())
                    .isEqualTo(HttpStatus.CONFLICT);
            assertThatThrownBy(() -> prepay(no, 400, merchant.url())).isInstanceOfSatisfying(ServiceException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo("ORDER_CLOSED"));

            String paid = paidOrder(500, merchant.url());
            assertThatThrownBy(() -> close(paid)).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(400);
                assertThat(e.getErrorCode()).isEqualTo("ORDERPAID");
            });
            assertThatThrownBy(() -> close(orderNo())).isInstanceOfSatisfying(ServiceException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo("ORDER_NOT_EXIST"));
        }
    }

    // ---- refunds ----

    @Test
    void refundsSettleAtOnceAreIdempotentAndCannotExceedThePayment() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver()) {
            String no = paidOrder(1000, merchant.url());
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            Refund first = refund(no, "R" + no, 300, 1000, merchant.url());
            assertThat(first.getStatus()).isEqualTo(Status.SUCCESS);
            assertThat(first.getOutRefundNo()).isEqualTo("R" + no);
            assertThat(first.getRefundId()).matches("50\\d{27}");
            assertThat(first.getAmount().getRefund()).isEqualTo(300L);
            assertThat(first.getAmount().getTotal()).isEqualTo(1000L);
            assertThat(first.getSuccessTime()).isNotBlank();

            Refund repeat = refund(no, "R" + no, 300, 1000, merchant.url());
            assertThat(repeat.getRefundId()).as("idempotent on out_refund_no").isEqualTo(first.getRefundId());
            assertThat(order(no)).containsEntry("refunded_fen", 300).containsEntry("status", "REFUND");
            assertThat(query(no).getTradeState()).isEqualTo(Transaction.TradeStateEnum.REFUND);

            assertThatThrownBy(() -> refund(no, "R2" + no, 701, 1000, null)).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(400);
                assertThat(e.getErrorCode()).isEqualTo("INVALID_REQUEST");
            });
            QueryByOutRefundNoRequest byNo = new QueryByOutRefundNoRequest();
            byNo.setOutRefundNo("R" + no);
            assertThat(refunds().queryByOutRefundNo(byNo).getRefundId()).isEqualTo(first.getRefundId());
            QueryByOutRefundNoRequest unknown = new QueryByOutRefundNoRequest();
            unknown.setOutRefundNo("R2" + no);
            assertThatThrownBy(() -> refunds().queryByOutRefundNo(unknown)).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(404);
                assertThat(e.getErrorCode()).isEqualTo("RESOURCE_NOT_EXISTS");
            });

            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            RefundNotification notified = new NotificationParser(config()).parse(requestParam(merchant.received.get(1)),
                    RefundNotification.class);
            assertThat(notified.getRefundStatus()).isEqualTo(Status.SUCCESS);
            assertThat(notified.getRefundId()).isEqualTo(first.getRefundId());
            assertThat(notified.getAmount().getRefund()).isEqualTo(300L);
            assertThat(JSON.readTree(merchant.received.get(1).body()).path("event_type").asText()).isEqualTo("REFUND.SUCCESS");

            String unpaid = orderNo();
            prepay(unpaid, 100, merchant.url());
            assertThatThrownBy(() -> refund(unpaid, "R" + unpaid, 100, 100, null)).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(400);
                assertThat(e.getErrorCode()).isEqualTo("INVALID_REQUEST");
            });
        }
    }

    // ---- faults ----

    @Test
    void timeoutCreatesTheOrderButTheClientGivesUpFirst() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver()) {
            String no = orderNo();
            fault("charge", "TIMEOUT", 1500, null);
            NativePayService impatient = new NativePayService.Builder().httpClient(client(config(), 400)).build();
            assertThatThrownBy(() -> impatient.prepay(prepayRequest(no, 700, merchant.url()))).isInstanceOf(HttpException.class);
            rest.delete("/sandbox/v1/faults");
            assertThat(order(no)).as("applied although unanswered").containsEntry("status", "NOTPAY");
            assertThat(prepay(no, 700, merchant.url())).startsWith("weixin://");
        }
    }

    @Test
    void errorWithACodeIsADefiniteRefusalAndWithoutASystemError() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver()) {
            String no = orderNo();
            fault("charge", "ERROR", 0, "NO_AUTH");
            assertThatThrownBy(() -> prepay(no, 800, merchant.url())).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(403);
                assertThat(e.getErrorCode()).isEqualTo("NO_AUTH");
            });
            assertThat(rest.getForEntity("/sandbox/v1/orders/WECHAT/" + no, String.class).getStatusCode())
                    .as("nothing created").isEqualTo(HttpStatus.NOT_FOUND);
            rest.delete("/sandbox/v1/faults");

            fault("charge", "ERROR", 0, "PARAM_ERROR");
            assertThatThrownBy(() -> prepay(no, 800, merchant.url())).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(400);
                assertThat(e.getErrorCode()).isEqualTo("PARAM_ERROR");
            });
            rest.delete("/sandbox/v1/faults");

            prepay(no, 800, merchant.url());
            fault("query", "ERROR", 0, null);
            assertThatThrownBy(() -> query(no)).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(500);
                assertThat(e.getErrorCode()).isEqualTo("SYSTEM_ERROR");
            });
            rest.delete("/sandbox/v1/faults");
            fault("query", "NOT_FOUND", 0, null);
            assertThatThrownBy(() -> query(no)).isInstanceOfSatisfying(ServiceException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo("ORDER_NOT_EXIST"));
        }
    }

    @Test
    void aSlowNotifyFaultHoldsTheNotificationSoAQueryOvertakesIt() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver(204)) {
            fault("notify", "SLOW", 1500, null);
            String no = orderNo();
            String codeUrl = prepay(no, 300, merchant.url());
            Instant paidAt = Instant.now();
            scan(codeUrl, "SUCCESS");
            assertThat(query(no).getTradeState()).as("the query overtakes the notification").isEqualTo(Transaction.TradeStateEnum.SUCCESS);
            assertThat(merchant.received).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            assertThat(merchant.arrivals.get(0)).isAfterOrEqualTo(paidAt.plusMillis(1500));
            assertThat(new NotificationParser(config()).parse(requestParam(merchant.received.get(0)), Transaction.class).getTradeState())
                    .isEqualTo(Transaction.TradeStateEnum.SUCCESS);
        }
    }

    // ---- injected notifications: POST /sandbox/v1/notify ----

    @Test
    void aDuplicateSentThreeTimesRacesWithTheRealIdAndParses() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver(204)) {
            String no = paidOrder(888, merchant.url());
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            WechatReceiver.Received real = merchant.received.get(0);
            String realId = JSON.readTree(real.body()).path("id").asText();

            merchant.gate(3); // answered only when all three copies are in at once
            ResponseEntity<Map<String, Object>> injected = post("/sandbox/v1/notify", Map.of("channel", "wechat", "out_trade_no", no, "copies", 3));
            assertThat(injected.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(injected.getBody()).containsEntry("channel", "WECHAT").containsEntry("out_trade_no", no)
                    .containsEntry("notify_id", realId).containsEntry("copies", 3);

            await().atMost(Duration.ofSeconds(10)).until(() -> attempts(no).size() == 4);
            assertThat(merchant.received).hasSize(4);
            assertThat(merchant.missedGate).as("the copies arrived together").hasValue(0);
            for (WechatReceiver.Received copy : merchant.received.subList(1, 4)) {
                assertThat(copy.body()).as("the real notification's body again").isEqualTo(real.body());
                Transaction parsed = new NotificationParser(config()).parse(requestParam(copy), Transaction.class);
                assertThat(parsed.getOutTradeNo()).isEqualTo(no);
                assertThat(parsed.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
                assertThat(parsed.getAmount().getTotal()).isEqualTo(888);
            }
            assertThat(attempts(no)).extracting(a -> a.get("notify_id")).containsOnly(realId);
            assertThat(attempts(no)).filteredOn(a -> Boolean.TRUE.equals(a.get("injected"))).hasSize(3)
                    .allSatisfy(a -> assertThat(a).containsEntry("answer", "HTTP 204"));
        }
    }

    @Test
    void aContradictingClosedIsValidlySignedAndLeavesTheOrderPaid() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver(204)) {
            String no = paidOrder(520, merchant.url());
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            String realId = JSON.readTree(merchant.received.get(0).body()).path("id").asText();
            String transactionId = query(no).getTransactionId();

            ResponseEntity<Map<String, Object>> injected = post("/sandbox/v1/notify",
                    Map.of("channel", "WECHAT", "out_trade_no", no, "trade_status", "CLOSED"));
            assertThat(injected.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            String forgedId = (String) injected.getBody().get("notify_id");
            assertThat(forgedId).isNotBlank().isNotEqualTo(realId);

            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 2);
            WechatReceiver.Received forged = merchant.received.get(1);
            assertThat(JSON.readTree(forged.body()).path("id").asText()).isEqualTo(forgedId);
            Transaction parsed = new NotificationParser(config()).parse(requestParam(forged), Transaction.class);
            assertThat(parsed.getTradeState()).isEqualTo(Transaction.TradeStateEnum.CLOSED);
            assertThat(parsed.getOutTradeNo()).isEqualTo(no);
            assertThat(parsed.getTransactionId()).isEqualTo(transactionId);
            assertThat(parsed.getAmount().getTotal()).isEqualTo(520);
            assertThat(parsed.getSuccessTime()).isNull();

            assertThat(order(no)).as("the sandbox's own order is untouched").containsEntry("status", "SUCCESS");
            assertThat(query(no).getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
            assertThat(attempts(no)).hasSize(2).last().satisfies(a -> assertThat(a).containsEntry("notify_id", forgedId)
                    .containsEntry("injected", true));
        }
    }

    @Test
    void aForgedSuccessCanClaimAnotherAmount() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver(204)) {
            String no = orderNo();
            prepay(no, 2000, merchant.url());
            ResponseEntity<Map<String, Object>> injected = post("/sandbox/v1/notify", Map.of("channel", "WECHAT", "out_trade_no", no,
                    "trade_status", "SUCCESS", "total_fen", 1));
            assertThat(injected.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(10)).until(() -> merchant.received.size() == 1);
            Transaction parsed = new NotificationParser(config()).parse(requestParam(merchant.received.get(0)), Transaction.class);
            assertThat(parsed.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
            assertThat(parsed.getAmount().getTotal()).isEqualTo(1);
            assertThat(parsed.getAmount().getPayerTotal()).isEqualTo(1);
            assertThat(parsed.getTransactionId()).matches("4200\\d{24}");
            assertThat(parsed.getSuccessTime()).isNotBlank();
            assertThat(order(no)).as("a forged payment pays nothing").containsEntry("status", "NOTPAY").containsEntry("amount_fen", 2000)
                    .containsEntry("trade_no", null);
        }
    }

    @Test
    void injectingIsRefusedForAnUnknownOrderNothingToResendOrABadState() throws Exception {
        ResponseEntity<Map<String, Object>> unknown = post("/sandbox/v1/notify", Map.of("channel", "WECHAT", "out_trade_no", orderNo()));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("code", "ORDER_NOT_FOUND");
        try (WechatReceiver merchant = new WechatReceiver(204)) {
            String no = orderNo();
            prepay(no, 100, merchant.url());
            ResponseEntity<Map<String, Object>> nothing = post("/sandbox/v1/notify", Map.of("channel", "WECHAT", "out_trade_no", no));
            assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(nothing.getBody()).containsEntry("code", "NO_NOTIFICATION");
            ResponseEntity<Map<String, Object>> badState = post("/sandbox/v1/notify", Map.of("channel", "WECHAT", "out_trade_no", no,
                    "trade_status", "TRADE_SUCCESS"));
            assertThat(badState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(badState.getBody()).containsEntry("code", "INVALID_TRADE_STATUS");
            Thread.sleep(200);
            assertThat(merchant.received).isEmpty();
        }
    }

    // ---- the channel's orders ----

    @Test
    void theOrdersListShowsEveryOrderAsTheSandboxSeesIt() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver(204)) {
            String notpay = orderNo();
            prepay(notpay, 111, merchant.url());
            String paid = paidOrder(222, merchant.url());
            String refunded = paidOrder(333, merchant.url());
            refund(refunded, "list-" + refunded, 100, 333, null);
            ResponseEntity<List<Map<String, Object>>> response = rest.exchange("/sandbox/v1/orders/WECHAT", HttpMethod.GET, null,
                    new ParameterizedTypeReference<>() { });
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            Map<Object, Map<String, Object>> byNo = new LinkedHashMap<>();
            response.getBody().forEach(o -> byNo.put(o.get("out_trade_no"), o));
            assertThat(byNo.get(notpay)).containsEntry("status", "NOTPAY").containsEntry("amount_fen", 111)
                    .containsEntry("trade_no", null).containsEntry("refunded_fen", 0);
            assertThat(byNo.get(paid)).containsEntry("status", "SUCCESS").containsEntry("amount_fen", 222)
                    .containsEntry("trade_no", query(paid).getTransactionId()).containsEntry("refunded_fen", 0);
            assertThat(byNo.get(refunded)).containsEntry("status", "REFUND").containsEntry("refunded_fen", 100);
            assertThat(List.copyOf(byNo.keySet())).as("oldest first").containsSubsequence(notpay, paid, refunded);
        }
    }

    // ---- bill ----

    @Test
    void tradeBillDownloadsThroughTheSdkWithAValidHashAndBacktickFields() throws Exception {
        try (WechatReceiver merchant = new WechatReceiver()) {
            String no = paidOrder(2000, merchant.url());
            refund(no, "B" + no, 250, 2000, null);
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            String transactionId = (String) order(no).get("trade_no");

            GetTradeBillRequest request = new GetTradeBillRequest();
            request.setBillDate(today);
            request.setBillType(BillType.ALL);
            BillDownloadServiceExtension bills = new BillDownloadServiceExtension.Builder().httpClient(client(config(), 0))
                    .decryptor(config().createDecryptor()).build();
            DigestBillEntity bill = bills.getTradeBill(request);
            String csv = new String(bill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bill.verifyHash()).as("SHA1 of the download matches hash_value").isTrue();

            List<String> lines = csv.lines().toList();
            assertThat(lines.get(0)).isEqualTo(WechatBill.DETAIL_HEADER);
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .contains(",`" + transactionId + ",`" + no + ",").contains(",`NATIVE,`SUCCESS,`OTHERS,`CNY,`20.00,"));
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .contains(",`" + transactionId + ",`" + no + ",").contains(",`REFUND,").contains(",`B" + no + ",`2.50,"));
            assertThat(lines.get(1)).matches("`\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,`" + WechatTestKeys.APPID + ",`" + WechatTestKeys.MCHID + ",.*");
            assertThat(lines.subList(1, lines.size() - 2)).allSatisfy(line -> assertThat(line.split(",", -1))
                    .hasSize(27).allSatisfy(field -> assertThat(field).startsWith("`")));
            assertThat(lines.get(lines.size() - 2)).isEqualTo(WechatBill.SUMMARY_HEADER);
            assertThat(lines.get(lines.size() - 1)).matches("`\\d+,`\\d+\\.\\d\\d,`\\d+\\.\\d\\d,`0\\.00,`-?\\d+\\.\\d\\d,`\\d+\\.\\d\\d,`\\d+\\.\\d\\d");

            ResponseEntity<byte[]> viaControl = rest.getForEntity("/sandbox/v1/bills/WECHAT/" + today, byte[].class);
            assertThat(viaControl.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(new String(viaControl.getBody(), StandardCharsets.UTF_8)).contains(",`B" + no + ",`2.50,");
        }
    }

    // ---- helpers ----

    private static RSAPublicKeyConfig config() {
        return config(WechatTestKeys.MCHID, WechatTestKeys.MERCHANT.getPrivate());
    }

    private static RSAPublicKeyConfig config(String mchid, PrivateKey merchantKey) {
        return new RSAPublicKeyConfig.Builder().merchantId(mchid).privateKey(merchantKey)
                .merchantSerialNumber(WechatTestKeys.MERCHANT_SERIAL).publicKey(WechatTestKeys.PLATFORM.getPublic())
                .publicKeyId(WechatTestKeys.PUBLIC_KEY_ID).apiV3Key(WechatTestKeys.API_V3_KEY).build();
    }

    /** The SDK's client with api.mch.weixin.qq.com rewritten to the sandbox; {@code readTimeoutMs} 0: the default. */
    private HttpClient client(RSAPublicKeyConfig config, int readTimeoutMs) {
        Interceptor rewrite = chain -> {
            HttpUrl url = chain.request().url().newBuilder().scheme("http").host("127.0.0.1").port(port).build();
            return chain.proceed(chain.request().newBuilder().url(url).build());
        };
        DefaultHttpClientBuilder builder = new DefaultHttpClientBuilder().config(config)
                .okHttpClient(new OkHttpClient.Builder().addInterceptor(rewrite).build());
        if (readTimeoutMs > 0) {
            builder.readTimeoutMs(readTimeoutMs);
        }
        return builder.build();
    }

    private NativePayService nativePay() {
        return new NativePayService.Builder().httpClient(client(config(), 0)).build();
    }

    private RefundService refunds() {
        return new RefundService.Builder().httpClient(client(config(), 0)).build();
    }

    private static PrepayRequest prepayRequest(String no, int fen, String notifyUrl) {
        PrepayRequest request = new PrepayRequest();
        request.setAppid(WechatTestKeys.APPID);
        request.setMchid(WechatTestKeys.MCHID);
        request.setDescription("沙箱测试商品");
        request.setOutTradeNo(no);
        request.setNotifyUrl(notifyUrl);
        Amount amount = new Amount();
        amount.setTotal(fen);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        return request;
    }

    private String prepay(String no, int fen, String notifyUrl) {
        return nativePay().prepay(prepayRequest(no, fen, notifyUrl)).getCodeUrl();
    }

    private String paidOrder(int fen, String notifyUrl) {
        String no = orderNo();
        scan(prepay(no, fen, notifyUrl), "SUCCESS");
        return no;
    }

    private Transaction query(String no) {
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setOutTradeNo(no);
        request.setMchid(WechatTestKeys.MCHID);
        return nativePay().queryOrderByOutTradeNo(request);
    }

    private void close(String no) {
        CloseOrderRequest request = new CloseOrderRequest();
        request.setOutTradeNo(no);
        request.setMchid(WechatTestKeys.MCHID);
        nativePay().closeOrder(request);
    }

    private Refund refund(String no, String outRefundNo, long fen, long totalFen, String notifyUrl) {
        CreateRequest request = new CreateRequest();
        request.setOutTradeNo(no);
        request.setOutRefundNo(outRefundNo);
        request.setNotifyUrl(notifyUrl);
        AmountReq amount = new AmountReq();
        amount.setRefund(fen);
        amount.setTotal(totalFen);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        return refunds().create(request);
    }

    private static RequestParam requestParam(WechatReceiver.Received notification) {
        return new RequestParam.Builder().serialNumber(notification.header("Wechatpay-Serial"))
                .nonce(notification.header("Wechatpay-Nonce")).signature(notification.header("Wechatpay-Signature"))
                .timestamp(notification.header("Wechatpay-Timestamp")).signType(notification.header("Wechatpay-Signature-Type"))
                .body(notification.body()).build();
    }

    private static String orderNo() {
        return "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private Map<String, Object> scan(String code, String outcome) {
        ResponseEntity<Map<String, Object>> response = post("/sandbox/v1/scan", Map.of("code_url", code, "outcome", outcome));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void fault(String operation, String mode, long millis, String code) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("channel", "WECHAT");
        rule.put("operation", operation);
        rule.put("mode", mode);
        rule.put("rate", 1.0);
        rule.put("millis", millis);
        if (code != null) {
            rule.put("code", code);
        }
        assertThat(post("/sandbox/v1/faults", rule).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private Map<String, Object> order(String no) {
        ResponseEntity<Map<String, Object>> response = rest.exchange("/sandbox/v1/orders/WECHAT/" + no, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<Map<String, Object>> attempts(String no) {
        return rest.exchange("/sandbox/v1/notifications?channel=WECHAT&out_trade_no=" + no, HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    private ResponseEntity<Map<String, Object>> post(String path, Map<String, ?> body) {
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body), new ParameterizedTypeReference<>() { });
    }
}
