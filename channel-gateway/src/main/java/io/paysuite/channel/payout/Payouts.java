package io.paysuite.channel.payout;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutQry;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.isolation.ChannelGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Payouts with the discipline of charges. The first call records the payout {@code PROCESSING},
 * sets its first follow-up and only then sends it; a definite answer finishes it (with
 * {@code PAYOUT_FINAL}, {@link PayoutResults}), anything else — accepted and pending, a timeout, a
 * system error — leaves it {@code PROCESSING} for the follow-up queries. A follow-up queries before
 * it decides anything; a channel that does not know the payout is not a failure: within
 * {@code not-found-grace} it may simply not have registered it yet, and past it the same transfer
 * is sent again under the same number, which the channel deduplicates. A repeat of the call with
 * the same content answers the payout as it stands and nudges a follow-up; other content under the
 * same number is refused.
 *
 * <p>Every call to the payout channel goes through {@link ChannelGuard#payout} (its own concurrency cap and breakers,
 * apart from the charges'). A first transfer the guard holds back was never sent: a definite failure, so the money goes
 * back to available. Anything else it holds back — a query, or the transfer sent again after the channel did not know
 * it, when the first send may still have arrived — is unknown and asked again later.
 */
@Component
public class Payouts {

    private static final Logger log = LoggerFactory.getLogger(Payouts.class);
    /** Alipay's out_biz_no: letters, digits and underscores, at most 64. */
    private static final String PAYOUT_NO = "[A-Za-z0-9_]{6,64}";
    private static final String ACCOUNT_NO = "[0-9]{8,32}";
    /** A repeat's nudge: one query soon, no timer chain of its own. */
    static final Duration NUDGE = Duration.ofSeconds(1);
    static final int NO_NEXT_TIMER = 0;
    private static final int MAX_LIST = 500;

    private final PayoutRepository payouts;
    private final Optional<PayoutChannel> channel;
    private final PayoutFollowUps followUps;
    private final PayoutResults results;
    private final PayoutProperties properties;
    private final ChannelGuard guard;
    private final Clock clock;

    public Payouts(PayoutRepository payouts, List<PayoutChannel> channels, PayoutFollowUps followUps, PayoutResults results,
                   PayoutProperties properties, ChannelGuard guard, Clock clock) {
        this.payouts = payouts;
        this.channel = channels.stream().findFirst();
        this.followUps = followUps;
        this.results = results;
        this.properties = properties;
        this.guard = guard;
        this.clock = clock;
    }

    public Payout payout(PayoutCmd cmd) {
        validate(cmd);
        Optional<Payout> known = payouts.find(cmd.payoutNo());
        if (known.isPresent()) {
            return repeat(same(known.get(), cmd));
        }
        if (channel.isEmpty()) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "no payout channel is configured here; nothing was sent");
        }
        Instant now = now();
        boolean created = payouts.insert(new Payout(cmd.payoutNo(), cmd.purpose(), cmd.ownerId(), cmd.amount(), cmd.bankAccountNo(),
                cmd.accountName(), cmd.remark(), PayoutStatus.PROCESSING, null, null, now, null));
        Payout payout = same(find(cmd.payoutNo()), cmd);
        if (!created) {
            return repeat(payout); // a concurrent duplicate won the insert: it sends, this one only answers
        }
        // the timer goes first: if this process dies right after the send, the follow-up still asks
        schedule(payout.payoutNo(), 1);
        PayoutChannel to = channel.get();
        return apply(payout, guard.payout(to.name(), ChannelGuard.PAYOUT_SEND, () -> to.transfer(payout)));
    }

    public Optional<Payout> get(String payoutNo) {
        return payoutNo == null ? Optional.empty() : payouts.find(payoutNo);
    }

    public List<Payout> list(PayoutQry qry) {
        if (qry == null || qry.limit() < 1 || qry.limit() > MAX_LIST) {
            throw new BizException(ErrorCode.PARAM_ERROR, "limit must be 1-" + MAX_LIST);
        }
        return payouts.list(qry);
    }

    /**
     * Asks the channel about a payout still {@code PROCESSING} and applies a definite answer; then,
     * unless {@code attempt} is 0 (a sweep's or a repeat's one-off), sets the next follow-up while
     * the schedule lasts. Safe to run concurrently and repeatedly: the finish is a compare-and-set.
     */
    public void followUp(String payoutNo, int attempt) {
        Payout payout = payouts.find(payoutNo).orElse(null);
        if (payout == null || payout.status().isFinal()) {
            return;
        }
        if (channel.isEmpty()) {
            log.warn("payout {} followed up on an instance without a payout channel; asked again later", payoutNo);
            next(payout, attempt);
            return;
        }
        PayoutChannel to = channel.get();
        ChannelCall asked = guard.payout(to.name(), "payout-query", () -> to.query(payout));
        Payout now = switch (asked.outcome()) {
            case NOT_FOUND -> notFound(payout, asked);
            default -> apply(payout, asked);
        };
        if (!now.status().isFinal()) {
            next(now, attempt);
        }
    }

    /**
     * Reconciliation's settle path for a payout still {@code PROCESSING} that the payout channel's bill settles: the
     * channel is asked first and a definite answer of its query decides, as a follow-up's would. While the bank is still
     * working on it ({@code PENDING}) a transfer line decides nothing — the account bill debits a transfer when the
     * channel accepts it, and the bank may still send it back. Without a usable answer (no answer, not known) the bill,
     * the channel's own statement of the day, decides: paid, or returned — then the payout fails and, through
     * {@code PAYOUT_FINAL}, its money goes back to available. The finish is the same compare-and-set as every other.
     *
     * @param billSaysPaid    true for a transfer that stayed out, false for one the bank sent back
     * @param channelPayoutNo the channel's number of the transfer as the bill states it
     * @return the payout as it stands after
     */
    public Optional<Payout> settleByBill(String payoutNo, boolean billSaysPaid, String channelPayoutNo) {
        Payout payout = payouts.find(payoutNo).orElse(null);
        if (payout == null || payout.status().isFinal() || channel.isEmpty()) {
            return Optional.ofNullable(payout);
        }
        PayoutChannel to = channel.get();
        ChannelCall asked = guard.payout(to.name(), "payout-query", () -> to.query(payout));
        if (asked.outcome() == Outcome.SUCCESS || asked.outcome() == Outcome.FAILURE) {
            return Optional.of(apply(payout, asked));
        }
        if (asked.outcome() == Outcome.PENDING && billSaysPaid) {
            return Optional.of(apply(payout, asked));
        }
        PayoutStatus verdict = billSaysPaid ? PayoutStatus.SUCCESS : PayoutStatus.FAILED;
        if (results.finish(payout, verdict, billSaysPaid ? "BILL_PAID" : "BILL_RETURNED", channelPayoutNo, now())) {
            log.info("payout {} {} by the payout bill ({} answered {} {})", payoutNo, verdict, to.name(), asked.outcome(), asked.rawCode());
        }
        return payouts.find(payoutNo);
    }

    /** The payout channel's answer to a query about the payout, through the guard; empty without a payout or a channel. */
    public Optional<ChannelCall> ask(String payoutNo) {
        Payout payout = payouts.find(payoutNo).orElse(null);
        if (payout == null || channel.isEmpty()) {
            return Optional.empty();
        }
        PayoutChannel to = channel.get();
        return Optional.of(guard.payout(to.name(), "payout-query", () -> to.query(payout)));
    }

    private Payout notFound(Payout payout, ChannelCall asked) {
        Duration age = Duration.between(payout.createdAt(), clock.instant());
        if (age.compareTo(properties.notFoundGrace()) < 0) {
            log.info("payout {} not known to {} yet ({} old): asked again later", payout.payoutNo(), channel.get().name(), age);
            return payout;
        }
        log.info("payout {} unknown to {} after {}: sent again under the same number", payout.payoutNo(), channel.get().name(), age);
        PayoutChannel to = channel.get();
        // not PAYOUT_SEND: the first send may have arrived, so a block here must not fail the payout
        return apply(payout, guard.payout(to.name(), "payout-resend", () -> to.transfer(payout)));
    }

    private Payout repeat(Payout payout) {
        if (!payout.status().isFinal()) {
            try {
                followUps.schedule(payout.payoutNo(), NO_NEXT_TIMER, NUDGE);
            } catch (RuntimeException lost) {
                log.warn("payout {}: the repeat's nudge not scheduled; its timers and the janitor still ask: {}", payout.payoutNo(),
                        lost.toString());
            }
        }
        return payout;
    }

    private void next(Payout payout, int attempt) {
        if (attempt >= 1) {
            schedule(payout.payoutNo(), attempt + 1);
        }
    }

    private void schedule(String payoutNo, int attempt) {
        Duration delay = properties.delayOf(attempt);
        if (delay == null) {
            log.info("payout {}: follow-up timers used up, the janitor asks from now on", payoutNo);
            return;
        }
        try {
            followUps.schedule(payoutNo, attempt, delay);
        } catch (RuntimeException lost) {
            // the janitor's sweep is the backstop of a timer that could not be set
            log.warn("payout {}: follow-up {} not scheduled, left to the janitor: {}", payoutNo, attempt, lost.toString());
        }
    }

    private Payout apply(Payout payout, ChannelCall answer) {
        PayoutStatus to = switch (answer.outcome()) {
            case SUCCESS -> PayoutStatus.SUCCESS;
            case FAILURE -> PayoutStatus.FAILED;
            default -> PayoutStatus.PROCESSING; // accepted, unknown or not found: never a failure
        };
        if (to == PayoutStatus.PROCESSING) {
            if (answer.channelTradeNo() != null || answer.rawCode() != null) {
                payouts.noteAnswer(payout.payoutNo(), answer.rawCode(), answer.channelTradeNo(), now());
            }
            return find(payout.payoutNo());
        }
        if (results.finish(payout, to, answer.rawCode(), answer.channelTradeNo(), now())) {
            log.info("payout {} {} ({}) through {}", payout.payoutNo(), to, answer.rawCode(), channel.map(PayoutChannel::name).orElse("?"));
        }
        return find(payout.payoutNo());
    }

    private static void validate(PayoutCmd cmd) {
        if (cmd == null || cmd.payoutNo() == null || !cmd.payoutNo().matches(PAYOUT_NO) || cmd.purpose() == null
                || cmd.ownerId() == null || cmd.ownerId().isBlank() || cmd.amount() == null || !cmd.amount().isPositive()
                || cmd.bankAccountNo() == null || !cmd.bankAccountNo().matches(ACCOUNT_NO) || cmd.accountName() == null
                || cmd.accountName().isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR,
                    "payout_no (6-64 letters, digits, _), purpose, owner_id, a positive amount, a bank account number and its name are required");
        }
        if (!"CNY".equals(cmd.amount().currency())) {
            throw new BizException(ErrorCode.PARAM_ERROR, "payouts are in CNY");
        }
    }

    /** The recorded payout, when the command is a repeat of it; other content under its number is refused. */
    private static Payout same(Payout payout, PayoutCmd cmd) {
        boolean same = payout.purpose() == cmd.purpose() && payout.ownerId().equals(cmd.ownerId())
                && payout.amount().equals(cmd.amount()) && payout.bankAccountNo().equals(cmd.bankAccountNo())
                && Objects.equals(payout.accountName(), cmd.accountName());
        if (!same) {
            throw new BizException(ErrorCode.PARAM_ERROR, "payout " + cmd.payoutNo() + " was sent with different content");
        }
        return payout;
    }

    private Payout find(String payoutNo) {
        return payouts.find(payoutNo).orElseThrow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
