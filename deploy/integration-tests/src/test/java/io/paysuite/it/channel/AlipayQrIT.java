package io.paysuite.it.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.event.Topics;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.event.TradeEventTap;
import io.paysuite.it.openapi.Buyers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alipay QR payments end to end through real processes: pay-core → channel-gateway → the official
 * Alipay SDK → the channel sandbox speaking Alipay's protocol, the sandbox buyer scanning, Alipay's
 * signed notification back to the gateway, and pay-core finishing the pay order. The uncertain
 * cases: a lost notification (the pay order's delayed check queries and finishes it), a precreate
 * that timed out (PROCESSING, never failed; the repeat gets the channel's code), a failed scan (the
 * trade waits for payment again, nothing posted).
 */
class AlipayQrIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final RefundService refunds = SuiteHarness.reference(RefundService.class, null);
    private final String merchant = "M_ALIQR_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @AfterEach
    void clearFaults() throws Exception {
        sandbox("DELETE", "/sandbox/v1/faults", null);
    }

    @Test
    void aScannedQrPaysTheTradeAndTheLedgerSaysAlipayOwesTheMoney() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        long clearingBefore = clearing();
        TradeDTO trade = newTrade(3_456);
        String requestNo = "REQ-" + UUID.randomUUID();

        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.ALIPAY_QR, null, requestNo)));
        assertThat(started.status()).as("waiting for the scan, not failed").isEqualTo(PayOrderStatus.PROCESSING);
        ChannelOrderDTO channelOrder = ok(channels.get(started.payOrderNo()));
        assertThat(channelOrder.channel()).isEqualTo(ChannelCode.ALIPAY);
        assertThat(channelOrder.status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(channelOrder.codeUrl()).startsWith("https://qr.alipay.com/");
        assertThat(ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.ALIPAY_QR, null, requestNo))).payOrderNo())
                .as("the same attempt repeated is the same pay order").isEqualTo(started.payOrderNo());

        JsonNode scanned = scan(channelOrder.codeUrl(), "SUCCESS");
        assertThat(scanned.path("status").asText()).isEqualTo("TRADE_SUCCESS");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> trade(trade.tradeNo()).status() == TradeStatus.SUCCESS);
        TradeDTO paid = trade(trade.tradeNo());
        assertThat(paid.payments()).containsExactly(new TradePaymentDTO(PayMethod.ALIPAY_QR, Money.cny(3_456), "ALIPAY"));
        assertThat(ok(pay.get(started.payOrderNo())).status()).isEqualTo(PayOrderStatus.SUCCESS);
        ChannelOrderDTO done = ok(channels.get(started.payOrderNo()));
        assertThat(done.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(done.channelTradeNo()).hasSize(28);
        assertThat(clearing() - clearingBefore).as("the channel owes the platform exactly the payment").isEqualTo(3_456);
        assertThat(Buyers.balance(buyer)).as("the wallet paid nothing").isEqualTo(1);
        JsonNode atChannel = sandbox("GET", "/sandbox/v1/orders/ALIPAY/" + done.channelOrderNo(), null);
        assertThat(atChannel.path("status").asText()).isEqualTo("TRADE_SUCCESS");
        assertThat(atChannel.path("amount_fen").asLong()).isEqualTo(3_456);

        // a partial refund goes back through Alipay, never into the wallet
        Result<RefundDTO> refund = refunds.refund(new CreateRefundCmd(merchant, trade.tradeNo(), null, "RF-" + UUID.randomUUID(),
                Money.cny(456), "partly returned"));
        assertThat(refund.success()).as(refund.code() + " " + refund.message()).isTrue();
        String refundNo = refund.data().refundNo();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> refunds.get(new RefundByNoQry(refundNo, merchant)).data().status() == RefundStatus.SUCCESS);
        assertThat(trade(trade.tradeNo()).refundedAmount()).isEqualTo(Money.cny(456));
        assertThat(sandbox("GET", "/sandbox/v1/orders/ALIPAY/" + done.channelOrderNo(), null).path("refunded_fen").asLong())
                .isEqualTo(456);
        assertThat(clearing() - clearingBefore).as("Alipay owes the platform what it kept").isEqualTo(3_456 - 456);
        assertThat(Buyers.balance(buyer)).as("the wallet got nothing").isEqualTo(1);

        // a refund Alipay refuses returns nothing and undoes its posting
        fault("refund", "ERROR", 0, "ACQ.SELLER_BALANCE_NOT_ENOUGH");
        Result<RefundDTO> refused = refunds.refund(new CreateRefundCmd(merchant, trade.tradeNo(), null, "RF-" + UUID.randomUUID(),
                Money.cny(1_000), "refused"));
        String refusedNo = refused.success() ? refused.data().refundNo() : null;
        if (refusedNo != null) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> refunds.get(new RefundByNoQry(refusedNo, merchant)).data().status() == RefundStatus.FAILED);
        } else {
            assertThat(refused.code()).isEqualTo("CHANNEL_DECLINED");
        }
        assertThat(trade(trade.tradeNo()).refundedAmount()).as("the reservation is given back").isEqualTo(Money.cny(456));
        assertThat(clearing() - clearingBefore).isEqualTo(3_456 - 456);
    }

    @Test
    void aLostNotificationIsMadeUpByThePayOrdersDelayedQuery() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        TradeDTO trade = newTrade(777);
        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.ALIPAY_QR, null, "REQ-" + UUID.randomUUID())));
        ChannelOrderDTO channelOrder = ok(channels.get(started.payOrderNo()));
        fault("notify", "ERROR", 0);

        scan(channelOrder.codeUrl(), "SUCCESS");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> trade(trade.tradeNo()).status() == TradeStatus.SUCCESS);
        assertThat(ok(channels.get(started.payOrderNo())).status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        JsonNode attempts = sandbox("GET", "/sandbox/v1/notifications?channel=ALIPAY&out_trade_no=" + channelOrder.channelOrderNo(), null);
        assertThat(attempts.toString()).as("the notification was dropped, so the query found it").doesNotContain("\"success\"");
    }

    @Test
    void aTimedOutPrecreateLeavesThePaymentProcessingAndTheRepeatGetsTheChannelsCode() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        TradeDTO trade = newTrade(1_200);
        fault("charge", "TIMEOUT", 5_000);

        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.ALIPAY_QR, null, "REQ-" + UUID.randomUUID())));
        assertThat(started.status()).as("a timeout is not a failure").isEqualTo(PayOrderStatus.PROCESSING);
        ChannelOrderDTO uncertain = ok(channels.get(started.payOrderNo()));
        assertThat(uncertain.status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(uncertain.codeUrl()).isNull();
        sandbox("DELETE", "/sandbox/v1/faults", null);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(channels.get(started.payOrderNo())).codeUrl() != null);
        String code = ok(channels.get(started.payOrderNo())).codeUrl();
        scan(code, "SUCCESS");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> trade(trade.tradeNo()).status() == TradeStatus.SUCCESS);
        assertThat(trade(trade.tradeNo()).paidAmount()).isEqualTo(Money.cny(1_200));
    }

    @Test
    void aFailedScanGivesTheTradeBackAndPostsNothing() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        long clearingBefore = clearing();
        TradeDTO trade = newTrade(999);
        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.ALIPAY_QR, null, "REQ-" + UUID.randomUUID())));

        scan(ok(channels.get(started.payOrderNo())).codeUrl(), "FAIL");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(pay.get(started.payOrderNo())).status() == PayOrderStatus.FAILED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> trade(trade.tradeNo()).status() == TradeStatus.WAIT_PAY);
        assertThat(ok(channels.get(started.payOrderNo())).status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(clearing()).isEqualTo(clearingBefore);
    }

    /**
     * channel-gateway announces a final channel order ({@code CHANNEL_ORDER_FINAL}) only when it found the result
     * outside a call of pay-core's: a code paid at once is the answer to pay-core's charge, which settles the pay order
     * from it (announcing it too made pay-core settle the same pay order twice), while a scan that Alipay's
     * notification reports is announced.
     */
    @Test
    void aCodePaidAtOnceIsTheChargesAnswerAndIsNotAnnouncedWhileAScanReportedByANotificationIs() throws Exception {
        Breakers.awaitClosed(channels, ChannelCode.ALIPAY); // an earlier class's injected timeouts may have opened it
        try (TradeEventTap results = TradeEventTap.start(SuiteHarness.suite().infra().namesrvAddress(), Topics.CHANNEL_EVENT)) {
            TradeDTO till = newTrade(1_234, PayMethod.ALIPAY_CODE);
            PayOrderDTO paidAtOnce = ok(pay.pay(new PayCmd(till.tradeNo(), "ALIPAY_BUYER", PayMethod.ALIPAY_CODE, null,
                    "REQ-" + UUID.randomUUID(), BarcodeIT.alipayCode("0000"))));
            assertThat(paidAtOnce.status()).as("settled from the charge's own answer").isEqualTo(PayOrderStatus.SUCCESS);

            TradeDTO shelf = newTrade(2_345, PayMethod.ALIPAY_QR);
            PayOrderDTO scanned = ok(pay.pay(new PayCmd(shelf.tradeNo(), Buyers.funded(1).buyerId(), PayMethod.ALIPAY_QR, null,
                    "REQ-" + UUID.randomUUID())));
            scan(ok(channels.get(scanned.payOrderNo())).codeUrl(), "SUCCESS");

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !results.withKey(scanned.payOrderNo()).isEmpty());
            assertThat(results.withKey(paidAtOnce.payOrderNo()))
                    .as("announced before the scanned one's payment began, had it been announced").isEmpty();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> trade(shelf.tradeNo()).status() == TradeStatus.SUCCESS);
            assertThat(trade(till.tradeNo()).status()).isEqualTo(TradeStatus.SUCCESS);
        }
    }

    private TradeDTO newTrade(long amount) {
        return newTrade(amount, PayMethod.ALIPAY_QR);
    }

    private TradeDTO newTrade(long amount, PayMethod method) {
        return ok(trades.create(new CreateTradeCmd(merchant, "ALIQR-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(amount), "alipay qr it", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of(method))));
    }

    private TradeDTO trade(String tradeNo) {
        return ok(trades.get(TradeByNoQry.internal(tradeNo)));
    }

    private long clearing() {
        var balance = ledger.balance(new AccountRef(AccountType.CHANNEL_CLEARING, "ALIPAY", "CNY"));
        return balance.success() ? balance.data().balance() : 0;
    }

    private static JsonNode scan(String codeUrl, String outcome) throws Exception {
        return sandbox("POST", "/sandbox/v1/scan", JSON.createObjectNode().put("code_url", codeUrl).put("outcome", outcome).toString());
    }

    private static void fault(String operation, String mode, long millis) throws Exception {
        fault(operation, mode, millis, null);
    }

    private static void fault(String operation, String mode, long millis, String code) throws Exception {
        var rule = JSON.createObjectNode().put("channel", "ALIPAY").put("operation", operation).put("mode", mode).put("rate", 1.0)
                .put("millis", millis);
        if (code != null) {
            rule.put("code", code);
        }
        sandbox("POST", "/sandbox/v1/faults", rule.toString());
    }

    private static JsonNode sandbox(String method, String path, String body) throws Exception {
        URI base = SuiteHarness.suite().sandbox().baseUri();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " → " + response.body()).isLessThan(300);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
