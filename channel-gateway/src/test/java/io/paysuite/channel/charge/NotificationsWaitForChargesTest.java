package io.paysuite.channel.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.CodeChannelAdapter;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A notification that arrives while this process is still charging the same payment-code order
 * ({@link ChargesInFlight}, {@link ChannelNotifications}): the channel's charge is held on a latch, so the two arrivals
 * are ordered by the test, never by timing.
 */
class NotificationsWaitForChargesTest {

    static final String PAY_ORDER = "P2026112914000001000010004";
    static final String NO = ChannelOrder.numberFor(PAY_ORDER);
    static final ChannelCall PAID = new ChannelCall(Outcome.SUCCESS, "10000", "Success", "2026112922001", null, 100L, "CNY");
    static final ChannelCall NOTIFIED_PAID = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "notification n1", "2026112922001",
            null, 100L, "CNY");

    final Instant now = Instant.parse("2026-11-29T14:00:00Z");
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ChannelChargesTest.Repo repo = new ChannelChargesTest.Repo();
    final HeldCode channel = new HeldCode();
    final List<String> announced = Collections.synchronizedList(new ArrayList<>());
    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        channel.answer.countDown();
        threads.shutdownNow();
    }

    @Test
    void aNotificationArrivingWhileTheChargeIsInFlightWaitsAndIsAcknowledgedWithoutAQueryOnceTheChargeSettlesTheSameResult()
            throws Exception {
        Watched inFlight = new Watched(Duration.ofSeconds(2));
        ScriptedGateway gateway = gateway(inFlight);
        channel.pay = PAID;

        Future<ChannelOrder> charged = threads.submit(() -> gateway.charges().charge(codeCmd()));
        await(channel.sent);
        assertThat(repo.find(NO).orElseThrow().status()).isEqualTo(ChannelOrderStatus.CREATED);
        repo.reads.clear();
        Future<?> notified = notify(gateway, inFlight, NOTIFIED_PAID);
        await(inFlight.found); // the notification found the order's charge in flight
        channel.answer.countDown();

        assertThat(charged.get(10, TimeUnit.SECONDS).status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        notified.get(10, TimeUnit.SECONDS);
        assertThat(repo.reads).as("the charge's answer was recorded here: neither the charge nor the notification read the order")
                .isEmpty();
        assertThat(channel.queries).as("the charge's answer settled it: nothing to ask").hasValue(0);
        ChannelOrder held = repo.find(NO).orElseThrow();
        assertThat(held.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(held.finalSource()).isEqualTo("SYNC");
        assertThat(repo.conflicts).isEmpty();
        assertThat(announced).as("the charge call answers it; the notification announces nothing").isEmpty();
        assertThat(waited("repeated")).isEqualTo(1.0);
        assertThat(meters.counter("channel.notify.repeated", "channel", "ALIPAY").count()).isEqualTo(1.0);
        assertThat(inFlight.size()).isZero();
    }

    @Test
    void aWaitThatTimesOutQueriesAsBefore() throws Exception {
        ChargesInFlight inFlight = new ChargesInFlight(ScriptedGateway.properties(Duration.ofMillis(50)));
        ScriptedGateway gateway = gateway(inFlight, Duration.ofMillis(50));
        channel.pay = PAID;
        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY");

        Future<ChannelOrder> charged = threads.submit(() -> gateway.charges().charge(codeCmd()));
        await(channel.sent);
        // the charge is held until the notification is done: its wait can only run out
        threads.submit(() -> gateway.notifications().notified(NO, NOTIFIED_PAID)).get(10, TimeUnit.SECONDS);

        assertThat(channel.queries).as("still charging after the bound: confirmed by a query").hasValue(1);
        assertThat(repo.find(NO).orElseThrow().finalSource()).isEqualTo("NOTIFY_QUERY");
        assertThat(waited("timed_out")).isEqualTo(1.0);

        channel.answer.countDown();
        assertThat(charged.get(10, TimeUnit.SECONDS).status()).as("the same result: the charge's answer is a no-op")
                .isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(repo.conflicts).isEmpty();
        assertThat(inFlight.size()).isZero();
    }

    @Test
    void aNotificationStatingAnotherAmountThanTheChargeSettledIsStillQueriedAndRecordedAsAConflict() throws Exception {
        Watched inFlight = new Watched(Duration.ofSeconds(2));
        ScriptedGateway gateway = gateway(inFlight);
        channel.pay = PAID;
        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY");

        Future<ChannelOrder> charged = threads.submit(() -> gateway.charges().charge(codeCmd()));
        await(channel.sent);
        Future<?> notified = notify(gateway, inFlight,
                new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "notification n1", "2026112922001", null, 99L, "CNY"));
        await(inFlight.found);
        channel.answer.countDown();
        charged.get(10, TimeUnit.SECONDS);
        notified.get(10, TimeUnit.SECONDS);

        assertThat(channel.queries).as("not a repeat of the final result: asked as before").hasValue(1);
        assertThat(repo.find(NO).orElseThrow().status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(repo.conflicts).as("the notification's amount contradicts the paid order").containsExactly("SUCCESS→SUCCESS");
        assertThat(waited("queried")).isEqualTo(1.0);
        assertThat(meters.find("channel.notify.repeated").counter()).isNull();
    }

    @Test
    void aChargeTheBuyerStillHasToConfirmLeavesTheNotificationToItsQueryAfterTheWait() throws Exception {
        Watched inFlight = new Watched(Duration.ofSeconds(2));
        ScriptedGateway gateway = gateway(inFlight);
        channel.pay = ChannelCall.of(Outcome.PENDING, "10003", "order success pay inprocess");
        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY");

        Future<ChannelOrder> charged = threads.submit(() -> gateway.charges().charge(codeCmd()));
        await(channel.sent);
        Future<?> notified = notify(gateway, inFlight, NOTIFIED_PAID);
        await(inFlight.found);
        channel.answer.countDown();
        assertThat(charged.get(10, TimeUnit.SECONDS).status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        notified.get(10, TimeUnit.SECONDS);

        assertThat(channel.queries).as("still open after the charge: only the query settles it").hasValue(1);
        assertThat(repo.find(NO).orElseThrow().finalSource()).isEqualTo("NOTIFY_QUERY");
        assertThat(announced).containsExactly("SUCCESS");
        assertThat(waited("queried")).isEqualTo(1.0);
    }

    @Test
    void aChargeThatThrowsLeavesNoEntryAndANotificationOfItsOrderIsQueriedAtOnce() {
        ChargesInFlight inFlight = new ChargesInFlight(new FollowUpProperties(Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(2), 1));
        ScriptedGateway gateway = gateway(inFlight);
        channel.answer.countDown();
        channel.throwing = new IllegalStateException("adapter bug");
        channel.query = ChannelCall.of(Outcome.PENDING, "WAIT_BUYER_PAY", "");

        assertThatThrownBy(() -> gateway.charges().charge(codeCmd())).isInstanceOf(IllegalStateException.class);

        assertThat(inFlight.of(NO)).isEmpty();
        assertThat(inFlight.size()).isZero();
        try (ChargesInFlight.Registration next = inFlight.start("another")) {
            assertThat(inFlight.of("another")).as("its room is free again (the registry holds one)").isPresent();
        }
        gateway.notifications().notified(NO, NOTIFIED_PAID);
        assertThat(channel.queries).hasValue(1);
        assertThat(meters.find("channel.notify.waited").counter()).as("nothing to wait for").isNull();
    }

    ScriptedGateway gateway(ChargesInFlight inFlight) {
        return gateway(inFlight, Duration.ofSeconds(2));
    }

    ScriptedGateway gateway(ChargesInFlight inFlight, Duration wait) {
        return ScriptedGateway.over(repo, List.of(channel), o -> announced.add(o.status().name()), meters, clock,
                (no, attempt, delay) -> { }, ChannelChargesTest.router(meters, clock), ScriptedGateway.properties(wait), inFlight);
    }

    /**
     * The notification on a thread of its own; {@code found} is also released when it is done, so that a notification
     * that did not wait fails the test's assertions, not its latch.
     */
    Future<?> notify(ScriptedGateway gateway, Watched inFlight, ChannelCall call) {
        return threads.submit(() -> {
            try {
                gateway.notifications().notified(NO, call);
            } finally {
                inFlight.found.countDown();
            }
        });
    }

    double waited(String outcome) {
        return meters.counter("channel.notify.waited", "channel", "ALIPAY", "outcome", outcome).count();
    }

    ChargeChannelCmd codeCmd() {
        return new ChargeChannelCmd(PAY_ORDER, "T2026112914000001000010004", "M1", PayMethod.ALIPAY_CODE, Money.cny(100), "tea",
                now.plusSeconds(300), "283456789012345678");
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other thread got there").isTrue();
    }

    /** The registry, telling the test when a notification has found a charge in flight (and is about to wait for it). */
    static final class Watched extends ChargesInFlight {
        final CountDownLatch found = new CountDownLatch(1);

        Watched(Duration wait) {
            super(ScriptedGateway.properties(wait));
        }

        @Override
        Optional<Charge> of(String channelOrderNo) {
            Optional<Charge> charge = super.of(channelOrderNo);
            charge.ifPresent(c -> found.countDown());
            return charge;
        }
    }

    /** A payment-code channel whose answer to the charge is held until the test releases it; it counts queries. */
    static final class HeldCode implements CodeChannelAdapter {
        final CountDownLatch sent = new CountDownLatch(1);
        final CountDownLatch answer = new CountDownLatch(1);
        final AtomicInteger queries = new AtomicInteger();
        volatile ChannelCall pay;
        volatile RuntimeException throwing;
        volatile ChannelCall query = ChannelCall.of(Outcome.PENDING, "WAIT_BUYER_PAY", "");

        @Override
        public ChannelCode channel() {
            return ChannelCode.ALIPAY;
        }

        @Override
        public PayMethod method() {
            return PayMethod.ALIPAY_CODE;
        }

        @Override
        public ChannelCall pay(ChannelOrder order, String authCode) {
            sent.countDown();
            try {
                if (!answer.await(10, TimeUnit.SECONDS)) {
                    return ChannelCall.unknown("IO", "test never released the answer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ChannelCall.unknown("IO", "interrupted");
            }
            if (throwing != null) {
                throw throwing;
            }
            return pay;
        }

        @Override
        public ChannelCall query(ChannelOrder order) {
            queries.incrementAndGet();
            return query;
        }

        @Override
        public ChannelCall close(ChannelOrder order) {
            return ChannelCall.unknown("IO", "not scripted");
        }
    }
}
