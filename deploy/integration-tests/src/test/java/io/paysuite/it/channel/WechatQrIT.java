package io.paysuite.it.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.Buyers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * WeChat Pay Native QR end to end: the official wechatpay-java SDK in channel-gateway (its fixed
 * host rewritten to the sandbox), the sandbox speaking API v3, the buyer's scan, and WeChat's
 * signed, AES-GCM-encrypted notification accepted by the gateway (the sandbox records it as
 * acknowledged); a failed payment (PAYERROR) gives the trade back.
 */
class WechatQrIT {

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final String merchant = "M_WXQR_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @Test
    void aScannedWechatQrPaysAndTheGatewayAcknowledgesWechatsNotification() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        TradeDTO trade = newTrade(4_321);
        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.WECHAT_QR, null, "REQ-" + UUID.randomUUID())));
        ChannelOrderDTO channelOrder = ok(channels.get(started.payOrderNo()));
        assertThat(channelOrder.channel()).isEqualTo(ChannelCode.WECHAT);
        assertThat(channelOrder.codeUrl()).startsWith("weixin://wxpay/bizpayurl?pr=");

        assertThat(SandboxControl.call("POST", "/sandbox/v1/scan", "{\"code_url\":\"" + channelOrder.codeUrl() + "\",\"outcome\":\"SUCCESS\"}")
                .path("status").asText()).isEqualTo("SUCCESS");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> trade(trade.tradeNo()).status() == TradeStatus.SUCCESS);
        assertThat(trade(trade.tradeNo()).payments()).containsExactly(new TradePaymentDTO(PayMethod.WECHAT_QR, Money.cny(4_321), "WECHAT"));
        ChannelOrderDTO paid = ok(channels.get(started.payOrderNo()));
        assertThat(paid.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(paid.channelTradeNo()).startsWith("42");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                SandboxControl.call("GET", "/sandbox/v1/notifications?channel=WECHAT&out_trade_no=" + paid.channelOrderNo(), null).toString()
                        .contains("204"));

        // the whole amount back through WeChat, and a second refund has nothing left to take
        RefundService refunds = SuiteHarness.reference(RefundService.class, null);
        RefundDTO refund = ok(refunds.refund(new CreateRefundCmd(merchant, trade.tradeNo(), null, "WR-" + UUID.randomUUID(),
                Money.cny(4_321), "returned")));
        // normally at once; a refund our own guard held back (its lane full) is sent by trade-core's
        // retries of REFUND_ACCEPTED, at 10 s, 40 s, 100 s
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    RefundDTO now = ok(refunds.get(new RefundByNoQry(refund.refundNo(), merchant)));
                    assertThat(now.status()).as("%s; at WeChat: %s", now,
                            SandboxControl.call("GET", "/sandbox/v1/orders/WECHAT/" + paid.channelOrderNo(), null)).isEqualTo(RefundStatus.SUCCESS);
                });
        assertThat(SandboxControl.call("GET", "/sandbox/v1/orders/WECHAT/" + paid.channelOrderNo(), null).path("refunded_fen").asLong())
                .isEqualTo(4_321);
        assertThat(refunds.refund(new CreateRefundCmd(merchant, trade.tradeNo(), null, "WR-" + UUID.randomUUID(), Money.cny(1),
                "again")).code()).isEqualTo("REFUND_AMOUNT_EXCEEDED");
    }

    @Test
    void aRefundWechatNeverGotIsSentAgainUnderTheSameNumberAndPaysBackOnce() throws Exception {
        TradeDTO trade = newTrade(2_468);
        PayOrderDTO started = payAndScan(trade, "SUCCESS");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> trade(trade.tradeNo()).status() == TradeStatus.SUCCESS);
        String channelOrderNo = ok(channels.get(started.payOrderNo())).channelOrderNo();

        // WeChat answers the refund (and its queries) with SYSTEM_ERROR and keeps nothing: the outcome is unknown
        SandboxControl.fault("WECHAT", "refund", "ERROR", 1.0, null);
        RefundService refunds = SuiteHarness.reference(RefundService.class, null);
        RefundDTO refund;
        try {
            refund = ok(refunds.refund(new CreateRefundCmd(merchant, trade.tradeNo(), null, "WL-" + UUID.randomUUID(),
                    Money.cny(2_468), "lost on the way")));
            assertThat(refund.status()).isEqualTo(RefundStatus.PROCESSING);
        } finally {
            SandboxControl.clearFaults();
        }
        assertThat(SandboxControl.order("WECHAT", channelOrderNo).path("refunded_fen").asLong()).isZero();

        // trade-core's retry asks; WeChat has no such refund (404), so it is sent again under the same number
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            RefundDTO now = ok(refunds.get(new RefundByNoQry(refund.refundNo(), merchant)));
            assertThat(now.status()).as("%s", now).isEqualTo(RefundStatus.SUCCESS);
        });
        assertThat(SandboxControl.order("WECHAT", channelOrderNo).path("refunded_fen").asLong()).as("paid back once").isEqualTo(2_468);
    }

    @Test
    void aFailedWechatPaymentGivesTheTradeBack() throws Exception {
        TradeDTO trade = newTrade(800);
        PayOrderDTO started = payAndScan(trade, "FAIL");

        // WeChat sends no notification for a failed payment: the pay order's delayed query finds PAYERROR
        // (at 10 s; a check our guard held back, behind a wave of other orders' checks, comes again at 20 s, 50 s, 110 s)
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(pay.get(started.payOrderNo())).status() == PayOrderStatus.FAILED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> trade(trade.tradeNo()).status() == TradeStatus.WAIT_PAY);
        assertThat(ok(channels.get(started.payOrderNo())).rawCode()).isEqualTo("PAYERROR");
    }

    /** A funded demo buyer pays the trade by WeChat QR and the sandbox buyer scans it with this outcome. */
    private PayOrderDTO payAndScan(TradeDTO trade, String outcome) throws Exception {
        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), Buyers.funded(1).buyerId(), PayMethod.WECHAT_QR, null,
                "REQ-" + UUID.randomUUID())));
        SandboxControl.call("POST", "/sandbox/v1/scan", "{\"code_url\":\"" + ok(channels.get(started.payOrderNo())).codeUrl()
                + "\",\"outcome\":\"" + outcome + "\"}");
        return started;
    }

    private TradeDTO newTrade(long amount) {
        return ok(trades.create(new CreateTradeCmd(merchant, "WXQR-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(amount), "wechat qr it", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of(PayMethod.WECHAT_QR))));
    }

    private TradeDTO trade(String tradeNo) {
        return ok(trades.get(TradeByNoQry.internal(tradeNo)));
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
