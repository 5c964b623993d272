package io.paysuite.it.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.ServiceProcess;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.Buyers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sweep, not only timers: a pay order whose {@code CHECK} timers are lost is still finished, by
 * pay-core's janitor, through the same recovery the check runs.
 *
 * <p>The timers are taken out of the flow by configuration: payments go through a second pay-core
 * instance (not in the registry, so no other caller reaches it) whose checks are set a day ahead —
 * stored by the broker but, for this test, as good as deleted — and whose janitor sweeps every 2 s
 * for pay orders older than 15 s. The sandbox sends WeChat's buyer's answer nowhere (a failed
 * payment has no notification; a successful one's is dropped by a fault), so nothing but the
 * janitor can find the pay order again.
 */
class JanitorIT {

    private static final String NOT_IN_REGISTRY = "dubbo.registry.register";
    private static final Duration JANITOR_AGE = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServiceProcess lostTimers;
    private static PayService pay;

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final String merchant = "M_JANITOR_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @BeforeAll
    static void aPayCoreWhoseChecksAreLost() {
        lostTimers = SuiteHarness.suite().startExtraInstance(ServiceId.PAY_CORE, "pay-core-lost-timers", Map.of(
                "paysuite.pay.check-delay", "1d",
                "paysuite.pay.janitor.every", "2s",
                "paysuite.pay.janitor.age", JANITOR_AGE.toSeconds() + "s",
                NOT_IN_REGISTRY, "false"));
        pay = SuiteHarness.directReference(PayService.class, null, lostTimers.dubboPort());
    }

    @AfterAll
    static void stop() {
        if (lostTimers != null) {
            lostTimers.stop(Duration.ofSeconds(20));
        }
    }

    @AfterEach
    void clearFaults() throws Exception {
        sandbox("DELETE", "/sandbox/v1/faults", null);
    }

    @Test
    void aFailedQrPaymentWhoseChecksAreLostIsFailedByTheJanitorAndItsTradeGivenBack() throws Exception {
        TradeDTO trade = newTrade(1_230);
        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), Buyers.funded(1).buyerId(), PayMethod.WECHAT_QR, null,
                "REQ-" + UUID.randomUUID())));
        scan(started, "FAIL"); // WeChat notifies nothing for a failed payment

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> ok(pay.get(started.payOrderNo())).status() == PayOrderStatus.FAILED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> trade(trade.tradeNo()).status() == TradeStatus.WAIT_PAY);
        assertThat(ok(channels.get(started.payOrderNo())).status()).isEqualTo(ChannelOrderStatus.FAILED);
        // only the janitor of the lost-timers instance could have: its checks fire tomorrow, the suite's
        // pay-core sweeps only pay orders older than 5 minutes, and no notification was sent
        assertThat(sweptPayOrders()).as("pay-core's janitor found it").isPositive();
    }

    @Test
    void aPaidQrPaymentWhoseChecksAndNotificationAreLostIsRecordedByTheJanitor() throws Exception {
        TradeDTO trade = newTrade(2_340);
        sandbox("POST", "/sandbox/v1/faults", JSON.createObjectNode().put("channel", "WECHAT").put("operation", "notify")
                .put("mode", "ERROR").put("rate", 1.0).put("millis", 0).toString());
        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), Buyers.funded(1).buyerId(), PayMethod.WECHAT_QR, null,
                "REQ-" + UUID.randomUUID())));
        scan(started, "SUCCESS");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> ok(pay.get(started.payOrderNo())).status() == PayOrderStatus.SUCCESS);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> trade(trade.tradeNo()).status() == TradeStatus.SUCCESS);
        ChannelOrderDTO channelOrder = ok(channels.get(started.payOrderNo()));
        assertThat(channelOrder.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(trade(trade.tradeNo()).paidAmount()).isEqualTo(Money.cny(2_340));
        assertThat(sweptPayOrders()).isPositive();
    }

    private void scan(PayOrderDTO started, String outcome) throws Exception {
        String codeUrl = ok(channels.get(started.payOrderNo())).codeUrl();
        assertThat(sandbox("POST", "/sandbox/v1/scan", "{\"code_url\":\"" + codeUrl + "\",\"outcome\":\"" + outcome + "\"}")
                .statusCode()).isLessThan(300);
    }

    /** pay-core's counter of pay orders its janitor found, on the lost-timers instance. */
    private static double sweptPayOrders() throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(lostTimers.baseUri().resolve("/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher found = Pattern.compile("^paysuite_sweep_found_total\\{[^}]*sweep=\"pay orders\"[^}]*} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        assertThat(found.find()).as(metrics).isTrue();
        return Double.parseDouble(found.group(1));
    }

    private static HttpResponse<String> sandbox(String method, String path, String body) throws Exception {
        URI uri = SuiteHarness.suite().sandbox().baseUri().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private TradeDTO newTrade(long amount) {
        return ok(trades.create(new CreateTradeCmd(merchant, "JAN-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(amount), "janitor it", null, MerchantSink.notifyUrl(), null, null,
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
