package io.paysuite.it.event;

import io.paysuite.it.MerchantSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.ServiceProcess;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.SuiteHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "A state change and its event commit together", proven against the real broker, the real
 * databases and real trade-core processes: a committed create is delivered; a change that rolls
 * back is never delivered; a producer killed between its local commit and telling the broker
 * loses no event, because another instance delivers it from the committed event row — its relay
 * (outbox delivery, the default: docs/adr/0012-trade-events-outbox.md), or its answer to the broker's
 * check-back (paysuite.events.delivery=transactional).
 *
 * <p>Delivery is at least once: assertions count distinct event ids, never deliveries.
 */
class TransactionalTradeEventIT {

    /** trade-core exports TradeService without a Dubbo group. */
    private static final String TRADE_GROUP = null;
    /** Embedded broker settings (EmbeddedRocketMq): first check-back 3 s after the half message, then every 1 s. */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    /** Test instances must not be found through the registry: only direct calls may reach them. */
    private static final String NOT_IN_REGISTRY = "dubbo.registry.register";

    private static Suite suite;
    private static TradeEventTap tap;
    private static TradeTables tables;
    private static TradeService tradeCore;

    @BeforeAll
    static void tapTheTradeEventTopic() throws Exception {
        suite = SuiteHarness.suite();
        tap = TradeEventTap.start(suite.infra().namesrvAddress());
        tables = new TradeTables(suite.infra().database());
        // straight to the suite's own instance: never to a fault-injecting extra one
        tradeCore = SuiteHarness.directReference(TradeService.class, TRADE_GROUP, suite.service(ServiceId.TRADE_CORE).dubboPort());
    }

    @AfterAll
    static void closeTap() {
        if (tap != null) {
            tap.close();
        }
    }

