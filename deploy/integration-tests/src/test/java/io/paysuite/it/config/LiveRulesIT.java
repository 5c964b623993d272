package io.paysuite.it.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import io.paysuite.kit.config.ConfigCenter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Run-time rules change live through the config-center interface (the kit's {@link ConfigCenter},
 * on whatever the registry address names): a routing rule (channel-gateway) and a Sentinel flow rule
 * (cashier-service's per-merchant limit) take effect without a restart; then a bad document for each
 * is refused — the services count the refusal — and the last good rules stay in force; removing the
 * documents restores the defaults.
 */
class LiveRulesIT {

    static final String ROUTING = "channel-gateway/routing-rules";
    static final String MERCHANT_LIMITS = "sentinel/cashier-service/merchant-flow-rules";
    static final Duration LIVE = Duration.ofSeconds(30);
    static final Duration POLL = Duration.ofMillis(200);
    static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigCenter center = SuiteRules.center();
    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final String denied = "M_LIVE_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @Test
    void aRoutingRuleAndASentinelRuleApplyLiveAndABadDocumentLeavesTheLastGoodOneInForce() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        TestMerchant busy = Merchants.onboard("live rules merchant");
        // every channel keeps its methods (other ITs' payments still route); only ALIPAY_QR turns one merchant away
        String routing = "[{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"merchants_deny\":[\"" + denied + "\"]},"
                + "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_CODE\"},{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\"},"
                + "{\"channel\":\"WECHAT\",\"method\":\"WECHAT_CODE\"},{\"channel\":\"UNIONPAY\",\"method\":\"BANK_CARD\"},"
                + "{\"channel\":\"UNIONPAY_B\",\"method\":\"BANK_CARD\"}]";
        String limits = "[{\"resource\":\"open-api\",\"paramIdx\":0,\"count\":1000,\"grade\":1,\"paramFlowItemList\":"
                + "[{\"object\":\"" + busy.merchantId() + "\",\"classType\":\"java.lang.String\",\"count\":2}]}]";
        try {
            center.publish(ROUTING, routing);
            center.publish(MERCHANT_LIMITS, limits);
            await().atMost(LIVE).pollInterval(POLL)
                    .until(() -> "SERVICE_DEGRADED".equals(attempt(denied, buyer).code()));
            await().atMost(LIVE).pollInterval(POLL).until(() -> Merchants.burst(busy, 8).contains(429));

            double routingRefused = SuiteRules.refused(ServiceId.CHANNEL_GATEWAY, ROUTING);
            double limitsRefused = SuiteRules.refused(ServiceId.CASHIER_SERVICE, MERCHANT_LIMITS);
            // were these applied, the merchant would route again (no deny) and the busy merchant would be unlimited
            center.publish(ROUTING, "[{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"gray_percent\":120}]");
            center.publish(MERCHANT_LIMITS, "[{\"resource\":\"open-api\",\"count\":1000,\"grade\":1}]");
            await().atMost(LIVE).pollInterval(POLL).until(() -> SuiteRules.refused(ServiceId.CHANNEL_GATEWAY, ROUTING) > routingRefused
                    && SuiteRules.refused(ServiceId.CASHIER_SERVICE, MERCHANT_LIMITS) > limitsRefused);

            assertThat(attempt(denied, buyer).code()).as("the last good routing rules stay").isEqualTo("SERVICE_DEGRADED");
            assertThat(Merchants.burst(busy, 8)).as("the last good flow rule stays").contains(429);
            // the ops API shows the rules in force, and the refused documents beside them with the reason
            await().atMost(LIVE).pollInterval(POLL).until(() -> ops("/ops/api/v1/rules/routing").path("refused").hasNonNull("reason"));
            JsonNode shownRouting = ops("/ops/api/v1/rules/routing");
            assertThat(shownRouting.path("rules").toString()).as("the routing rules in force").contains(denied);
            assertThat(shownRouting.path("refused").path("reason").asText()).contains("gray_percent 120");
            JsonNode shownLimit = ops("/ops/api/v1/merchants/" + busy.merchantId() + "/rate-limit");
            assertThat(shownLimit.path("qps").asInt()).as("the merchant's limit in force").isEqualTo(2);
            assertThat(shownLimit.path("refused").path("reason").asText()).as(shownLimit.toString()).isNotBlank();
        } finally {
            center.remove(ROUTING);
            center.remove(MERCHANT_LIMITS);
        }
        await().atMost(LIVE).pollInterval(POLL).until(() -> attempt(denied, buyer).success());
        await().atMost(LIVE).pollInterval(POLL).until(() -> !Merchants.burst(busy, 8).contains(429));
    }

    private static JsonNode ops(String path) throws Exception {
        HttpResponse<String> response = Merchants.ops(Merchants.base(), "GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A fresh ALIPAY_QR trade of {@code merchant}, paid: the channel-gateway's routing decides. */
    private Result<PayOrderDTO> attempt(String merchant, String buyer) {
        Result<TradeDTO> created = trades.create(new CreateTradeCmd(merchant, "LR-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(100), "live rules", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of(PayMethod.ALIPAY_QR)));
        assertThat(created.success()).as(created.message()).isTrue();
        return pay.pay(new PayCmd(created.data().tradeNo(), buyer, PayMethod.ALIPAY_QR, null, "REQ-" + UUID.randomUUID()));
    }
}
