package io.paysuite.it.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payment codes through the open API ({@code POST /api/v1/trades/barcode}) against the sandbox's
 * Alipay, whose script reads the buyer's code: …0000 pays at once, …8888 waits for the buyer and
 * then pays, …9999 waits forever, …1111 is an invalid code.
 */
class BarcodeIT {

    static TestMerchant shop;

    @BeforeAll
    static void merchant() {
        SuiteHarness.suite();
        shop = Merchants.onboard("barcode till");
        // a breaker an earlier class's injected timeouts opened would refuse these charges ("nothing was sent")
        Breakers.awaitClosed(SuiteHarness.reference(ChannelService.class, null), io.paysuite.api.channel.ChannelCode.ALIPAY,
                io.paysuite.api.channel.ChannelCode.WECHAT);
    }

    static String alipayCode(String ending) {
        StringBuilder code = new StringBuilder("28");
        for (int i = 0; i < 12; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.append(ending).toString();
    }

    static String body(String outTradeNo, long total, String authCode) {
        return "{\"out_trade_no\":\"" + outTradeNo + "\",\"amount\":{\"total\":" + total + ",\"currency\":\"CNY\"},"
                + "\"subject\":\"till sale\",\"auth_code\":\"" + authCode + "\"}";
    }

    static String outNo() {
        return "BC-" + UUID.randomUUID().toString().substring(0, 20);
    }

    Answer barcode(String body) {
        Answer answer = shop.client().post("/api/v1/trades/barcode", body);
        assertThat(answer.signatureValid()).as(answer.toString()).isTrue();
        return answer;
    }

    String status(String tradeNo) {
        return shop.client().get("/api/v1/trades/" + tradeNo).json().path("status").asText();
    }

    @Test
    void aCodeThatPaysAtOnceAnswersSuccessAndARepeatIsTheSameTrade() {
        String out = outNo();
        String code = alipayCode("0000");
        Answer first = barcode(body(out, 1_500, code));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("status").asText()).isEqualTo("SUCCESS");
        assertThat(first.json().path("payments").toString()).contains("ALIPAY_CODE", "ALIPAY");
        assertThat(first.body()).doesNotContain(code);

        Answer repeat = barcode(body(out, 1_500, code));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().path("trade_no").asText()).isEqualTo(first.json().path("trade_no").asText());
        assertThat(repeat.json().path("status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void aBuyerWhoConfirmsInTheAppLeavesThePaymentPayingUntilTheQueryFindsItPaid() {
        Answer started = barcode(body(outNo(), 2_000, alipayCode("8888")));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.json().path("status").asText()).as("USERPAYING is not a result").isEqualTo("PAYING");
        String tradeNo = started.json().path("trade_no").asText();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> "SUCCESS".equals(status(tradeNo)));
    }

    @Test
    void aBuyerWhoNeverConfirmsIsReversedAfterThirtySecondsNothingIsPaidAndTheTradeCloses() throws Exception {
        Answer started = barcode(body(outNo(), 2_500, alipayCode("9999")));
        assertThat(started.json().path("status").asText()).isEqualTo("PAYING");
        String tradeNo = started.json().path("trade_no").asText();

        // the reversal fails its payment and pay-core closes the trade (its payment-code expiry would otherwise): a
        // till's trade always ends
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> "CLOSED".equals(status(tradeNo)));
        var trail = SuiteHarness.reference(PayService.class, null).trail(tradeNo);
        assertThat(trail.data().toString()).contains("PAY_ORDER_FAILED");
        String payOrderNo = trail.data().get(0).reference();
        ChannelOrderDTO reversed = SuiteHarness.reference(ChannelService.class, null).get(payOrderNo).data();
        assertThat(reversed.status()).isEqualTo(ChannelOrderStatus.FAILED);
        // our reversal's answer, or Alipay's TRADE_CLOSED notification of it arriving first
        assertThat(reversed.rawCode()).isIn("REVERSED", "TRADE_CLOSED");
        Answer trade = shop.client().get("/api/v1/trades/" + tradeNo);
        assertThat(trade.json().path("paid_amount").asLong()).isZero();
        String channelOrder = reversed.channelOrderNo();
        HttpResponse<String> atChannel = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                SuiteHarness.suite().sandbox().baseUri().resolve("/sandbox/v1/orders/ALIPAY/" + channelOrder)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(atChannel.body()).as("reversed at the channel").contains("TRADE_CLOSED");
    }

    @Test
    void aRefusedCodeChangesNothingAndTheNextCodePaysTheSameTrade() {
        String out = outNo();
        Answer refused = barcode(body(out, 900, alipayCode("1111")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("CHANNEL_DECLINED");
        String tradeNo = shop.client().get("/api/v1/trades?out_trade_no=" + out).json().path("trade_no").asText();
        assertThat(status(tradeNo)).isEqualTo("WAIT_PAY");

        Answer paid = barcode(body(out, 900, alipayCode("0000")));
        assertThat(paid.json().path("trade_no").asText()).isEqualTo(tradeNo);
        assertThat(paid.json().path("status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void tradeCoreAnswersTheWaitForAPaidTradeAtOnceAndAnUnknownOneWithItsRefusal() throws Exception {
        Answer paid = barcode(body(outNo(), 1_100, alipayCode("0000")));
        assertThat(paid.json().path("status").asText()).as(paid.toString()).isEqualTo("SUCCESS");
        TradeService trades = SuiteHarness.reference(TradeService.class, null);

        Result<TradeDTO> settled = trades.settled(TradeByNoQry.internal(paid.json().path("trade_no").asText()), 3_000)
                .get(10, TimeUnit.SECONDS);
        Result<TradeDTO> unknown = trades.settled(TradeByNoQry.internal("T0000000000000000000000000000"), 3_000)
                .get(10, TimeUnit.SECONDS);

        assertThat(settled.data().status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(unknown.code()).as("the async method passes the error boundary like any other").isEqualTo("TRADE_NOT_FOUND");
    }

    @Test
    void aTradeStillPayingIsAnsweredAsItStandsOnceTheCallersPatienceRunsOut() throws Exception {
        Answer started = barcode(body(outNo(), 1_200, alipayCode("9999")));
        assertThat(started.json().path("status").asText()).as(started.toString()).isEqualTo("PAYING");

        Result<TradeDTO> waited = SuiteHarness.reference(TradeService.class, null)
                .settled(TradeByNoQry.internal(started.json().path("trade_no").asText()), 300).get(10, TimeUnit.SECONDS);

        assertThat(waited.data().status()).as("uncertain is not failed: still PAYING, ask again").isEqualTo(TradeStatus.PAYING);
    }

    static String wechatCode(String ending) {
        StringBuilder code = new StringBuilder("13");
        for (int i = 0; i < 12; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.append(ending).toString();
    }

    @Test
    void aWechatCodePaysThroughMicropayAndAnUnconfirmedOneIsReversed() {
        Answer paid = barcode(body(outNo(), 1_800, wechatCode("0000")));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.json().path("status").asText()).isEqualTo("SUCCESS");
        assertThat(paid.json().path("payments").toString()).contains("WECHAT_CODE", "WECHAT");

        Answer waiting = barcode(body(outNo(), 1_900, wechatCode("9999")));
        assertThat(waiting.json().path("status").asText()).isEqualTo("PAYING");
        String tradeNo = waiting.json().path("trade_no").asText();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> "CLOSED".equals(status(tradeNo)));
        String payOrderNo = SuiteHarness.reference(PayService.class, null).trail(tradeNo).data().get(0).reference();
        assertThat(SuiteHarness.reference(ChannelService.class, null).get(payOrderNo).data().rawCode()).isEqualTo("REVERSED");

        Answer refused = barcode(body(outNo(), 900, wechatCode("2222")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("CHANNEL_DECLINED");
    }

    @Test
    void somethingThatIsNoPaymentCodeIsRefusedWithTheField() {
        String out = outNo();
        Answer refused = barcode(body(out, 900, "12345"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("PARAM_ERROR");
        assertThat(refused.json().path("message").asText()).contains("auth_code");
        assertThat(shop.client().get("/api/v1/trades?out_trade_no=" + out).code()).isEqualTo("TRADE_NOT_FOUND");
    }
}