    @Test
    void aCommittedCreateIsDeliveredWithItsTradeNumberAndEventId() {
        CreateTradeCmd cmd = newTrade(1_00);

        TradeDTO trade = created(tradeCore.create(cmd));

        List<String> eventRows = tables.eventIds(trade.tradeNo());
        assertThat(eventRows).hasSize(1);
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(tap.ofTrade(trade.tradeNo())).isNotEmpty());
        MessageExt message = tap.ofTrade(trade.tradeNo()).get(0);
        assertThat(message.getTags()).isEqualTo("TRADE_CREATED");
        assertThat(message.getUserProperty("eventId")).isEqualTo(eventRows.get(0));
        assertThat(message.getKeys().split(" ")).containsExactly(trade.tradeNo(), eventRows.get(0));
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).contains(trade.tradeNo());
    }

    @Test
    void aRefusedRepeatWithOtherContentChangesNothingAndPublishesNothing() {
        CreateTradeCmd first = newTrade(2_00);
        TradeDTO trade = created(tradeCore.create(first));
        CreateTradeCmd otherContent = withAmount(first, 3_00);

        Result<TradeDTO> refused = tradeCore.create(otherContent);

        assertThat(refused.success()).isFalse();
        assertThat(refused.code()).isEqualTo("OUT_TRADE_NO_USED");
        Instant refusedAt = Instant.now();
        TradeDTO sentinel = created(tradeCore.create(newTrade(4_00)));
        awaitDeliveredAndCheckWindowPassed(sentinel.tradeNo(), refusedAt);
        List<String> eventRows = tables.eventIds(trade.tradeNo());
        assertThat(eventRows).as("one event row: the refused repeat wrote none").hasSize(1);
        await().atMost(DELIVERY).untilAsserted(() ->
                assertThat(tap.eventIdsOfTrade(trade.tradeNo())).containsExactlyElementsOf(eventRows));
    }

    @Test
    void aChangeWhoseLocalTransactionRollsBackIsNeverDelivered() {
        // An instance whose every trade-event transaction fails right before commit, AFTER the trade
        // row and the event row were written (and, in transactional mode, the half message was stored).
        ServiceProcess failing = suite.startExtraInstance(ServiceId.TRADE_CORE, "trade-core-rollback",
                Map.of("paysuite.events.chaos.fail-before-local-commit", "true", NOT_IN_REGISTRY, "false"));
        try {
            TradeService direct = SuiteHarness.directReference(TradeService.class, TRADE_GROUP, failing.dubboPort());
            CreateTradeCmd cmd = newTrade(5_00);

            Result<TradeDTO> failed = direct.create(cmd);
            Instant failedAt = Instant.now();

            assertThat(failed.success()).isFalse();
            assertThat(failed.code()).isEqualTo("SYSTEM_ERROR");
            String tradeNo = tables.claimedTradeNo(cmd.merchantId(), cmd.outTradeNo()).orElseThrow();
            assertThat(tables.tradeExists(tradeNo)).as("trade row rolled back").isFalse();
            assertThat(tables.eventIds(tradeNo)).as("event row rolled back").isEmpty();

            TradeDTO sentinel = created(tradeCore.create(newTrade(6_00)));
            awaitDeliveredAndCheckWindowPassed(sentinel.tradeNo(), failedAt);

            assertThat(tap.ofTrade(tradeNo)).as("deliveries of the rolled-back trade " + tradeNo).isEmpty();
        } finally {
            failing.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    void aProducerKilledBetweenItsLocalCommitAndTheBrokerCommitLosesNoEvent() {
        ServiceProcess doomed = suite.startExtraInstance(ServiceId.TRADE_CORE, "trade-core-chaos",
                Map.of("paysuite.events.chaos.halt-after-local-commit", "true", NOT_IN_REGISTRY, "false"));
        TradeService direct = SuiteHarness.directReference(TradeService.class, TRADE_GROUP, doomed.dubboPort());
        CreateTradeCmd cmd = newTrade(7_00);

        Throwable callFailed = catchThrowable(() -> direct.create(cmd));

        assertThat(callFailed).as("the call dies with the process").isNotNull();
        assertThat(doomed.waitForExit(Duration.ofSeconds(30))).isTrue();
        assertThat(doomed.isAlive()).isFalse();
        String tradeNo = tables.claimedTradeNo(cmd.merchantId(), cmd.outTradeNo()).orElseThrow();
        assertThat(tables.tradeExists(tradeNo)).as("the local transaction committed before the halt").isTrue();
        List<String> eventRows = tables.eventIds(tradeNo);
        assertThat(eventRows).hasSize(1);
        // The dead instance never sent the message (outbox) or told the broker COMMIT (transactional); only a live
        // instance (the suite's trade-core) can deliver it, from the committed event row: its relay, or its answer
        // to the broker's check-back.
        await().atMost(DELIVERY).untilAsserted(() ->
                assertThat(tap.eventIdsOfTrade(tradeNo)).containsExactlyElementsOf(eventRows));
    }

    /**
     * Waits until (1) a sentinel event committed AFTER the change under test has been delivered, so
     * the broker, the topic and this consumer demonstrably work end to end right now, and (2) the
     * broker's check window for the change's half message has passed with margin: transactionTimeout
     * plus five check intervals.
     *
     * <p>Why this bounded wait is not sleep-and-hope: a half message becomes visible only through a
     * COMMIT, either from its producer (which answered ROLLBACK, or nothing) or from a check-back, and
     * every check-back is answered from the event row alone — which the test has just shown is absent
     * and can never appear (its transaction rolled back; event ids are never reused). So no COMMIT can
     * ever be given; the window only makes sure that, had the code been wrong (say, answering COMMIT
     * from memory, or sending it before the local commit), the wrong delivery would already have been
     * seen here, since the broker asks within transactionTimeout and every interval after it.
     */
    private static void awaitDeliveredAndCheckWindowPassed(String sentinelTradeNo, Instant changeAt) {
        Instant windowEnd = changeAt.plus(TRANSACTION_TIMEOUT).plus(CHECK_INTERVAL.multipliedBy(5));
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200)).until(() ->
                !tap.ofTrade(sentinelTradeNo).isEmpty() && Instant.now().isAfter(windowEnd));
    }

    private static TradeDTO created(Result<TradeDTO> result) {
        assertThat(result.success()).as("create answered %s %s", result.code(), result.message()).isTrue();
        return result.data();
    }

    private static CreateTradeCmd newTrade(long amountMinor) {
        String outTradeNo = "it-evt-" + System.currentTimeMillis() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        return new CreateTradeCmd("M-IT-EVENTS", outTradeNo, TradeType.INSTANT, Money.cny(amountMinor),
                "transactional event test", null, MerchantSink.notifyUrl(), null, null, null);
    }

    private static CreateTradeCmd withAmount(CreateTradeCmd cmd, long amountMinor) {
        return new CreateTradeCmd(cmd.merchantId(), cmd.outTradeNo(), cmd.tradeType(), Money.cny(amountMinor),
                cmd.subject(), cmd.buyerId(), cmd.notifyUrl(), cmd.returnUrl(), cmd.attach(), cmd.timeExpire());
    }
}
