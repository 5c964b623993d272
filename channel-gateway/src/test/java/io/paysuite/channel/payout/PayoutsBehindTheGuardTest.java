package io.paysuite.channel.payout;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.infra.payout.InMemoryPayoutMapper;
import io.paysuite.channel.infra.payout.MyBatisPayoutRepository;
import io.paysuite.channel.infra.payout.PayoutAccountSeal;
import io.paysuite.channel.isolation.BreakerBoard;
import io.paysuite.channel.isolation.ChannelGuard;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Payouts behind {@link ChannelGuard#payout}, with real Sentinel rules on {@code payout:SCRIPTED} and on a charge channel. */
class PayoutsBehindTheGuardTest {

    final PayoutsTest.MutableClock clock = new PayoutsTest.MutableClock(Instant.parse("2026-12-06T14:00:00Z"));
    final PayoutRepository repository = new MyBatisPayoutRepository(new InMemoryPayoutMapper(),
            new PayoutAccountSeal("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    final PayoutsTest.ScriptedChannel channel = new PayoutsTest.ScriptedChannel();
    final List<String> announced = new CopyOnWriteArrayList<>();
    final PayoutProperties properties = new PayoutProperties("T", List.of(Duration.ofSeconds(5)), Duration.ofMinutes(1), "G",
            Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15), 100);
    final ChannelGuard guard = new ChannelGuard(new ChannelStats(new SimpleMeterRegistry(), clock));
    final BreakerBoard board = new BreakerBoard(clock);
    final Payouts payouts = new Payouts(repository, List.of(channel), (no, attempt, delay) -> { }, (payout, to, raw, no, at) -> {
        boolean moved = repository.transition(payout.payoutNo(), PayoutStatus.PROCESSING, to, raw, no, at);
        if (moved) {
            announced.add(payout.payoutNo() + " " + to + " " + raw);
        }
        return moved;
    }, properties, guard, clock);

    @AfterEach
    void noRules() {
        FlowRuleManager.loadRules(List.of());
        DegradeRuleManager.loadRules(List.of());
    }

    @Test
    void aFirstTransferTheGuardHoldsBackWasNeverSentAndFailsSoTheMoneyGoesBack() {
        FlowRuleManager.loadRules(List.of(new FlowRule(ChannelGuard.payoutResource("SCRIPTED"))
                .setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(0)));

        Payout payout = payouts.payout(cmd("PO_GUARD_000001"));

        assertThat(channel.sent.get()).as("nothing reached the channel").isZero();
        assertThat(payout.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(payout.rawCode()).isEqualTo("BLOCKED_CONCURRENCY_LIMIT");
        assertThat(announced).as("PAYOUT_FINAL FAILED: the owner returns the money to available")
                .containsExactly("PO_GUARD_000001 FAILED BLOCKED_CONCURRENCY_LIMIT");
    }

    @Test
    void aTimeoutIsUnknownAndAQueryTheGuardHoldsBackDecidesNothing() {
        channel.transfers.add(ChannelCall.unknown("IO", "Read timed out"));
        assertThat(payouts.payout(cmd("PO_GUARD_000002")).status()).isEqualTo(PayoutStatus.PROCESSING);

        FlowRuleManager.loadRules(List.of(new FlowRule(ChannelGuard.payoutResource("SCRIPTED"))
                .setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(0)));
        payouts.followUp("PO_GUARD_000002", 1);
        assertThat(channel.queried.get()).isZero();
        assertThat(payouts.get("PO_GUARD_000002").orElseThrow().status()).as("uncertain is not failed").isEqualTo(PayoutStatus.PROCESSING);

        FlowRuleManager.loadRules(List.of());
        channel.queries.add(new ChannelCall(Outcome.SUCCESS, "SUCCESS", null, "A1", null, null));
        payouts.followUp("PO_GUARD_000002", 2);
        assertThat(payouts.get("PO_GUARD_000002").orElseThrow().status()).isEqualTo(PayoutStatus.SUCCESS);
        assertThat(channel.sent.get()).isEqualTo(1);
    }

    @Test
    void aTransferSentAgainAfterNotFoundThatTheGuardHoldsBackStaysProcessing() {
        channel.transfers.add(ChannelCall.unknown("IO", "Read timed out"));
        payouts.payout(cmd("PO_GUARD_000003"));
        clock.advance(Duration.ofMinutes(2));
        channel.queries.add(ChannelCall.of(Outcome.NOT_FOUND, "ORDER_NOT_EXIST", ""));
        FlowRuleManager.loadRules(List.of(new FlowRule(ChannelGuard.payoutResource("SCRIPTED"))
                .setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(0)));

        payouts.followUp("PO_GUARD_000003", 1);

        assertThat(payouts.get("PO_GUARD_000003").orElseThrow().status())
                .as("the first send may have arrived: a held-back re-send is not a failure").isEqualTo(PayoutStatus.PROCESSING);
        assertThat(announced).isEmpty();
    }

    @Test
    void unansweredTransfersOpenThePayoutBreakerAndNotTheChargeChannels() {
        DegradeRuleManager.loadRules(List.of(
                new DegradeRule(ChannelGuard.payoutResource("SCRIPTED")).setGrade(RuleConstant.DEGRADE_GRADE_EXCEPTION_RATIO)
                        .setCount(0.5).setMinRequestAmount(3).setStatIntervalMs(10_000).setTimeWindow(30),
                new DegradeRule(ChannelGuard.resource(ChannelCode.ALIPAY)).setGrade(RuleConstant.DEGRADE_GRADE_EXCEPTION_RATIO)
                        .setCount(0.5).setMinRequestAmount(3).setStatIntervalMs(10_000).setTimeWindow(30)));
        for (int i = 0; i < 3; i++) { // the third unknown answer of three trips it (minimum 3, ratio 0.5)
            channel.transfers.add(ChannelCall.unknown("IO", "Read timed out"));
            assertThat(payouts.payout(cmd("PO_GUARD_01000" + i)).status()).isEqualTo(PayoutStatus.PROCESSING);
        }
        int sentBefore = channel.sent.get();

        Payout held = payouts.payout(cmd("PO_GUARD_020000"));

        assertThat(channel.sent.get()).as("the open breaker sent nothing").isEqualTo(sentBefore);
        assertThat(held.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(held.rawCode()).isEqualTo("BLOCKED_BREAKER_OPEN");
        ChannelCall charge = guard.call(ChannelCode.ALIPAY, "charge", () -> ChannelCall.of(Outcome.PENDING, "10000", ""));
        assertThat(charge.outcome()).as("charges keep their own breaker, still closed").isEqualTo(Outcome.PENDING);
        assertThat(board.state(ChannelCode.ALIPAY)).isEqualTo("CLOSED");
    }

    private static PayoutCmd cmd(String payoutNo) {
        return new PayoutCmd(payoutNo, PayoutPurpose.SETTLEMENT, "M1", Money.cny(10_000), "6222020200001234", "Demo Shop", "S1");
    }
}
