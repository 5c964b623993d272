package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.api.recon.ResolutionAction;
import io.paysuite.api.recon.ResolutionDTO;
import io.paysuite.api.recon.ResolveDifferenceCmd;
import io.paysuite.channel.charge.LatePayments;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.payout.PayoutRepository;
import io.paysuite.channel.refund.ChannelRefund;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The operators' actions on a difference the system did not decide, each recorded with who and why:
 * <ul>
 *   <li>{@code ACCEPT}: the channel's figure is right; the difference ({@link ReconDifference#clearingEffect()}) is
 *       booked between {@code CHANNEL_CLEARING:<channel>} and {@code RECONCILIATION_SUSPENSE} under
 *       {@code RECON-ACCEPT-<id>};</li>
 *   <li>{@code ADJUST}: the ledger is corrected by the difference, the same accounts under {@code RECON-ADJUST-<id>}
 *       (an adjustment awaiting its cause, kept apart from an acceptance by its key and memo);</li>
 *   <li>{@code REFUND}: a payment only at the channel is paid back to the buyer through the channel, exactly as the
 *       system's own pay-back (its entries {@code LATE-}/{@code PAYBACK-<number>}); resolved once the channel refunded.</li>
 * </ul>
 * A day's fee that differs from our agreed rates ({@code FEE_MISMATCH}) books nothing on either action: clearing booked
 * the bill's fee, what the channel actually kept; the action records who decided and why (a rate to correct, a claim).
 * For a payment only at the channel whose pay-back was already booked (the channel refused it), the counter account is
 * {@code ESCROW:PAYBACK}, where that money is held as owed to the buyer.
 *
 * <p>A payout difference is about {@code PLATFORM_BANK}, the account payouts leave from (they never pass
 * {@code CHANNEL_CLEARING}); its effect is {@link ReconDifference#bankEffect()}:
 * <ul>
 *   <li>{@code ACCEPT} of a final payout the bill contradicts ({@code STATUS_MISMATCH}) corrects the books to the bank in
 *       full, against the payout's owner: a payout we failed (its money re-credited to the merchant's available or the
 *       buyer's wallet) that the bank shows paid takes the re-credit back ({@code Dr} the owner, {@code Cr PLATFORM_BANK}
 *       — refused with {@code INSUFFICIENT_BALANCE}, nothing resolved, when a buyer's wallet no longer holds it: then
 *       {@code ADJUST} and claim it back; {@code MERCHANT_AVAILABLE} has no floor, so a merchant's is never
 *       refused); a payout we booked paid that the bank sent back gives it back to the owner
 *       ({@code Dr PLATFORM_BANK}, {@code Cr} the owner), whose next payout pays it again;</li>
 *   <li>anything else ({@code ADJUST} of any payout difference; {@code ACCEPT} of a transfer we never sent, an amount
 *       that differs, our success missing from the bill) books the bank's movement against
 *       {@code RECONCILIATION_SUSPENSE}: the bill proves what the bank did, not whose money it was, so the cause is
 *       settled from suspense by an operator's ledger adjustment;</li>
 *   <li>a payout still {@code PROCESSING} books nothing: its own final answer will.</li>
 * </ul>
 * The entry is posted before the difference moves, under a key of the difference and action, so a repeat after a lost
 * answer is the same entry.
 */
@Component
public class OperatorResolutions {

    private static final Logger log = LoggerFactory.getLogger(OperatorResolutions.class);

    private final ReconciliationRepository repository;
    private final ReconciliationLedger ledger;
    private final DifferenceDecisions decisions;
    private final PayoutRepository payouts;
    private final Clock clock;

    public OperatorResolutions(ReconciliationRepository repository, ReconciliationLedger ledger, DifferenceDecisions decisions,
                               PayoutRepository payouts, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.decisions = decisions;
        this.payouts = payouts;
        this.clock = clock;
    }

