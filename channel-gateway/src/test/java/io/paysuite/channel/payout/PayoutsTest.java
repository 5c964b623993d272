package io.paysuite.channel.payout;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.isolation.ChannelGuard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutQry;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.infra.payout.InMemoryPayoutMapper;
import io.paysuite.channel.infra.payout.MyBatisPayoutRepository;
import io.paysuite.channel.infra.payout.PayoutAccountSeal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The payout discipline against a scripted payout channel: insert first, unknown is not failure, query before deciding. */
class PayoutsTest {

    static final PayoutCmd CMD = new PayoutCmd("PO20261206000001", PayoutPurpose.SETTLEMENT, "M1", Money.cny(10_000),
            "6222020200001234", "Demo Shop", "S20261206");

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T14:00:00Z"));
    final PayoutRepository repository = new MyBatisPayoutRepository(new InMemoryPayoutMapper(),
            new PayoutAccountSeal("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    final ScriptedChannel channel = new ScriptedChannel();
    final List<String> timers = new CopyOnWriteArrayList<>();
    final List<String> announced = new CopyOnWriteArrayList<>();
    final PayoutProperties properties = new PayoutProperties("T", List.of(Duration.ofSeconds(5), Duration.ofSeconds(15)),
            Duration.ofMinutes(1), "G", Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15), 100);
    final PayoutResults results = (payout, to, rawCode, channelNo, at) -> {
        boolean moved = repository.transition(payout.payoutNo(), PayoutStatus.PROCESSING, to, rawCode, channelNo, at);
        if (moved) {
            announced.add(payout.payoutNo() + " " + to);
        }
        return moved;
    };
    final Payouts payouts = new Payouts(repository, List.of(channel), (no, attempt, delay) -> timers.add(no + "#" + attempt + "@" + delay),
            results, properties, new ChannelGuard(new ChannelStats(new SimpleMeterRegistry(), clock)), clock);

    @Test
    void aDefiniteSuccessFinishesThePayoutAndAnnouncesItOnce() {
        channel.transfers.add(answer(Outcome.SUCCESS, "SUCCESS"));

        Payout payout = payouts.payout(CMD);

        assertThat(payout.status()).isEqualTo(PayoutStatus.SUCCESS);
        assertThat(payout.channelPayoutNo()).isEqualTo("A1");
        assertThat(announced).containsExactly("PO20261206000001 SUCCESS");
        assertThat(channel.sent.get()).isEqualTo(1);
    }

    @Test
    void theFirstFollowUpIsSetBeforeTheTransferIsSent() {
        channel.transfers.add(answer(Outcome.PENDING, "DEALING"));
        channel.beforeTransfer = () -> assertThat(timers).containsExactly("PO20261206000001#1@PT5S");

        payouts.payout(CMD);

        assertThat(channel.sent.get()).isEqualTo(1);
    }

    @Test
    void aDealingPayoutStaysProcessingUntilTheFollowUpQueryFindsItPaid() {
        channel.transfers.add(answer(Outcome.PENDING, "DEALING"));
        assertThat(payouts.payout(CMD).status()).isEqualTo(PayoutStatus.PROCESSING);

        channel.queries.add(answer(Outcome.PENDING, "DEALING"));
        payouts.followUp(CMD.payoutNo(), 1);
        assertThat(payouts.get(CMD.payoutNo()).orElseThrow().status()).isEqualTo(PayoutStatus.PROCESSING);
        assertThat(timers).containsExactly("PO20261206000001#1@PT5S", "PO20261206000001#2@PT15S");

        channel.queries.add(answer(Outcome.SUCCESS, "SUCCESS"));
        payouts.followUp(CMD.payoutNo(), 2);
        assertThat(payouts.get(CMD.payoutNo()).orElseThrow().status()).isEqualTo(PayoutStatus.SUCCESS);
        assertThat(announced).containsExactly("PO20261206000001 SUCCESS");
        assertThat(channel.sent.get()).isEqualTo(1);
    }

    @Test
    void aTimeoutIsNotAFailureAndTheQueryDecides() {
        channel.transfers.add(ChannelCall.unknown("IO", "Read timed out"));
        assertThat(payouts.payout(CMD).status()).isEqualTo(PayoutStatus.PROCESSING);
        assertThat(announced).isEmpty();

        channel.queries.add(answer(Outcome.FAILURE, "PAYEE_ACCOUNT_NOT_EXSIT"));
        payouts.followUp(CMD.payoutNo(), 1);

        Payout failed = payouts.get(CMD.payoutNo()).orElseThrow();
        assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(failed.toDTO().failureCode()).isEqualTo("PAYEE_ACCOUNT_NOT_EXSIT");
        assertThat(announced).containsExactly("PO20261206000001 FAILED");
    }

    @Test
    void reconciliationsSettleByBillAsksFirstWaitsForTheBankAndOtherwiseTakesTheBillsWord() {
        channel.transfers.add(ChannelCall.unknown("IO", "Read timed out"));
        payouts.payout(CMD);
        channel.queries.add(answer(Outcome.PENDING, "DEALING"));
        assertThat(payouts.settleByBill(CMD.payoutNo(), true, "A1").orElseThrow().status())
                .as("accepted and still with the bank: the transfer line decides nothing yet").isEqualTo(PayoutStatus.PROCESSING);

        channel.queries.add(ChannelCall.unknown("IO", "Read timed out"));
        Payout paid = payouts.settleByBill(CMD.payoutNo(), true, "A1").orElseThrow();
        assertThat(paid.status()).isEqualTo(PayoutStatus.SUCCESS);
        assertThat(paid.rawCode()).isEqualTo("BILL_PAID");
        assertThat(announced).containsExactly("PO20261206000001 SUCCESS");

        PayoutCmd bounced = new PayoutCmd("PO20261206000002", CMD.purpose(), CMD.ownerId(), CMD.amount(), CMD.bankAccountNo(),
                CMD.accountName(), CMD.remark());
        channel.transfers.add(ChannelCall.unknown("IO", "Read timed out"));
        payouts.payout(bounced);
        channel.queries.add(answer(Outcome.PENDING, "DEALING"));
        assertThat(payouts.settleByBill(bounced.payoutNo(), false, "A2").orElseThrow().status())
                .as("the bank's return is definite whatever the query says").isEqualTo(PayoutStatus.FAILED);
        assertThat(channel.sent.get()).isEqualTo(2);
    }

    @Test
    void aDefiniteRefusalFailsThePayout() {
        channel.transfers.add(answer(Outcome.FAILURE, "PAYEE_CARD_INFO_ERROR"));

        Payout payout = payouts.payout(CMD);

        assertThat(payout.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(payout.toDTO().failureCode()).isEqualTo("PAYEE_CARD_INFO_ERROR");
    }

    @Test
    void notFoundSoonAfterTheSendIsNotAFailureAndLaterTheSameTransferIsSentAgain() {
        channel.transfers.add(ChannelCall.unknown("IO", "lost"));
        payouts.payout(CMD);

        channel.queries.add(answer(Outcome.NOT_FOUND, "ORDER_NOT_EXIST"));
        payouts.followUp(CMD.payoutNo(), 1);
        assertThat(payouts.get(CMD.payoutNo()).orElseThrow().status()).isEqualTo(PayoutStatus.PROCESSING);
        assertThat(channel.sent.get()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        channel.queries.add(answer(Outcome.NOT_FOUND, "ORDER_NOT_EXIST"));
        channel.transfers.add(answer(Outcome.SUCCESS, "SUCCESS"));
        payouts.followUp(CMD.payoutNo(), 2);

        assertThat(channel.sent.get()).isEqualTo(2);
        assertThat(channel.sentNumbers).containsOnly(CMD.payoutNo());
        assertThat(payouts.get(CMD.payoutNo()).orElseThrow().status()).isEqualTo(PayoutStatus.SUCCESS);
    }

    @Test
    void theFirstFinalAnswerWins() {
        channel.transfers.add(answer(Outcome.SUCCESS, "SUCCESS"));
        payouts.payout(CMD);

        channel.queries.add(answer(Outcome.FAILURE, "REFUND"));
        payouts.followUp(CMD.payoutNo(), 0);

        assertThat(payouts.get(CMD.payoutNo()).orElseThrow().status()).isEqualTo(PayoutStatus.SUCCESS);
        assertThat(channel.queried.get()).isZero(); // a final payout is not even asked about
        assertThat(announced).containsExactly("PO20261206000001 SUCCESS");
    }

    @Test
    void aRepeatWithTheSameContentAnswersTheStoredPayoutAndNudgesAFollowUp() {
        channel.transfers.add(answer(Outcome.PENDING, "DEALING"));
        payouts.payout(CMD);

        Payout again = payouts.payout(CMD);

        assertThat(again.status()).isEqualTo(PayoutStatus.PROCESSING);
        assertThat(channel.sent.get()).isEqualTo(1);
        assertThat(timers).contains("PO20261206000001#0@PT1S");
    }

    @Test
    void aRepeatWithOtherContentIsRefused() {
        channel.transfers.add(answer(Outcome.PENDING, "DEALING"));
        payouts.payout(CMD);

        PayoutCmd other = new PayoutCmd(CMD.payoutNo(), CMD.purpose(), CMD.ownerId(), Money.cny(10_001), CMD.bankAccountNo(),
                CMD.accountName(), CMD.remark());
        assertThatThrownBy(() -> payouts.payout(other)).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        PayoutCmd otherCard = new PayoutCmd(CMD.payoutNo(), CMD.purpose(), CMD.ownerId(), CMD.amount(), "6222020200009999",
                CMD.accountName(), CMD.remark());
        assertThatThrownBy(() -> payouts.payout(otherCard)).isInstanceOf(BizException.class);
        assertThat(channel.sent.get()).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesSendOneTransfer() throws Exception {
        for (int i = 0; i < 8; i++) {
            channel.transfers.add(answer(Outcome.PENDING, "DEALING"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Payout>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return payouts.payout(CMD);
            }));
        }
        start.countDown();
        for (Future<Payout> call : calls) {
            assertThat(call.get().payoutNo()).isEqualTo(CMD.payoutNo());
        }
        pool.shutdown();

        assertThat(channel.sent.get()).isEqualTo(1);
    }

    @Test
    void badCommandsAreRefusedBeforeAnythingIsRecorded() {
        PayoutCmd noCard = new PayoutCmd("PO20261206000002", PayoutPurpose.SETTLEMENT, "M1", Money.cny(1), "12ab", "Demo", null);
        PayoutCmd zero = new PayoutCmd("PO20261206000003", PayoutPurpose.SETTLEMENT, "M1", Money.cny(0), "6222020200001234", "Demo", null);

        assertThatThrownBy(() -> payouts.payout(noCard)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> payouts.payout(zero)).isInstanceOf(BizException.class);
        assertThat(payouts.list(new PayoutQry(null, null, 10))).isEmpty();
    }

    @Test
    void withoutAPayoutChannelNothingIsRecordedAndTheCallIsRefusedAsDegraded() {
        Payouts none = new Payouts(repository, List.of(), (no, attempt, delay) -> { }, results, properties, new ChannelGuard(new ChannelStats(new SimpleMeterRegistry(), clock)), clock);

        assertThatThrownBy(() -> none.payout(CMD)).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_DEGRADED));
        assertThat(repository.find(CMD.payoutNo())).isEmpty();
    }

    @Test
    void theTimersStopWhenTheScheduleIsUsedUpAndTheJanitorsOneOffSetsNone() {
        channel.transfers.add(answer(Outcome.PENDING, "DEALING"));
        payouts.payout(CMD);
        channel.queries.add(answer(Outcome.PENDING, "DEALING"));
        channel.queries.add(answer(Outcome.PENDING, "DEALING"));

        payouts.followUp(CMD.payoutNo(), 2);
        payouts.followUp(CMD.payoutNo(), 0);

        assertThat(timers).containsExactly("PO20261206000001#1@PT5S");
    }

    @Test
    void operatorsListPayoutsByStatusWithMaskedAccounts() {
        channel.transfers.add(answer(Outcome.PENDING, "DEALING"));
        payouts.payout(CMD);

        assertThat(payouts.list(new PayoutQry(PayoutStatus.PROCESSING, null, 10))).singleElement()
                .satisfies(p -> assertThat(p.toDTO().bankAccount()).isEqualTo("****1234"));
        assertThat(payouts.list(new PayoutQry(PayoutStatus.SUCCESS, null, 10))).isEmpty();
        assertThatThrownBy(() -> payouts.list(new PayoutQry(null, null, 0))).isInstanceOf(BizException.class);
    }

    private static ChannelCall answer(Outcome outcome, String raw) {
        return new ChannelCall(outcome, raw, null, "A1", null, null);
    }

    static final class ScriptedChannel implements PayoutChannel {
        final Deque<ChannelCall> transfers = new ArrayDeque<>();
        final Deque<ChannelCall> queries = new ArrayDeque<>();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger queried = new AtomicInteger();
        final List<String> sentNumbers = new CopyOnWriteArrayList<>();
        Runnable beforeTransfer = () -> { };

        @Override
        public String name() {
            return "SCRIPTED";
        }

        @Override
        public synchronized ChannelCall transfer(Payout payout) {
            beforeTransfer.run();
            sent.incrementAndGet();
            sentNumbers.add(payout.payoutNo());
            return transfers.isEmpty() ? ChannelCall.unknown("IO", "no script") : transfers.poll();
        }

        @Override
        public synchronized ChannelCall query(Payout payout) {
            queried.incrementAndGet();
            return queries.isEmpty() ? ChannelCall.unknown("IO", "no script") : queries.poll();
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
