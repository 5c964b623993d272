package io.paysuite.it.cashier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.cashier.NotificationReceiver.Received;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Merchant notifications end to end (API.md, "Notifications to the merchant"): trade events from
 * trade-core become signed POSTs to the merchant's notify_url, retried on the schedule (scaled down
 * for the suite in {@code suite-cashier-service.properties}) until a 2xx, carried across a restart of
 * cashier-service by broker timers, given up after the last attempt and resent by an operator.
 */
class NotificationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The suite's scaled-down schedule: the waits after failed attempt 1, 2, … */
    private static List<Duration> waits;

    @BeforeAll
    static void suite() throws Exception {
        SuiteHarness.suite();
        Properties props = new Properties();
        try (InputStream in = NotificationIT.class.getResourceAsStream("/suite-cashier-service.properties")) {
            props.load(in);
        }
        waits = Arrays.stream(props.getProperty("paysuite.cashier.notify.schedule").split(","))
                .map(String::trim).map(NotificationIT::duration).toList();
    }

    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        throw new IllegalArgumentException("write the suite schedule in s or ms: " + text);
    }

    private static String outNo() {
        return "NT-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /**
     * Creates a trade as a merchant should on this loaded machine: an answer of 500/503 leaves the
     * outcome unknown (API.md), and repeating the same create is idempotent.
     */
    private static String createTrade(TestMerchant shop, NotificationReceiver receiver, String type, long total) {
        Map<String, Object> trade = Map.of("out_trade_no", outNo(), "trade_type", type,
                "amount", Map.of("total", total, "currency", "CNY"), "subject", "notification it", "notify_url", receiver.url());
        Answer created = shop.client().post("/api/v1/trades", trade);
        for (int repeat = 0; created.status() >= 500 && repeat < 3; repeat++) {
            created = shop.client().post("/api/v1/trades", trade);
        }
        assertThat(created.status()).as(created.toString()).isIn(200, 201);
        return created.json().path("trade_no").asText();
    }

    private static void pay(TestMerchant shop, String tradeNo) {
        var paid = Buyers.pay(tradeNo, Buyers.funded(100_000).buyerId());
        assertThat(paid.success()).as(paid.code() + " " + paid.message()).isTrue();
    }

    private static JsonNode ops(String method, String path) throws Exception {
        HttpResponse<String> response = Merchants.ops(Merchants.base(), method, path, null);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every delivery carries a platform signature the merchant verifies over the exact body. */
    private static void allSigned(TestMerchant shop, List<Received> deliveries) {
        for (Received r : deliveries) {
            assertThat(r.headers().get("content-type")).startsWith("application/json");
            assertThat(shop.client().verifies(r.headers(), r.body())).as("signature of " + r.body()).isTrue();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheFourthOnScheduleWithOneIdAndValidSignatures() throws Exception {
        TestMerchant shop = Merchants.onboard("notify schedule shop");
        try (NotificationReceiver receiver = new NotificationReceiver((id, nth) -> nth <= 3 ? 500 : 200)) {
            String tradeNo = createTrade(shop, receiver, "INSTANT", 1_500);
            pay(shop, tradeNo);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> receiver.of(tradeNo, "TRADE.SUCCESS").size() >= 4);

            List<Received> got = receiver.of(tradeNo, "TRADE.SUCCESS");
            assertThat(got).extracting(Received::answered).containsExactly(500, 500, 500, 200);
            assertThat(got).extracting(Received::id).containsOnly(got.get(0).id());
            assertThat(got).extracting(Received::body).as("every resend is the same body").containsOnly(got.get(0).body());
            assertThat(got).extracting(r -> r.headers().get("paysuite-nonce")).as("signed afresh each time").doesNotHaveDuplicates();
            allSigned(shop, got);
            List<String> gaps = new ArrayList<>();
            for (int i = 1; i < got.size(); i++) {
                Duration gap = Duration.ofNanos(got.get(i).nanos() - got.get(i - 1).nanos());
                Duration scheduled = waits.get(i - 1);
                gaps.add(String.format("%.3fs (scheduled %ss)", seconds(gap.toNanos()), scheduled.toSeconds()));
                assertThat(gap).as("gap before attempt %d: %s", i + 1, gaps).isGreaterThanOrEqualTo(scheduled.minusMillis(300));
                assertThat(gap).as("gap before attempt %d: %s", i + 1, gaps).isLessThan(scheduled.plusSeconds(10));
            }
            System.out.println("NotificationIT gaps between attempts: " + gaps);

            String eventId = got.get(0).id();
            JsonNode detail = ops("GET", "/ops/api/v1/notifications/" + eventId);
            assertThat(detail.path("notification").path("status").asText()).isEqualTo("DELIVERED");
            assertThat(detail.path("notification").path("attempts").asInt()).isEqualTo(4);
            assertThat(detail.path("attempts")).hasSize(4);
            assertThat(StreamSupport.stream(detail.path("attempts").spliterator(), false)
                    .map(a -> a.path("attempt_no").asInt() + ":" + a.path("http_status").asInt()).toList())
                    .containsExactly("1:500", "2:500", "3:500", "4:200");
            assertThat(detail.path("body").path("id").asText()).isEqualTo(eventId);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.of(tradeNo, "TRADE.SUCCESS").size() == 4);

            JsonNode trail = ops("GET", "/ops/api/v1/trades/" + tradeNo + "/trail");
            List<JsonNode> notifySteps = StreamSupport.stream(trail.path("events").spliterator(), false)
                    .filter(s -> s.path("type").asText().equals("NOTIFY_TRADE.SUCCESS")).toList();
            assertThat(notifySteps).hasSize(4);
            assertThat(notifySteps).allSatisfy(s -> {
                assertThat(s.path("source").asText()).isEqualTo("cashier-service");
                assertThat(s.path("reference").asText()).isEqualTo(eventId);
            });
            assertThat(notifySteps.get(0).path("detail").asText()).contains("attempt 1").contains("500");
            assertThat(notifySteps.get(3).path("detail").asText()).contains("attempt 4").contains("200");
        }
    }

    @Test
    void paidRefundedClosedAndConfirmedTradesEachNotifyOnceWithTheResourceTheOpenApiAnswers() throws Exception {
        TestMerchant shop = Merchants.onboard("notify events shop");
        try (NotificationReceiver receiver = new NotificationReceiver((id, nth) -> 200)) {
            // TRADE.SUCCESS
            String paidNo = createTrade(shop, receiver, "INSTANT", 2_000);
            pay(shop, paidNo);
            Received success = awaitOne(receiver, paidNo, "TRADE.SUCCESS");
            assertThat(success.resource()).isEqualTo(shop.client().get("/api/v1/trades/" + paidNo).json());
            assertThat(success.resource().path("status").asText()).isEqualTo("SUCCESS");

            // REFUND.SUCCESS
            Answer refund = shop.client().post("/api/v1/refunds", Map.of("trade_no", paidNo, "out_refund_no", outNo(),
                    "amount", Map.of("refund", 500, "currency", "CNY"), "reason", "notification it"));
            assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
            String refundNo = refund.json().path("refund_no").asText();
            Received refunded = awaitOne(receiver, paidNo, "REFUND.SUCCESS");
            assertThat(refunded.resource()).isEqualTo(shop.client().get("/api/v1/refunds/" + refundNo).json());
            assertThat(refunded.resource().path("status").asText()).isEqualTo("SUCCESS");

            // TRADE.CLOSED
            String closedNo = createTrade(shop, receiver, "INSTANT", 300);
            Answer closed = shop.client().post("/api/v1/trades/" + closedNo + "/close", "");
            assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
            Received closing = awaitOne(receiver, closedNo, "TRADE.CLOSED");
            assertThat(closing.resource()).isEqualTo(shop.client().get("/api/v1/trades/" + closedNo).json());

            // TRADE.FINISHED (a guarantee trade notifies TRADE.SUCCESS first)
            String heldNo = createTrade(shop, receiver, "GUARANTEE", 4_000);
            pay(shop, heldNo);
            awaitOne(receiver, heldNo, "TRADE.SUCCESS");
            Answer confirmed = shop.client().post("/api/v1/trades/" + heldNo + "/confirm", "");
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
            Received finished = awaitOne(receiver, heldNo, "TRADE.FINISHED");
            assertThat(finished.resource()).isEqualTo(shop.client().get("/api/v1/trades/" + heldNo).json());
            assertThat(finished.resource().path("status").asText()).isEqualTo("FINISHED");

            // each arrived once: acknowledged, nothing is sent again
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> receiver.all().size() == 5);
            List<Received> all = receiver.all();
            assertThat(all).extracting(Received::id).doesNotHaveDuplicates();
            assertThat(all).extracting(r -> r.json().path("create_time").asText()).allSatisfy(t -> assertThat(t).matches(
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}"));
            allSigned(shop, all);
            assertThat(ops("GET", "/ops/api/v1/notifications?trade_no=" + paidNo).path("data")).hasSize(2)
                    .allSatisfy(n -> assertThat(n.path("status").asText()).isEqualTo("DELIVERED"));
        }
    }

    private static Received awaitOne(NotificationReceiver receiver, String tradeNo, String eventType) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !receiver.of(tradeNo, eventType).isEmpty());
        List<Received> got = receiver.of(tradeNo, eventType);
        assertThat(got).as(eventType + " of " + tradeNo).hasSize(1);
        assertThat(got.get(0).answered()).isEqualTo(200);
        return got.get(0);
    }

    @Test
    void theScheduleSurvivesARestartOfCashierService() throws Exception {
        TestMerchant shop = Merchants.onboard("notify restart shop");
        // fails while the first cashier-service process runs; of the new process's attempts the
        // first fails too (its schedule goes on after the restart), the next is acknowledged
        AtomicBoolean oldProcessGone = new AtomicBoolean();
        AtomicInteger afterRestart = new AtomicInteger();
        try (NotificationReceiver receiver = new NotificationReceiver((id, nth) ->
                !oldProcessGone.get() ? 500 : afterRestart.incrementAndGet() == 1 ? 503 : 200)) {
            String tradeNo = createTrade(shop, receiver, "INSTANT", 900);
            pay(shop, tradeNo);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !receiver.of(tradeNo, "TRADE.SUCCESS").isEmpty());

            long oldPid = SuiteHarness.suite().service(ServiceId.CASHIER_SERVICE).pid();
            long stopping = System.nanoTime();
            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> SuiteHarness.suite().restart(ServiceId.CASHIER_SERVICE));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> ProcessHandle.of(oldPid).map(p -> !p.isAlive()).orElse(true));
            long down = System.nanoTime();
            oldProcessGone.set(true);
            int beforeDown = receiver.of(tradeNo, "TRADE.SUCCESS").size();
            restart.get(10, TimeUnit.MINUTES);
            long up = System.nanoTime();

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.of(tradeNo, "TRADE.SUCCESS").stream().anyMatch(r -> r.answered() == 200));

            List<Received> got = receiver.of(tradeNo, "TRADE.SUCCESS");
            System.out.printf("NotificationIT restart: stop asked at 0s, old process gone at %+.1fs, new one healthy at %+.1fs;"
                            + " attempts at %s%n", seconds(down - stopping), seconds(up - stopping),
                    got.stream().map(r -> String.format("%+.1fs", seconds(r.nanos() - stopping))).toList());
            assertThat(got).extracting(Received::id).containsOnly(got.get(0).id());
            assertThat(got).extracting(Received::answered).endsWith(503, 200);
            assertThat(got.size()).as("attempts by the new process").isGreaterThan(beforeDown);
            // The attempt that fell due while no cashier-service ran was armed as a broker timer by the old
            // process; the suite keeps the sweeper's lateness at 5 minutes, so only that timer can bring it
            // this soon after the new process is up.
            Received firstAfter = got.get(beforeDown);
            assertThat(firstAfter.nanos()).isGreaterThan(down);
            assertThat(firstAfter.nanos() - up).as("the attempt due during the restart comes by its timer")
                    .isLessThan(Duration.ofSeconds(60).toNanos());
            assertThat(got.get(got.size() - 1).nanos()).as("delivered after the restart").isGreaterThan(down);
            allSigned(shop, got);

            JsonNode detail = ops("GET", "/ops/api/v1/notifications/" + got.get(0).id());
            assertThat(detail.path("notification").path("status").asText()).isEqualTo("DELIVERED");
            assertThat(detail.path("notification").path("attempts").asInt()).isEqualTo(got.size());
            assertThat(StreamSupport.stream(detail.path("attempts").spliterator(), false).map(a -> a.path("attempt_no").asInt()).toList())
                    .as("one attempt of each number, none lost or doubled across the restart")
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, got.size()).boxed().toList());
        }
    }

    @Test
    void aReceiverThatNeverAcknowledgesIsGivenUpAfterTheLastAttemptAndAnOperatorResendDeliversIt() throws Exception {
        TestMerchant shop = Merchants.onboard("notify give-up shop");
        int attempts = waits.size() + 1;
        Duration span = waits.stream().reduce(Duration.ZERO, Duration::plus);
        try (NotificationReceiver receiver = new NotificationReceiver((id, nth) -> 500)) {
            String tradeNo = createTrade(shop, receiver, "INSTANT", 700);
            pay(shop, tradeNo);

            await().atMost(span.plusSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                JsonNode gaveUp = ops("GET", "/ops/api/v1/notifications?status=GAVE_UP&trade_no=" + tradeNo).path("data");
                return gaveUp.size() == 1;
            });
            List<Received> got = receiver.of(tradeNo, "TRADE.SUCCESS");
            assertThat(got).as("every scheduled attempt, then none").hasSize(attempts);
            assertThat(got).extracting(Received::id).containsOnly(got.get(0).id());
            String eventId = got.get(0).id();
            JsonNode listed = ops("GET", "/ops/api/v1/notifications?status=GAVE_UP");
            assertThat(StreamSupport.stream(listed.path("data").spliterator(), false).map(n -> n.path("event_id").asText()))
                    .contains(eventId);
            JsonNode gaveUp = ops("GET", "/ops/api/v1/notifications/" + eventId);
            assertThat(gaveUp.path("notification").path("status").asText()).isEqualTo("GAVE_UP");
            assertThat(gaveUp.path("notification").path("attempts").asInt()).isEqualTo(attempts);
            assertThat(gaveUp.path("attempts")).hasSize(attempts);

            receiver.answer((id, nth) -> 200);
            JsonNode resent = ops("POST", "/ops/api/v1/notifications/" + eventId + "/resend");
            assertThat(resent.path("attempt").path("acknowledged").asBoolean()).as(resent.toString()).isTrue();
            assertThat(resent.path("attempt").path("http_status").asInt()).isEqualTo(200);
            assertThat(resent.path("notification").path("status").asText()).isEqualTo("DELIVERED");

            List<Received> after = receiver.of(tradeNo, "TRADE.SUCCESS");
            assertThat(after).hasSize(attempts + 1);
            assertThat(after.get(attempts).body()).as("the operator resends the very same body").isEqualTo(got.get(0).body());
            allSigned(shop, after);
            JsonNode delivered = ops("GET", "/ops/api/v1/notifications/" + eventId);
            assertThat(delivered.path("notification").path("status").asText()).isEqualTo("DELIVERED");
            assertThat(delivered.path("attempts")).hasSize(attempts + 1);
            assertThat(delivered.path("attempts").get(attempts).path("kind").asText()).isEqualTo("OPERATOR");
            assertThat(ops("GET", "/ops/api/v1/notifications?status=GAVE_UP&trade_no=" + tradeNo).path("data")).isEmpty();
        }
    }
}
