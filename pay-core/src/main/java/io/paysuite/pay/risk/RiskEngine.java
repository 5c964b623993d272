package io.paysuite.pay.risk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.risk.RiskAction;
import io.paysuite.api.trade.TradeDTO;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens a payment before any money moves (docs/architecture.md, "Risk rules"): called by
 * {@code PayOrchestrator.pay} after the cheap refusals and the payment password, before the pay order
 * is opened, the trade taken or a tool run. The decision is the most severe action of the rules that
 * fired ({@code BLOCK > REVIEW > ALLOW}):
 * <ul>
 *   <li>BLOCK: {@code RISK_REJECTED}, nothing written but the decision;</li>
 *   <li>REVIEW: step up. A payment confirmed with the payment password (BALANCE, BANK_CARD) is refused
 *       {@code RISK_STEP_UP_REQUIRED} on its first attempt — the password it came with was typed before anyone
 *       knew the payment was risky, so it confirms nothing — and goes on only when a later request names that
 *       refused attempt ({@link PayCmd#stepUpOf()}) with the password entered again (verified by member-service
 *       just before), within {@code stepUpWindow} of the refusal. The refusal's REVIEW decision, always written,
 *       is what the confirmation is checked against ({@link RiskDecisions#askedToStepUp}); when it cannot be read
 *       the buyer is asked again. Any other payment (QR, payment codes: no Paysuite password to ask for) is
 *       refused {@code RISK_REJECTED} "this payment needs review";</li>
 *   <li>ALLOW: goes on.</li>
 * </ul>
 * A rule that fails to evaluate (it cannot be evaluated as configured, or the counters it reads are
 * unreachable) is logged at WARN with its id and counted in {@code paysuite_risk_rule_errors_total{rule}};
 * the payment is decided by the other rules — a broken rule never blocks every payment, nor does it
 * block any silently. Cost per payment: with a rule that reads counters, one SELECT; for a payment that
 * passed, one upsert of its counters; one insert of the decision (plain ALLOWs sampled: docs/adr/0011); for a
 * REVIEW's step-up confirmation, one indexed COUNT of the decision it confirms.
 */
public class RiskEngine {

    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);
    static final String NEEDS_REVIEW = "this payment needs review";
    static final String BLOCKED = "payment refused by risk control";
    static final String STEP_UP = "this payment needs your payment password entered again (step-up)";
    /** The metric's tag for counter writes that failed (not a rule, but reported the same way). */
    static final String COUNTERS = "(counters)";

    private final RiskRuleSource rules;
    private final RiskCounters counters;
    private final RiskDecisions decisions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration stepUpWindow;
    /** What the check costs a payment (rules, tallies read, decision and counters written), refusals included. */
    private final Timer screens;

    public RiskEngine(RiskRuleSource rules, RiskCounters counters, RiskDecisions decisions, MeterRegistry meters,
                      Clock clock, ZoneId zone, Duration stepUpWindow) {
        this.rules = rules;
        this.counters = counters;
        this.decisions = decisions;
        this.meters = meters;
        this.clock = clock;
        this.zone = zone;
        this.stepUpWindow = stepUpWindow;
        this.screens = Timer.builder("paysuite.risk.screen").description("the risk check of one payment, writes included")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Returns when the payment may go on; throws {@code RISK_REJECTED} or {@code RISK_STEP_UP_REQUIRED} when it may not. */
    public void screen(PayCmd cmd, TradeDTO trade) {
        long started = System.nanoTime();
        try {
            screenTimed(cmd, trade);
        } finally {
            screens.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void screenTimed(PayCmd cmd, TradeDTO trade) {
        RiskDecision decision = decide(RiskInput.of(cmd, trade, clock.instant()));
        Screening screening = switch (decision.action()) {
            case ALLOW -> Screening.PASSED;
            case BLOCK -> Screening.BLOCKED;
            case REVIEW -> !cmd.method().needsPayPassword() ? Screening.NEEDS_REVIEW
                    : steppedUp(cmd, decision.input()) ? Screening.STEPPED_UP : Screening.STEP_UP_REQUIRED;
        };
        record(new RiskDecision(decision.input(), decision.action(), decision.fired(), decision.failed(),
                decision.inputs() + "; outcome=" + screening.outcome));
        if (screening.refusal != null) {
            log.info("risk refused trade_no={} request_no={} action={} outcome={} fired={}", trade.tradeNo(), cmd.requestNo(),
                    decision.action(), screening.outcome, decision.fired());
            throw new BizException(screening.refusal, screening.message);
        }
        count(decision.input());
    }

    /** What a screening did with the payment, as logged with its decision ({@code outcome=}). */
    private enum Screening {
        PASSED("passed", null, null),
        STEPPED_UP("passed_with_step_up", null, null),
        STEP_UP_REQUIRED("step_up_required", ErrorCode.RISK_STEP_UP_REQUIRED, STEP_UP),
        NEEDS_REVIEW("refused", ErrorCode.RISK_REJECTED, RiskEngine.NEEDS_REVIEW),
        BLOCKED("refused", ErrorCode.RISK_REJECTED, RiskEngine.BLOCKED);

        final String outcome;
        final ErrorCode refusal;
        final String message;

        Screening(String outcome, ErrorCode refusal, String message) {
            this.outcome = outcome;
            this.refusal = refusal;
            this.message = message;
        }
    }

    /**
     * Whether this request confirms an earlier attempt of the same trade, buyer and method that a REVIEW asked to
     * step up, within the window. A first attempt names none, whatever password it carries.
     */
    private boolean steppedUp(PayCmd cmd, RiskInput in) {
        if (cmd.stepUpOf() == null || cmd.stepUpOf().equals(cmd.requestNo())) {
            return false;
        }
        try {
            return decisions.askedToStepUp(in.tradeNo(), cmd.stepUpOf(), cmd.buyerId(), cmd.method(), in.at().minus(stepUpWindow));
        } catch (RuntimeException e) {
            // cannot tell whether the buyer was asked: ask (again) rather than let a REVIEW through unconfirmed
            log.warn("risk step-up of trade {} not checked; the buyer is asked again: {}", in.tradeNo(), e.toString());
            return false;
        }
    }

    /** Evaluates every rule in force on one payment; writes nothing. */
    public RiskDecision decide(RiskInput in) {
        RiskRules current = rules.current();
        RiskTallies tallies = null;
        RuntimeException countersDown = null;
        if (current.needsTallies()) {
            try {
                RiskTallies.Buckets buckets = RiskTallies.buckets(in, zone);
                tallies = RiskTallies.of(buckets, counters.read(buckets));
            } catch (RuntimeException e) {
                countersDown = e;
            }
        }
        RiskAction action = RiskAction.ALLOW;
        List<String> fired = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (RiskRule rule : current.rules()) {
            if (!rule.appliesTo(in)) {
                continue;
            }
            try {
                if (rule.needsTallies() && tallies == null) {
                    throw new IllegalStateException("counters unavailable: " + countersDown);
                }
                String why = rule.fires(in, tallies);
                if (why != null) {
                    action = action.max(rule.action());
                    fired.add(rule.id() + "[" + rule.action() + ": " + why + "]");
                }
            } catch (RuntimeException e) {
                failed.add(rule.id());
                errors(rule.id()).increment();
                log.warn("risk rule {} failed to evaluate for trade {}; the other rules decide: {}", rule.id(),
                        in.tradeNo(), e.toString());
            }
        }
        return new RiskDecision(in, action, fired, failed, inputs(in, current));
    }

    private static String inputs(RiskInput in, RiskRules current) {
        return "rules_version=" + current.version() + "; amount=" + in.amountMinor()
                + (in.clientIp() == null ? "" : "; ip=" + in.clientIp())
                + (in.deviceId() == null ? "" : "; device=" + in.deviceId())
                + (in.cardFingerprint() == null ? "" : "; card=" + in.cardFingerprint());
    }

    private void record(RiskDecision decision) {
        try {
            decisions.record(decision);
        } catch (RuntimeException e) {
            // the trail is worth less than the payment: a lost line is logged here instead
            log.warn("risk decision not recorded trade_no={} action={} fired={}: {}", decision.input().tradeNo(),
                    decision.action(), decision.fired(), e.toString());
        }
    }

    private void count(RiskInput in) {
        try {
            counters.add(RiskTallies.buckets(in, zone).increments());
        } catch (RuntimeException e) {
            errors(COUNTERS).increment();
            log.warn("risk counters not updated for trade {}; velocity and daily sums undercount it: {}", in.tradeNo(),
                    e.toString());
        }
    }

    private Counter errors(String rule) {
        return Counter.builder("paysuite.risk.rule.errors").description("risk rules that failed to evaluate")
                .tag("rule", rule).register(meters);
    }
}
