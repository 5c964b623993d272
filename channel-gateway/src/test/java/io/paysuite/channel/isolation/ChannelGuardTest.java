package io.paysuite.channel.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.health.ChannelStats;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard with real Sentinel rules: a concurrency cap that fails charges fast, and a breaker that opens and is closed by a probe. */
class ChannelGuardTest {

    final Clock clock = Clock.systemUTC();
    final ChannelStats stats = new ChannelStats(new SimpleMeterRegistry(), clock);
    final ChannelGuard guard = new ChannelGuard(stats);
    final BreakerBoard board = new BreakerBoard(clock);

    @AfterEach
    void noRules() {
        FlowRuleManager.loadRules(List.of());
        DegradeRuleManager.loadRules(List.of());
    }

    @Test
    void followUpsHoldAtMostTheirLaneSoAChargeStillFindsRoom() throws Exception {
        FlowRuleManager.loadRules(List.of(
                new FlowRule(ChannelGuard.resource(ChannelCode.WECHAT)).setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(2),
                new FlowRule(ChannelGuard.followUpResource(ChannelCode.WECHAT)).setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(1)));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ChannelCall> slowQuery = queryHeldInTheFollowUpLane(release);

        boolean[] sent = {false, false};
        ChannelCall secondQuery = guard.call(ChannelCode.WECHAT, "query", () -> {
            sent[0] = true;
            return ChannelCall.of(Outcome.PENDING, "NOTPAY", "");
        });
        ChannelCall charge = guard.call(ChannelCode.WECHAT, "charge", () -> {
            sent[1] = true;
            return ChannelCall.of(Outcome.PENDING, "OK", "prepay");
        });
        release.countDown();

        assertThat(secondQuery.outcome()).as("asked again later, not a result").isEqualTo(Outcome.UNKNOWN);
        assertThat(secondQuery.rawCode()).isEqualTo("BLOCKED_FOLLOW_UP_LIMIT");
        assertThat(sent[0]).as("the blocked query was not sent").isFalse();
        assertThat(sent[1]).as("the charge took the slot the follow-ups may not").isTrue();
        assertThat(charge.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(slowQuery.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void aWaveOfBackgroundQueriesCannotHoldBackARefundOrTheQueryThatConfirmsANotification() throws Exception {
        FlowRuleManager.loadRules(List.of(
                new FlowRule(ChannelGuard.resource(ChannelCode.WECHAT)).setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(4),
                new FlowRule(ChannelGuard.followUpResource(ChannelCode.WECHAT)).setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(1),
                new FlowRule(ChannelGuard.urgentResource(ChannelCode.WECHAT)).setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(1)));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ChannelCall> backgroundQuery = queryHeldInTheFollowUpLane(release);

        ChannelCall anotherBackgroundQuery = guard.call(ChannelCode.WECHAT, "query", () -> ChannelCall.of(Outcome.PENDING, "NOTPAY", ""));
        ChannelCall refund = guard.call(ChannelCode.WECHAT, "refund", () -> ChannelCall.of(Outcome.SUCCESS, "SUCCESS", ""));
        ChannelCall confirmation = guard.call(ChannelCode.WECHAT, "notify-query", () -> ChannelCall.of(Outcome.SUCCESS, "SUCCESS", ""));
        release.countDown();

        assertThat(anotherBackgroundQuery.rawCode()).as("the background lane is full").isEqualTo("BLOCKED_FOLLOW_UP_LIMIT");
        assertThat(refund.outcome()).as("the refund has its own lane").isEqualTo(Outcome.SUCCESS);
        assertThat(confirmation.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(backgroundQuery.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.PENDING);
    }

    /** A WeChat status query that holds its follow-up slot until {@code release}; answers once it is inside. */
    private CompletableFuture<ChannelCall> queryHeldInTheFollowUpLane(CountDownLatch release) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<ChannelCall> query = CompletableFuture.supplyAsync(() -> guard.call(ChannelCode.WECHAT, "query", () -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ChannelCall.of(Outcome.PENDING, "NOTPAY", "");
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return query;
    }

    @Test
    void aFullUrgentLaneHoldsBackWithoutSendingAndSaysWhich() throws Exception {
        FlowRuleManager.loadRules(List.of(new FlowRule(ChannelGuard.urgentResource(ChannelCode.ALIPAY))
                .setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(0)));
        boolean[] sent = {false};
        ChannelCall reversal = guard.call(ChannelCode.ALIPAY, "reverse", () -> {
            sent[0] = true;
            return ChannelCall.of(Outcome.SUCCESS, "10000", "");
        });
        assertThat(sent[0]).isFalse();
        assertThat(reversal.outcome()).as("asked again later, not a result").isEqualTo(Outcome.UNKNOWN);
        assertThat(reversal.rawCode()).isEqualTo("BLOCKED_URGENT_LIMIT");
        assertThat(reversal.blocked()).isTrue();
    }

    @Test
    void aChannelAtItsConcurrencyCapRefusesAChargeWithoutSendingIt() throws Exception {
        FlowRuleManager.loadRules(List.of(new FlowRule(ChannelGuard.resource(ChannelCode.UNIONPAY))
                .setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(1)));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ChannelCall> slow = CompletableFuture.supplyAsync(() -> guard.call(ChannelCode.UNIONPAY, "charge", () -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ChannelCall.of(Outcome.PENDING, "00", "accepted");
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        boolean[] sent = {false};
        ChannelCall second = guard.call(ChannelCode.UNIONPAY, "charge", () -> {
            sent[0] = true;
            return ChannelCall.of(Outcome.PENDING, "00", "accepted");
        });
        ChannelCall query = guard.call(ChannelCode.UNIONPAY, "query", () -> ChannelCall.of(Outcome.PENDING, "00", ""));
        release.countDown();

        assertThat(sent[0]).isFalse();
        assertThat(second.outcome()).as("nothing was sent: a definite failure before acceptance").isEqualTo(Outcome.FAILURE);
        assertThat(second.rawCode()).isEqualTo("BLOCKED_CONCURRENCY_LIMIT");
        assertThat(query.outcome()).as("a blocked query decides nothing").isEqualTo(Outcome.UNKNOWN);
        assertThat(slow.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void unansweredCallsOpenTheBreakerAndAnAnsweredProbeClosesIt() {
        DegradeRuleManager.loadRules(List.of(new DegradeRule(ChannelGuard.resource(ChannelCode.WECHAT))
                .setGrade(RuleConstant.DEGRADE_GRADE_EXCEPTION_RATIO).setCount(0.5).setMinRequestAmount(3)
                .setStatIntervalMs(10_000).setTimeWindow(1)));
        for (int i = 0; i < 4; i++) {
            guard.call(ChannelCode.WECHAT, "charge", () -> ChannelCall.unknown("IO", "read timed out"));
        }
        assertThat(board.state(ChannelCode.WECHAT)).isEqualTo("OPEN");
        ChannelCall refused = guard.call(ChannelCode.WECHAT, "charge", () -> ChannelCall.of(Outcome.PENDING, "OK", ""));
        assertThat(refused.rawCode()).isEqualTo("BLOCKED_BREAKER_OPEN");
        assertThat(stats.successRate(ChannelCode.WECHAT)).isZero();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            guard.call(ChannelCode.WECHAT, "probe", () -> ChannelCall.of(Outcome.NOT_FOUND, "ORDER_NOT_EXIST", ""));
            return board.state(ChannelCode.WECHAT).equals("CLOSED");
        });
        assertThat(stats.health(ChannelCode.WECHAT, true, board.state(ChannelCode.WECHAT)).topCodes().get(0).code()).isEqualTo("IO");
    }
}
