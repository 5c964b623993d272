package io.paysuite.it.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.config.SuiteRules;
import io.paysuite.it.openapi.Buyers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Routing rules live in the config center and change without a restart: a merchant denied a
 * channel, and an amount limit, refuse payments before anything is sent (SERVICE_DEGRADED, no
 * channel order, the trade waits for payment again); removing the rules restores the defaults.
 */
class ChannelRoutingIT {

    private static final String RULES = "channel-gateway/routing-rules";

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final String denied = "M_RDENY_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    private final String other = "M_ROK_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @Test
    void rulesFromTheConfigCenterDecideWhichPaymentsAChannelTakesWithoutARestart() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        String rules = "[{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"merchants_deny\":[\"" + denied + "\"]},"
                + "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_CODE\"},"
                + "{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\",\"max_minor\":1000},"
                + "{\"channel\":\"WECHAT\",\"method\":\"WECHAT_CODE\"}]";
        SuiteRules.center().publish(RULES, rules);
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> "SERVICE_DEGRADED".equals(attempt(denied, PayMethod.ALIPAY_QR, 100, buyer).code()));

            TradeDTO refusedTrade = trade(denied, PayMethod.ALIPAY_QR, 100);
            Result<PayOrderDTO> refused = pay(refusedTrade, PayMethod.ALIPAY_QR, buyer);
            assertThat(refused.code()).isEqualTo("SERVICE_DEGRADED");
            assertThat(current(refusedTrade).status()).as("the trade waits for another attempt").isEqualTo(TradeStatus.WAIT_PAY);

            Result<PayOrderDTO> allowed = attempt(other, PayMethod.ALIPAY_QR, 100, buyer);
            assertThat(allowed.success()).as(allowed.code() + " " + allowed.message()).isTrue();
            assertThat(channels.get(allowed.data().payOrderNo()).data().codeUrl()).startsWith("https://qr.alipay.com/");

            assertThat(attempt(other, PayMethod.WECHAT_QR, 1_001, buyer).code()).as("above WeChat's limit").isEqualTo("SERVICE_DEGRADED");
            assertThat(attempt(other, PayMethod.WECHAT_QR, 1_000, buyer).success()).isTrue();
        } finally {
            SuiteRules.center().remove(RULES);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> attempt(denied, PayMethod.ALIPAY_QR, 100, buyer).success());
        assertThat(attempt(other, PayMethod.WECHAT_QR, 1_001, buyer).success()).isTrue();
    }

    private Result<PayOrderDTO> attempt(String merchant, PayMethod method, long amount, String buyer) {
        return pay(trade(merchant, method, amount), method, buyer);
    }

    private Result<PayOrderDTO> pay(TradeDTO trade, PayMethod method, String buyer) {
        return pay.pay(new PayCmd(trade.tradeNo(), buyer, method, null, "REQ-" + UUID.randomUUID()));
    }

    private TradeDTO trade(String merchant, PayMethod method, long amount) {
        Result<TradeDTO> created = trades.create(new CreateTradeCmd(merchant, "RT-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(amount), "routing", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of(method)));
        assertThat(created.success()).as(created.message()).isTrue();
        return created.data();
    }

    private TradeDTO current(TradeDTO trade) {
        return trades.get(TradeByNoQry.internal(trade.tradeNo())).data();
    }
}
