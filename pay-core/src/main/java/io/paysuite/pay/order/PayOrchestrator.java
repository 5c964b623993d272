package io.paysuite.pay.order;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.VerifyPayPasswordCmd;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trade.AbandonPayCmd;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.trade.TradePaymentService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.pay.order.tool.PaymentTools;
import io.paysuite.pay.order.tool.ToolOutcome;
import io.paysuite.pay.risk.RiskEngine;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs one payment attempt (docs/architecture.md, "The money path"):
 * <ol>
 *   <li>refuse cheaply what cannot be paid: unknown or paid or closed trade, another buyer's trade,
 *       unknown buyer, wrong or locked payment password — nothing written;</li>
 *   <li>open the pay order {@code CREATED} (idempotent on trade + request number);</li>
 *   <li>send a delayed check of it (a crash from here on is finished by {@link #recover}) and, while the broker
 *       stores it, take the trade ({@code WAIT_PAY → PAYING} naming this pay order): one attempt wins;</li>
 *   <li>once the broker has the check (not stored: the trade given back, nothing charged),
 *       {@code CREATED → PROCESSING}, then the tool charges, keyed by the pay order number;</li>
 *   <li>success: {@code PROCESSING → SUCCESS} recording the channel that took the money, then trade-core is handed
 *       the success directly and {@code PAY_SUCCEEDED} is sent without waiting for the broker ({@link PaySuccess}); the
 *       answer carries the trade as trade-core recorded it, when it did, so a till needs no second call for it. The
 *       broker's "stored", maybe after the answer, is remembered ({@link AnnouncedHere}); a success whose
 *       announcement this process did not see stored is announced again by its check, see {@link #recover};
 *       definite failure: {@code FAILED} and the trade given back; unknown: stays
 *       {@code PROCESSING} for the check to finish.</li>
 * </ol>
 * A combination payment (a coupon or points, {@link PayCmd#combination()}) records the coupon and
 * points on the order before it is charged and is charged by {@link CombinationPay} (a Saga: coupon,
 * points, then the tool for the rest); everything else above is the same. A payment with one tool keeps
 * this short path: one call to the tool, no Saga log (docs/adr/0008).
 *
 * <p>While {@link #pay} charges a pay order, this process remembers it ({@link #charging}): a recovery of the same
 * pay order meanwhile (its delayed check firing during a slow charge, a channel result) would only repeat that
 * charge — a trade read, the tool's call, a ledger post answered by the first, a success that loses its
 * compare-and-set — so it leaves the pay order to the charge under way, and to the check after it.
 */
@Component
public class PayOrchestrator {

    private static final Logger log = LoggerFactory.getLogger(PayOrchestrator.class);
    static final String ABANDONED = "ABANDONED";

    private final PayOrderRepository orders;
    private final PayOrderOpener opener;
    private final PaymentTools tools;
    private final PaySuccess success;
    private final PayChecks checks;
    private final TradeService tradeService;
    private final TradePaymentService tradePayments;
    private final MemberService members;
    private final Clock clock;
    private final CombinationPay combination;
    private final RiskEngine risk;
    private final Set<String> charging = ConcurrentHashMap.newKeySet();
    private final AnnouncedHere announcedHere = new AnnouncedHere();

    /** Without combination payments (a coupon or points is refused). */
    public PayOrchestrator(PayOrderRepository orders, PayOrderOpener opener, PaymentTools tools, PaySuccess success,
                           PayChecks checks, TradeService tradeService, TradePaymentService tradePayments,
                           MemberService members, Clock clock, RiskEngine risk) {
        this(orders, opener, tools, success, checks, tradeService, tradePayments, members, clock, CombinationPay.UNAVAILABLE, risk);
    }

    @Autowired
    public PayOrchestrator(PayOrderRepository orders, PayOrderOpener opener, PaymentTools tools, PaySuccess success,
                           PayChecks checks, TradeService tradeService, TradePaymentService tradePayments,
                           MemberService members, Clock clock, CombinationPay combination, RiskEngine risk) {
        this.combination = combination;
        this.orders = orders;
        this.opener = opener;
        this.tools = tools;
        this.success = success;
        this.checks = checks;
        this.tradeService = tradeService;
        this.tradePayments = tradePayments;
        this.members = members;
        this.clock = clock;
        this.risk = risk;
    }

    public PayOrderDTO pay(PayCmd cmd) {
        PayRules.check(cmd);
        var repeat = orders.findByRequest(cmd.tradeNo(), cmd.requestNo());
        if (repeat.isPresent()) {
            PayOrder first = repeat.get();
            if (!first.buyerId().equals(cmd.buyerId()) || first.method() != cmd.method()) {
                throw new BizException(ErrorCode.REQUEST_NO_USED, "request_no " + cmd.requestNo() + " was used for a different payment");
            }
            return first.toDTO();
        }
        TradeDTO trade = unwrap(tradeService.get(TradeByNoQry.internal(cmd.tradeNo())));
        refuseUnlessPayable(trade, cmd);
        if (!cmd.method().paymentCode()) {
            unwrap(members.getBuyer(cmd.buyerId())); // a payment-code buyer is the channel's, not ours
        }
        if (cmd.method().needsPayPassword()) {
            // the wallet and bound-card tokens are ours to guard; QR and codes are confirmed in the channel's app
            unwrap(members.verifyPayPassword(new VerifyPayPasswordCmd(cmd.buyerId(), cmd.payPassword())));
        }
        tools.of(cmd.method());
        risk.screen(cmd, trade); // before anything is written or moves: a refusal leaves the trade WAIT_PAY

        // the request was looked up above: insert at once (the unique key still decides a concurrent repeat)
        PayOrder order = opener.openNew(new OpenPayOrderCmd(trade.tradeNo(), cmd.buyerId(), trade.merchantId(),
                cmd.method(), trade.amount(), cmd.requestNo()));
        if (order.status() != PayOrderStatus.CREATED) {
            return order.toDTO(); // a concurrent repeat of this request got further
        }
        if (cmd.combination()) {
            // before anything is frozen: recovery must know what to release even if a freeze's answer is lost
            combination.plan(order, cmd.couponId(), cmd.usePoints());
            order = order.withParts(PayParts.planned(cmd.couponId(), cmd.usePoints()));
        }
        // the check's store and the trade's taking overlap (two round trips the till waited for one after the other);
        // nothing is charged before the broker has the check: see awaitCheck
        PendingCheck check = checks.start(order);
        Result<TradeDTO> taken;
        try {
            taken = tradePayments.beginPay(new BeginPayCmd(trade.tradeNo(), order.payOrderNo(), cmd.buyerId()));
        } catch (RuntimeException transport) {
            // the trade may or may not be ours now; the check abandons both cleanly
            log.warn("beginPay of {} for {} outcome unknown: {}", trade.tradeNo(), order.payOrderNo(), transport.toString());
            awaitCheck(order, check);
            return order.toDTO();
        }
        if (!taken.success()) {
            if (Outcome.unknown(taken.code())) {
                awaitCheck(order, check);
                return order.toDTO();
            }
            // the trade is not ours and nothing moved: no need to wait for the check (stored, it finds the pay order
            // FAILED and its abandonPay names a pay order that does not hold the trade: nothing happens)
            fail(order, PayOrderStatus.CREATED, taken.code());
            throw new BizException(taken.code(), taken.message());
        }
        awaitCheck(order, check);
        java.time.Instant processingAt = now();
        if (!orders.transition(order.payOrderNo(), PayOrderStatus.CREATED, PayOrderStatus.PROCESSING, null, null, processingAt)) {
            return orders.find(order.payOrderNo()).orElseThrow().toDTO(); // the check abandoned it meanwhile
        }
        order = order.after(PayOrderStatus.PROCESSING, null, null, processingAt);
        charging.add(order.payOrderNo());
        try {
            return charge(order, trade, cmd.authCode(), true);
        } finally {
            charging.remove(order.payOrderNo());
        }
    }

    /**
     * Waits until the broker has stored the pay order's check ({@link PayChecks#start}, sent before {@code beginPay}):
     * nothing is charged before, so that a process that crashes after the charge leaves a check to finish it.
     *
     * <p>Not stored (the broker refused it, the send failed, or no answer within the send timeout, which counts as not
     * stored): the pay order is failed {@code CREATED → FAILED} with {@code SERVICE_DEGRADED} and the trade it may hold
     * is given back — {@code beginPay} ran meanwhile and took it, or (its outcome unknown) may have — then the payment is
     * refused; nothing was charged, the pay order never reached {@code PROCESSING}. A repeat of the request answers
     * that failed pay order. What frees the trade if this give-back does not:
     * <ul>
     *   <li>the {@code abandonPay} call fails, or a {@code beginPay} whose answer was lost lands in trade-core after it
     *       (a no-op then): the trade stays {@code PAYING} for a {@code FAILED} pay order with no check; trade-core's
     *       janitor ({@code PayingTradeRecovery}, trades {@code PAYING} longer than its {@code paying-age}, 5 min) asks
     *       pay-core for the pay order, finds it {@code FAILED} and abandons the trade as the check would have;</li>
     *   <li>this process dies between {@code beginPay} and the broker's answer: the check, if the broker stored it,
     *       finds the pay order {@code CREATED} and abandons it and the trade; if it never left the process, pay-core's
     *       janitor ({@code PayJanitor}, {@code CREATED} longer than 5 min) does the same through {@link #recover}.</li>
     * </ul>
     * Those are minutes rather than the check's seconds, but only after a broker fault (or a crash) meets a lost or
     * failed trade-core call; no money is held, the buyer's trade waits.
     *
     * @throws BizException {@code SERVICE_DEGRADED} when the check was not stored
     */
    private void awaitCheck(PayOrder order, PendingCheck check) {
        try {
            check.awaitStored();
        } catch (RuntimeException brokerDown) {
            log.warn("pay order {} check not stored, refusing the payment and giving trade {} back: {}", order.payOrderNo(),
                    order.tradeNo(), brokerDown.toString());
            // fail gives the trade back only from PROCESSING; a CREATED pay order may hold it here. Only when this
            // compare-and-set won: had it lost, a check stored after all failed it first and gave the trade back
            if (fail(order, PayOrderStatus.CREATED, ErrorCode.SERVICE_DEGRADED.code())) {
                giveBackUncharged(order);
            }
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "payments are unavailable; nothing was charged");
        }
    }

    /** {@code abandonPay} for a pay order failed before its charge; a failure is left to trade-core's janitor. */
    private void giveBackUncharged(PayOrder order) {
        String code = ErrorCode.SERVICE_DEGRADED.code();
        try {
            Result<TradeDTO> back = tradePayments.abandonPay(new AbandonPayCmd(order.tradeNo(), order.payOrderNo(), code));
            if (!back.success()) {
                log.warn("abandonPay of {} for {} answered {}; trade-core's janitor gives it back: {}", order.tradeNo(),
                        order.payOrderNo(), back.code(), back.message());
            }
        } catch (RuntimeException transport) {
            log.warn("abandonPay of {} for {} failed; trade-core's janitor gives it back: {}", order.tradeNo(),
                    order.payOrderNo(), transport.toString());
        }
    }

    /**
     * Whether {@link #pay} in this process is charging the pay order right now: it finishes the pay order from the
     * tool's answer, or leaves it {@code PROCESSING} to its delayed check.
     */
    public boolean charging(String payOrderNo) {
        return charging.contains(payOrderNo);
    }

    /**
     * Finishes what a crashed or uncertain attempt left: {@code CREATED} is abandoned (no money
     * moved), {@code PROCESSING} is charged again under the same key (answers the first charge),
     * {@code FAILED} makes sure the trade was given back, {@code SUCCESS} makes sure it was announced:
     * {@code PAY_SUCCEEDED} is sent again, rebuilt from the row, unless this process saw the broker take it
     * ({@link AnnouncedHere}, no read) or the row is marked announced ({@link PayOrder#announcedAt}: the broker took
     * it from whichever instance sent it — two instances share the check's consumer group). That is how an announcement lost between the commit and the send (a crash, a broker
     * that did not take it, a send that timed out) reaches the trade: the pay order's check is its outbox relay,
     * and the check's pace — not the broker's — bounds how late it comes.
     *
     * @return true when the pay order is final, announced, and the trade released or following it
     * @throws RuntimeException when it cannot finish now (a service or the broker not answering): the check comes back
     */
    public boolean recover(String payOrderNo) {
        if (announcedHere.nothingLeft(payOrderNo)) {
            return true; // announced from here, nothing to settle: the check has nothing to do
        }
        PayOrder order = orders.find(payOrderNo).orElse(null);
        if (order == null) {
            return true; // never committed: nothing to finish
        }
        switch (order.status()) {
            case CREATED -> {
                if (orders.transition(payOrderNo, PayOrderStatus.CREATED, PayOrderStatus.FAILED, ABANDONED, null, now())) {
                    log.info("pay order {} abandoned before charging", payOrderNo);
                }
                return recover(payOrderNo);
            }
            case PROCESSING -> {
                if (charging(payOrderNo)) {
                    log.info("pay order {} is being charged here; its charge finishes it, or its next check", payOrderNo);
                    return false;
                }
                TradeDTO trade = unwrap(tradeService.get(TradeByNoQry.internal(order.tradeNo())));
                PayOrderStatus now;
                try {
                    now = charge(order, trade, null, false).status();
                } catch (BizException definiteFailure) {
                    return true;
                }
                if (now == PayOrderStatus.SUCCESS && !announcedHere.announced(payOrderNo)) {
                    // another path's success (its send may have failed), or this one's send that failed
                    return announced(orders.find(payOrderNo).orElseThrow());
                }
                return now.isFinal();
            }
            case FAILED -> {
                Result<TradeDTO> back = tradePayments.abandonPay(new AbandonPayCmd(order.tradeNo(), payOrderNo, "pay order failed"));
                return back.success() & combination.settle(order);
            }
            default -> {
                // SUCCESS: announced, and its coupon and points confirmed (true at once without)
                return announced(order) && combination.settle(order);
            }
        }
    }

    /**
     * Makes sure the broker has a {@code SUCCESS} pay order's {@code PAY_SUCCEEDED}: sent again (and marked) unless this
     * process saw it stored or the row read is marked announced. A pay order being charged here is left to that
     * charge, which announces it, and to the next check.
     *
     * @return false when left to the charge under way
     * @throws RuntimeException when the broker did not take it: the check comes back
     */
    private boolean announced(PayOrder paid) {
        if (announcedHere.announced(paid.payOrderNo())) {
            return true;
        }
        if (paid.markedAnnounced()) {
            announcedHere.remember(paid); // the broker has it, from whichever instance: a later check reads nothing
            return true;
        }
        if (charging(paid.payOrderNo())) {
            log.info("pay order {} is SUCCESS and being announced by its charge here; the next check looks again",
                    paid.payOrderNo());
            return false;
        }
        if (success.announce(paid)) {
            log.info("pay order {} PAY_SUCCEEDED sent again by its check: not marked announced nor seen stored here",
                    paid.payOrderNo());
        }
        announcedHere.remember(paid);
        return true;
    }

    private PayOrderDTO charge(PayOrder order, TradeDTO trade, String authCode, boolean firstAttempt) {
        ToolOutcome outcome;
        if (order.parts().combination()) {
            outcome = combination.charge(order, trade, authCode);
            order = orders.find(order.payOrderNo()).orElse(order); // with what the freezes recorded
        } else {
            outcome = tools.of(order.method()).charge(order, trade, authCode);
        }
        switch (outcome.kind()) {
            case SUCCESS -> {
                // every way to SUCCESS (first answer, check, channel result) passes here with the tool's channel
                // the memory hears when the broker stores the announcement, maybe after this answer: a send that
                // fails tells it nothing (logged there), and the check announces it again
                Optional<PaySuccess.Succeeded> won = success.succeed(order, outcome.channel(), announcedHere::remember);
                settleQuietly(order);
                if (won.isPresent()) {
                    log.info("pay order succeeded pay_order_no={} trade_no={} amount={} channel={}", order.payOrderNo(),
                            order.tradeNo(), order.amount(), outcome.channel());
                    // the row as our compare-and-set left it (no need to read it back), and the trade as trade-core
                    // recorded the payment when it was handed over (null otherwise): the till shows it without a call
                    return won.get().order().toDTO().withTrade(won.get().trade());
                }
                // a concurrent check or channel result finished it first: the first final result wins
                log.info("pay order {} success ({}) came after another path had finished it", order.payOrderNo(),
                        outcome.channel());
            }
            case FAILED -> {
                if (fail(order, PayOrderStatus.PROCESSING, outcome.code())) {
                    if (!firstAttempt && order.method().paymentCode() && !order.parts().combination()) {
                        closeTillTrade(order);
                    }
                    throw new BizException(outcome.code(), outcome.message());
                }
                // a concurrent check or channel result finished it first: the first final result wins
                log.info("pay order {} refusal ({}) came after it was already {}", order.payOrderNo(), outcome.code(),
                        orders.find(order.payOrderNo()).map(PayOrder::status).orElse(null));
            }
            case PENDING -> log.info("pay order {} waits at the channel ({})", order.payOrderNo(), outcome.code());
            case UNKNOWN -> log.warn("pay order {} outcome unknown ({}), left PROCESSING for the check{}", order.payOrderNo(),
                    outcome.code(), firstAttempt ? "" : " (recovery)");
        }
        return orders.find(order.payOrderNo()).orElseThrow().toDTO();
    }

    /**
     * {@code from → FAILED}; the trade is given back only when this compare-and-set won. Had it lost,
     * someone else finished the pay order first: if that was a success, the money is posted and the
     * trade must follow {@code PAY_SUCCEEDED}, not go back to {@code WAIT_PAY}; if it was another
     * failure, that one gives the trade back (and the check repeats it).
     *
     * @return whether this call failed the pay order
     */
    private boolean fail(PayOrder order, PayOrderStatus from, String code) {
        if (!orders.transition(order.payOrderNo(), from, PayOrderStatus.FAILED, code, null, now())) {
            return false;
        }
        log.info("pay order failed pay_order_no={} trade_no={} code={}", order.payOrderNo(), order.tradeNo(), code);
        settleQuietly(order);
        if (from == PayOrderStatus.PROCESSING) {
            try {
                tradePayments.abandonPay(new AbandonPayCmd(order.tradeNo(), order.payOrderNo(), code));
            } catch (RuntimeException transport) {
                log.warn("abandonPay of {} failed; the check will repeat it: {}", order.tradeNo(), transport.toString());
            }
        }
        return true;
    }

    /**
     * A payment-code payment that failed after the till was told {@code PAYING} — the buyer never confirmed and the
     * channel reversed the charge, or the app declined it — ends its trade now: the till waits for the trade's end,
     * not for another code, and {@code WAIT_PAY} is never a till's answer. (A code declined at once is answered
     * {@code CHANNEL_DECLINED} and its trade waits for another code until its payment-code expiry.) The close is
     * trade-core's compare-and-set after the {@code abandonPay} above; if either did not reach trade-core, that expiry
     * still closes the trade.
     */
    private void closeTillTrade(PayOrder order) {
        try {
            Result<TradeDTO> closed = tradeService.close(new CloseTradeCmd(order.tradeNo(), order.merchantId()));
            if (closed.success()) {
                log.info("payment-code trade {} closed: its payment failed after the till was told PAYING", order.tradeNo());
            } else {
                log.info("payment-code trade {} not closed now ({}); its expiry closes it", order.tradeNo(), closed.code());
            }
        } catch (RuntimeException transport) {
            log.warn("payment-code trade {} not closed now, its expiry closes it: {}", order.tradeNo(), transport.toString());
        }
    }

    /** Confirms or releases a combination's coupon and points; a failure is left to the check (recover settles again). */
    private void settleQuietly(PayOrder order) {
        if (!order.parts().combination()) {
            return;
        }
        try {
            PayOrder now = orders.find(order.payOrderNo()).orElse(order);
            if (!combination.settle(now)) {
                log.warn("pay order {}: coupon/points not settled yet; the check repeats it", order.payOrderNo());
            }
        } catch (RuntimeException transport) {
            log.warn("pay order {}: settling coupon/points failed, the check repeats it: {}", order.payOrderNo(), transport.toString());
        }
    }

    private static void refuseUnlessPayable(TradeDTO trade, PayCmd cmd) {
        switch (trade.status()) {
            case CLOSED -> throw new BizException(ErrorCode.TRADE_CLOSED, "trade " + trade.tradeNo() + " is closed");
            case PAYING -> throw new BizException(ErrorCode.TRADE_PAYING, "trade " + trade.tradeNo() + " is being paid");
            case SUCCESS, FINISHED, AUTHORIZED, CAPTURED, VOIDED ->
                    throw new BizException(ErrorCode.TRADE_PAID, "trade " + trade.tradeNo() + " is paid");
            case WAIT_PAY -> {
                PreAuthPayments.refuseUnlessPayable(trade, cmd);
                if (trade.buyerId() != null && !trade.buyerId().equals(cmd.buyerId())) {
                    throw new BizException(ErrorCode.BUYER_MISMATCH, "trade " + trade.tradeNo() + " is for another buyer");
                }
                // a top-up paid from the wallet it tops up would move nothing: only a channel may pay it
                if (trade.tradeType() == TradeType.TOPUP && !cmd.method().viaChannel()) {
                    throw new BizException(ErrorCode.PARAM_ERROR, "method " + cmd.method() + " cannot pay top-up "
                            + trade.tradeNo() + ": only a channel method");
                }
                // the merchant's payment_methods bind every caller, not only the cashier page that hides the others
                if (!trade.paymentMethods().isEmpty() && !trade.paymentMethods().contains(cmd.method())) {
                    throw new BizException(ErrorCode.PARAM_ERROR, "method " + cmd.method() + " is not allowed for trade "
                            + trade.tradeNo() + " (payment_methods " + trade.paymentMethods() + ")");
                }
            }
        }
    }

    private static <T> T unwrap(Result<T> result) {
        if (result.success()) {
            return result.data();
        }
        throw new BizException(result.code(), result.message()); // another service's code, passed on as answered
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
