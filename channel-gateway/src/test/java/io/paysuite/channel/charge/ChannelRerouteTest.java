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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rerouting a bank-card charge between two acquirers ({@code UNIONPAY} first by name, then {@code UNIONPAY_B}) against
 * scripted channels: only a definite refusal of the charge that the channel calls its own moves the pay order to the
 * other channel, as a new attempt; a timeout, a card's refusal or anything after acceptance never does.
 */
class ChannelRerouteTest {

    static final String PAY_ORDER = "P2026112914000001000010004";
    static final String TOKEN = "6225000000000000";

    final ChannelChargesTest.Repo repo = new ChannelChargesTest.Repo();
    final Card first = new Card(ChannelCode.UNIONPAY);
    final Card second = new Card(ChannelCode.UNIONPAY_B);
    final List<String> announced = Collections.synchronizedList(new ArrayList<>());
    final Instant now = Instant.parse("2026-11-29T14:00:00Z");
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final ExecutorService pool = Executors.newFixedThreadPool(8);
    final ChannelCharges orders = ScriptedGateway.over(repo, List.of(first, second), o -> announced.add(o.status() + "@" + o.channel()),
            meters, clock, (no, attempt, delay) -> { }, ChannelChargesTest.router(meters, clock)).charges();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    ChargeChannelCmd cmd(String token) {
        return new ChargeChannelCmd(PAY_ORDER, "T2026112914000001000010004", "M1", PayMethod.BANK_CARD, Money.cny(100), "tea",
                now.plusSeconds(900), token, "B1");
    }

