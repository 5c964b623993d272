package io.paysuite.it.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelHealthDTO;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.Buyers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel times out on every charge while the other keeps working (issue 5's isolation check).
 * Asserted: the timed-out payments stay PROCESSING or fail only where nothing was sent (the breaker
 * or the concurrency cap refused them), the slow channel's breaker opens and a probe closes it after
 * the fault, and every payment through the other channel is answered with its QR code — no thread
 * pool filled, no call refused. Measured, not asserted (timing never fails a test): the other
 * channel's p50/p99 without and with the fault, logged as {@code ISOLATION} and kept in
 * docs/benchmarks.md.
 */
class ChannelIsolationIT {

    private static final Logger log = LoggerFactory.getLogger(ChannelIsolationIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The neighbours' open-loop rate. Low on purpose: a QR payment costs the 2-core box about a quarter of a core-second
     * (the performance notes in docs/benchmarks.md), so at 5/s the "healthy" neighbour alone saturated the machine and
     * the phase measured a queue, not isolation (p50 3.5 s beside it, 0.55 s alone, on 2026-12-06).
     */
    private static final int ALIPAY_PER_SECOND = 2;
    /** WeChat payments measured per phase, 4 callers at a time. */
    private static final int PER_PHASE = 80;
    /** Rounds of the three phases: 1 in the default run, 2 (ABC then CBA) with {@code -Plong}. */
    private static final int ROUNDS = Integer.getInteger("isolation.rounds", 1);

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final String merchant = "M_ISO_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @AfterEach
    void clearFaults() throws Exception {
        sandbox("DELETE", "/sandbox/v1/faults", null);
    }

    @Test
    void aChannelTimingOutOnEveryChargeDoesNotSlowOrBlockTheOther() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        for (int i = 0; i < 10; i++) {
            wechatQr(buyer); // warm both paths before measuring
        }
        // Three phases — WeChat alone, beside a healthy Alipay load, beside the same load timing out — in the order
        // ABC then (with -Plong) CBA, so a drift in the suite around this test (other orders' follow-ups piling up,
        // JIT, GC) falls evenly on every phase instead of always on the last one; the figures kept in
        // docs/benchmarks.md come from the two-round run.
        List<Long> quiet = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        List<Long> underFault = new ArrayList<>();
        ConcurrentLinkedQueue<PayOrderDTO> alipayOrders = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> alipayRefusals = new ConcurrentLinkedQueue<>();
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<Long> alone;
            List<Long> calm;
            List<Long> stormy;
            if (round == 1) {
                alone = measureWechat(buyer, PER_PHASE, 4); // no Alipay traffic at all: the strictest baseline
                calm = besideHealthyAlipay(buyer);
                stormy = besideTimingOutAlipay(buyer, alipayOrders, alipayRefusals);
            } else {
                stormy = besideTimingOutAlipay(buyer, alipayOrders, alipayRefusals);
                calm = besideHealthyAlipay(buyer);
                alone = measureWechat(buyer, PER_PHASE, 4);
            }
            rounds.add(String.format("round %d p99 %d/%d→%d p50 %d/%d→%d", round, pct(alone, 99), pct(calm, 99), pct(stormy, 99),
                    pct(alone, 50), pct(calm, 50), pct(stormy, 50)));
            quiet.addAll(alone);
            baseline.addAll(calm);
            underFault.addAll(stormy);
        }
        Collections.sort(quiet);
        Collections.sort(baseline);
        Collections.sort(underFault);

        assertThat(alipayOrders).as("some Alipay charges were sent and timed out").isNotEmpty();
        for (PayOrderDTO order : alipayOrders) {
            PayOrderStatus status = order.status();
            if (status == PayOrderStatus.FAILED) {
                Result<ChannelOrderDTO> channelOrder = channels.get(order.payOrderNo());
                assertThat(!channelOrder.success() || channelOrder.data().rawCode().startsWith("BLOCKED"))
                        .as("a failed payment was never sent: " + order.payOrderNo()).isTrue();
            } else {
                assertThat(status).as("a timeout is not a result").isEqualTo(PayOrderStatus.PROCESSING);
            }
        }
        // refused only where nothing was sent: the open breaker (SERVICE_DEGRADED before a channel order
        // exists, or the guard's BLOCKED answer recorded as a declined channel order)
        assertThat(alipayRefusals).allMatch(code -> code.equals("SERVICE_DEGRADED") || code.equals("CHANNEL_DECLINED"));

        String figures = String.format("ISOLATION wechat QR pay() ms: alone p50=%d p99=%d n=%d; beside a healthy Alipay load (%d/s, "
                        + "open loop) p50=%d p99=%d n=%d; beside the same load with every Alipay charge timing out (breaker opened) "
                        + "p50=%d p99=%d n=%d; p99 ratio to alone %.2f, to healthy %.2f; alipay sent=%d refused=%d; %s",
                pct(quiet, 50), pct(quiet, 99), quiet.size(), ALIPAY_PER_SECOND, pct(baseline, 50), pct(baseline, 99), baseline.size(),
                pct(underFault, 50), pct(underFault, 99), underFault.size(),
                (double) pct(underFault, 99) / Math.max(1, pct(quiet, 99)), (double) pct(underFault, 99) / Math.max(1, pct(baseline, 99)),
                alipayOrders.size(), alipayRefusals.size(), String.join("; ", rounds));
        log.info(figures);
        System.out.println(figures);

        // the storm's last charges time out at the gateway after pay-core has answered (its own call timeout is shorter),
        // so a breaker just seen CLOSED may open once more on them before it stays closed: Alipay takes charges again
        // within the breaker's next probe, and every refusal meanwhile sent nothing (SERVICE_DEGRADED)
        PayOrderDTO again = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Result<PayOrderDTO> answer = pay.pay(new PayCmd(newTrade(PayMethod.ALIPAY_QR).tradeNo(), buyer, PayMethod.ALIPAY_QR,
                    null, "REQ-" + UUID.randomUUID()));
            if (!answer.success()) {
                assertThat(answer.code()).as("refused only by the open breaker, nothing sent").isEqualTo("SERVICE_DEGRADED");
                return null;
            }
            return answer.data();
        }, java.util.Objects::nonNull);
        assertThat(ok(channels.get(again.payOrderNo())).codeUrl()).as("the probe closed the breaker; Alipay takes charges again")
                .startsWith("https://qr.alipay.com/");
        ChannelHealthDTO alipay = health(ChannelCode.ALIPAY);
        assertThat(alipay.topCodes()).extracting(ChannelHealthDTO.CodeCount::code).contains("IO");
    }

    private List<Long> besideHealthyAlipay(String buyer) throws Exception {
        AlipayLoad healthy = new AlipayLoad(buyer);
        List<Long> calm = measureWechat(buyer, PER_PHASE, 4);
        healthy.stop();
        return calm;
    }

    /** Every Alipay charge times out; measured once the breaker opened; the fault is cleared and the breaker closed again after. */
    private List<Long> besideTimingOutAlipay(String buyer, ConcurrentLinkedQueue<PayOrderDTO> alipayOrders,
                                             ConcurrentLinkedQueue<String> alipayRefusals) throws Exception {
        sandbox("POST", "/sandbox/v1/faults", "{\"channel\":\"ALIPAY\",\"operation\":\"charge\",\"mode\":\"TIMEOUT\","
                + "\"rate\":1.0,\"millis\":5000}");
        AlipayLoad faulty = new AlipayLoad(buyer);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> breaker(ChannelCode.ALIPAY).equals("OPEN"));
        List<Long> stormy = measureWechat(buyer, PER_PHASE, 4);
        faulty.stop();
        alipayOrders.addAll(faulty.orders);
        alipayRefusals.addAll(faulty.refusals);
        assertThat(breaker(ChannelCode.WECHAT)).isEqualTo("CLOSED");
        sandbox("DELETE", "/sandbox/v1/faults", null);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> breaker(ChannelCode.ALIPAY).equals("CLOSED"));
        return stormy;
    }

    /**
     * Alipay QR payments started at a fixed rate ({@value #ALIPAY_PER_SECOND} a second) until stopped, whatever their
     * answers take: an open-loop load, so the healthy and the faulty phase offer the other channel's
     * neighbours the same work — a closed loop would start more payments when the breaker answers fast.
     */
    private final class AlipayLoad {
        final ConcurrentLinkedQueue<PayOrderDTO> orders = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        // enough for every payment held by the 5 s timeout before the breaker opens
        final ExecutorService callers = Executors.newFixedThreadPool(64);

        /** Set on stop: a payment queued behind slow ones but not yet started is dropped, never sent late. */
        volatile boolean stopped;

        AlipayLoad(String buyer) {
            clock.scheduleAtFixedRate(() -> callers.submit(() -> {
                if (stopped) {
                    return;
                }
                Result<PayOrderDTO> answer = pay.pay(new PayCmd(newTrade(PayMethod.ALIPAY_QR).tradeNo(), buyer,
                        PayMethod.ALIPAY_QR, null, "REQ-" + UUID.randomUUID()));
                if (answer.success()) {
                    orders.add(answer.data());
                } else {
                    refusals.add(answer.code());
                }
            }), 0, 1_000 / ALIPAY_PER_SECOND, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            stopped = true;
            clock.shutdownNow();
            assertThat(clock.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            callers.shutdown();
            assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private List<Long> measureWechat(String buyer, int payments, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Long>> timings = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            timings.add(pool.submit(() -> wechatQr(buyer)));
        }
        List<Long> millis = new ArrayList<>();
        for (Future<Long> timing : timings) {
            millis.add(timing.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Collections.sort(millis);
        return millis;
    }

    /** One WeChat QR payment started; answers how long pay() took and checks it got its code. */
    private long wechatQr(String buyer) {
        TradeDTO trade = newTrade(PayMethod.WECHAT_QR);
        long t0 = System.nanoTime();
        PayOrderDTO order = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.WECHAT_QR, null, "REQ-" + UUID.randomUUID())));
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertThat(order.status()).isEqualTo(PayOrderStatus.PROCESSING);
        assertThat(ok(channels.get(order.payOrderNo())).codeUrl()).startsWith("weixin://");
        return took;
    }

    private TradeDTO newTrade(PayMethod method) {
        return ok(trades.create(new CreateTradeCmd(merchant, "ISO-" + UUID.randomUUID().toString().substring(0, 20), TradeType.INSTANT,
                Money.cny(100), "isolation", null, MerchantSink.notifyUrl(), null, null, Instant.now().plus(Duration.ofMinutes(30)),
                List.of(method))));
    }

    private String breaker(ChannelCode channel) {
        return Breakers.state(channels, channel);
    }

    private ChannelHealthDTO health(ChannelCode channel) {
        return ok(channels.health()).stream().filter(h -> h.channel() == channel).findFirst().orElseThrow();
    }

    private static long pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void sandbox(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(SuiteHarness.suite().sandbox().baseUri().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " → " + response.body()).isLessThan(300);
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