    public ReconDifference resolve(ResolveDifferenceCmd cmd) {
        if (cmd == null || cmd.action() == null || !cmd.action().byOperator()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "action must be ACCEPT, REFUND or ADJUST");
        }
        if (cmd.reason() == null || cmd.reason().isBlank() || cmd.operator() == null || cmd.operator().isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "reason and operator are required");
        }
        ReconDifference d = repository.difference(cmd.differenceId())
                .orElseThrow(() -> new BizException(ErrorCode.DIFFERENCE_NOT_FOUND, "no difference " + cmd.differenceId()));
        if (d.status().isFinal()) {
            return sameOrRefused(d, cmd);
        }
        return switch (cmd.action()) {
            case ACCEPT, ADJUST -> book(d, cmd);
            case REFUND -> refund(d, cmd);
            default -> throw new BizException(ErrorCode.PARAM_ERROR, cmd.action() + " is not an operator's action");
        };
    }

    private ReconDifference book(ReconDifference d, ResolveDifferenceCmd cmd) {
        if (d.kind() == DifferenceKind.PAYOUT) {
            return bookPayout(d, cmd);
        }
        long effect = d.clearingEffect();
        String key = null;
        if (effect != 0) {
            key = "RECON-" + cmd.action() + "-" + d.id();
            boolean owedBack = d.kind() == DifferenceKind.PAYMENT && d.type() == DifferenceType.CHANNEL_ONLY
                    && ledger.posted("LATE-" + d.found().channelNo());
            ledger.settleDifference(d, key, effect, owedBack, cmd.action() + " by " + cmd.operator() + ": " + cmd.reason()
                    + " (" + d.channel() + " " + d.billDate() + " " + d.kind() + " " + d.type() + " " + d.found().number() + ")");
        }
        String outcome = d.kind() == DifferenceKind.FEE
                ? "nothing to book: clearing booked the bill's fee to CHANNEL_FEE_EXPENSE; a fee the channel gives back is booked when paid"
                : effect == 0 ? "nothing to book: the difference moves no money"
                : "booked " + Math.abs(effect) + " " + (effect > 0 ? "to" : "from") + " RECONCILIATION_SUSPENSE";
        return resolved(d, cmd, outcome, key);
    }

    private ReconDifference bookPayout(ReconDifference d, ResolveDifferenceCmd cmd) {
        long effect = d.bankEffect();
        if (effect == 0) {
            return resolved(d, cmd, "PROCESSING".equals(d.found().ourStatus())
                    ? "nothing to book: the payout's own final answer books its money" : "nothing to book: the bank and our books agree", null);
        }
        Payout owner = null;
        if (cmd.action() == ResolutionAction.ACCEPT && d.type() == DifferenceType.STATUS_MISMATCH) {
            owner = payouts.find(d.found().ourNo()).orElseThrow(() -> new BizException(ErrorCode.DIFFERENCE_NOT_FOUND,
                    "payout " + d.found().ourNo() + " of difference " + d.id() + " is gone"));
        }
        String key = "RECON-" + cmd.action() + "-" + d.id();
        ledger.settlePayoutDifference(d, key, effect, owner, cmd.action() + " by " + cmd.operator() + ": " + cmd.reason() + " ("
                + d.channel() + " " + d.billDate() + " " + d.kind() + " " + d.type() + " " + d.found().number() + ")");
        String counter = owner == null ? "RECONCILIATION_SUSPENSE"
                : (owner.purpose() == io.paysuite.api.payout.PayoutPurpose.WITHDRAWAL ? "BUYER_WALLET:" : "MERCHANT_AVAILABLE:")
                + owner.ownerId();
        return resolved(d, cmd, "booked " + Math.abs(effect) + (effect > 0 ? " back to PLATFORM_BANK from " : " out of PLATFORM_BANK to ")
                + counter, key);
    }

    private ReconDifference refund(ReconDifference d, ResolveDifferenceCmd cmd) {
        if (d.kind() != DifferenceKind.PAYMENT || d.type() != DifferenceType.CHANNEL_ONLY) {
            throw new BizException(ErrorCode.PARAM_ERROR, "REFUND pays back a payment only at the channel; this is a " + d.kind() + " "
                    + d.type());
        }
        Found f = d.found();
        Optional<ChannelRefund> refund = decisions.payBackUnowned(d);
        String refundNo = LatePayments.refundNo(f.channelNo());
        ChannelRefundStatus status = refund.map(ChannelRefund::status).orElse(null);
        if (status == ChannelRefundStatus.SUCCESS) {
            return resolved(d, cmd, "the buyer was paid back through " + d.channel() + " as refund " + refundNo, "PAYBACK-" + f.channelNo());
        }
        String note = "operator " + cmd.operator() + " asked for refund " + refundNo + ": "
                + (status == null ? "not sent (no refunds of " + d.channel() + " here)" : status.name())
                + (status == ChannelRefundStatus.FAILED ? ", refused by the channel" : "; resolve again to follow it up");
        repository.note(d.id(), note, now());
        log.info("reconciliation difference {}: {}", d.id(), note);
        return repository.difference(d.id()).orElseThrow();
    }

    private ReconDifference resolved(ReconDifference d, ResolveDifferenceCmd cmd, String outcome, String key) {
        Instant at = now();
        if (repository.transition(d.id(), d.status(), DifferenceStatus.RESOLVED, d.note(),
                new ResolutionDTO(cmd.action(), cmd.operator(), cmd.reason(), outcome, key, at), at)) {
            log.info("reconciliation difference {} ({} {} {} {}) resolved {} by operator={} reason={}: {}", d.id(), d.channel(),
                    d.kind(), d.type(), d.found().number(), cmd.action(), cmd.operator(), cmd.reason(), outcome);
            return repository.difference(d.id()).orElseThrow();
        }
        return sameOrRefused(repository.difference(d.id()).orElseThrow(), cmd);
    }

    /** A repeat of the action that resolved it answers it; anything else on a resolved difference is refused. */
    private static ReconDifference sameOrRefused(ReconDifference d, ResolveDifferenceCmd cmd) {
        ResolutionDTO r = d.resolution();
        if (d.status().isFinal() && r != null && r.action() == cmd.action() && cmd.operator().equals(r.by())) {
            return d;
        }
        throw new BizException(ErrorCode.DIFFERENCE_RESOLVED, "difference " + d.id() + " is " + d.status()
                + (r == null ? "" : " (" + r.action() + " by " + r.by() + ")"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