    @Test
    void anAcquirersOwnRefusalReroutesAndTheOtherAcquirerTakesThePayment() {
        first.pay = ChannelCall.of(Outcome.FAILURE, "31", "merchant state incorrect");
        second.pay = ChannelCall.of(Outcome.PENDING, "00", "accepted");

        ChannelOrder current = orders.charge(cmd(TOKEN));

        assertThat(current.channel()).isEqualTo(ChannelCode.UNIONPAY_B);
        assertThat(current.attempt()).isEqualTo(1);
        assertThat(current.channelOrderNo()).as("a new order at the next channel, never a repeat of the refused one")
                .isEqualTo("C2026112914000001000010004A1");
        assertThat(orders.view(current).status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(second.charged).containsExactly("C2026112914000001000010004A1");
        assertThat(first.charged).containsExactly("C2026112914000001000010004");
        ChannelOrder refused = repo.find("C2026112914000001000010004").orElseThrow();
        assertThat(refused.status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(refused.reroutedTo()).isEqualTo("UNIONPAY_B");
        assertThat(announced).as("the refusal is not the pay order's answer: nothing announced").isEmpty();

        second.query = new ChannelCall(Outcome.SUCCESS, "00", "paid", "Q1", null, 100L, "CNY");
        ChannelOrder paid = orders.charge(cmd(null));
        assertThat(paid.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(paid.channel()).isEqualTo(ChannelCode.UNIONPAY_B);
        assertThat(announced).as("the charge call answers it to pay-core: not announced").isEmpty();
        assertThat(first.charged).as("the refused channel is never asked again").hasSize(1);
        assertThat(orders.get(PAY_ORDER).orElseThrow().channelOrderNo()).isEqualTo(paid.channelOrderNo());
    }

    @Test
    void whileTheRerouteIsPendingCallersSeeProcessingNotTheRefusal() {
        first.pay = ChannelCall.of(Outcome.FAILURE, "31", "merchant state incorrect");
        repo.crashOnInsertOfAttempt = 1;

        assertThatThrownBy(() -> orders.charge(cmd(TOKEN))).hasMessageContaining("killed");

        ChannelOrder refused = orders.get(PAY_ORDER).orElseThrow();
        assertThat(refused.reroutedTo()).as("decided before the crash").isEqualTo("UNIONPAY_B");
        assertThat(orders.view(refused).status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(announced).isEmpty();

        second.pay = ChannelCall.of(Outcome.PENDING, "00", "accepted");
        ChannelOrder resumed = orders.charge(cmd(TOKEN));
        assertThat(resumed.channel()).as("the repeat carries out the recorded decision").isEqualTo(ChannelCode.UNIONPAY_B);
        assertThat(second.charged).containsExactly("C2026112914000001000010004A1");
        assertThat(first.charged).hasSize(1);
    }

    @Test
    void aCardsRefusalIsTheAnswerAndIsNeverTriedElsewhere() {
        first.pay = ChannelCall.of(Outcome.FAILURE, "64", "insufficient funds");

        ChannelOrder refused = orders.charge(cmd(TOKEN));

        assertThat(refused.status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(orders.view(refused).status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(second.charged).isEmpty();
        assertThat(announced).as("the charge call answers it to pay-core: not announced").isEmpty();
    }

    @Test
    void aTimeoutIsNeverRerouted() {
        first.pay = ChannelCall.unknown("IO", "read timed out");

        ChannelOrder unsure = orders.charge(cmd(TOKEN));
        ChannelOrder again = orders.charge(cmd(TOKEN));

        assertThat(unsure.status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(again.channel()).isEqualTo(ChannelCode.UNIONPAY);
        assertThat(second.charged).as("the money may be at the first channel").isEmpty();
        assertThat(first.charged).as("and the first is asked, not charged again").hasSize(1);
    }

    @Test
    void aRefusalAfterAcceptanceIsNeverRerouted() {
        first.pay = ChannelCall.of(Outcome.PENDING, "00", "accepted");
        orders.charge(cmd(TOKEN));
        first.query = ChannelCall.of(Outcome.FAILURE, "31", "refused later");

        ChannelOrder failed = orders.charge(cmd(TOKEN));

        assertThat(failed.status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(orders.view(failed).status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(second.charged).isEmpty();
        assertThat(announced).as("the charge call answers it to pay-core: not announced").isEmpty();
    }

    @Test
    void whenEveryChannelRefusesTheLastRefusalIsTheChargesAnswer() {
        first.pay = ChannelCall.of(Outcome.FAILURE, "31", "merchant state incorrect");
        second.pay = ChannelCall.of(Outcome.FAILURE, "33", "over the merchant's limit");

        ChannelOrder last = orders.charge(cmd(TOKEN));
        ChannelOrder repeat = orders.charge(cmd(TOKEN));

        assertThat(last.channel()).isEqualTo(ChannelCode.UNIONPAY_B);
        assertThat(last.reroutedTo()).isEqualTo(ChannelOrder.NO_REROUTE);
        assertThat(orders.view(repeat).status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(first.charged).hasSize(1);
        assertThat(second.charged).hasSize(1);
        assertThat(announced).as("the charge call answers it to pay-core: not announced").isEmpty();
    }

    @Test
    void aRecoveryWithoutTheTokenDoesNotRerouteACardPayment() {
        first.pay = ChannelCall.of(Outcome.FAILURE, "31", "merchant state incorrect");
        // the first call recorded the refusal and died before deciding; pay-core's check repeats without the token
        repo.insert(new ChannelOrder("C2026112914000001000010004", PAY_ORDER, "T2026112914000001000010004", "M1", ChannelCode.UNIONPAY,
                PayMethod.BANK_CARD, Money.cny(100), "tea", ChannelOrderStatus.FAILED, null, null, "31", "SYNC", now.plusSeconds(900),
                now, now, 0, null));

        ChannelOrder answered = orders.charge(cmd(null));

        assertThat(answered.reroutedTo()).isEqualTo(ChannelOrder.NO_REROUTE);
        assertThat(second.charged).isEmpty();
        assertThat(announced).as("the charge call answers it to pay-core: not announced").isEmpty();
    }

    @Test
    void parallelDuplicatesOfARefusedChargeMakeOneAttemptPerChannel() throws Exception {
        first.pay = ChannelCall.of(Outcome.FAILURE, "32", "no permission");
        second.pay = ChannelCall.of(Outcome.PENDING, "00", "accepted");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ChannelOrder>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return orders.charge(cmd(TOKEN));
            }));
        }
        start.countDown();
        for (Future<ChannelOrder> call : calls) {
            ChannelOrder seen = call.get(10, TimeUnit.SECONDS);
            assertThat(orders.view(seen).status()).isIn(ChannelOrderStatus.PROCESSING, ChannelOrderStatus.CREATED);
        }

        assertThat(repo.attempts(PAY_ORDER)).extracting(ChannelOrder::channel)
                .containsExactly(ChannelCode.UNIONPAY, ChannelCode.UNIONPAY_B);
        assertThat(Set.copyOf(second.charged)).as("whoever charged the second channel charged the same order number")
                .containsExactly("C2026112914000001000010004A1");
        assertThat(Set.copyOf(first.charged)).containsExactly("C2026112914000001000010004");
        assertThat(announced).isEmpty();
    }

    /** A scripted acquirer: {@code 31}–{@code 33} are its own refusals, like UnionPay's table. */
    static final class Card implements CodeChannelAdapter {
        final ChannelCode channel;
        final List<String> charged = Collections.synchronizedList(new ArrayList<>());
        volatile ChannelCall pay;
        volatile ChannelCall query = ChannelCall.of(Outcome.PENDING, "05", "accepted");
        volatile ChannelCall close = ChannelCall.of(Outcome.SUCCESS, "00", "reversed");

        Card(ChannelCode channel) {
            this.channel = channel;
        }

        @Override
        public ChannelCode channel() {
            return channel;
        }

        @Override
        public PayMethod method() {
            return PayMethod.BANK_CARD;
        }

        @Override
        public ChannelCall pay(ChannelOrder order, String token) {
            charged.add(order.channelOrderNo());
            return pay;
        }

        @Override
        public ChannelCall query(ChannelOrder order) {
            return query;
        }

        @Override
        public ChannelCall close(ChannelOrder order) {
            return close;
        }

        @Override
        public boolean refusedByChannel(String rawCode) {
            return CodeChannelAdapter.super.refusedByChannel(rawCode) || Set.of("31", "32", "33").contains(rawCode);
        }
    }
}
