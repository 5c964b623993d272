package io.paysuite.trade.infra.listen;

import io.paysuite.api.event.EventType;
import io.paysuite.api.common.Outcome;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.LateFollowUps;
import io.paysuite.trade.infra.sweep.EscrowReleases;
import io.paysuite.trade.order.PaidByPayCore;
import io.paysuite.trade.order.TradePayments;
import io.paysuite.trade.preauth.PreAuthorisations;
import io.paysuite.trade.refund.RefundCompletion;
import java.time.Duration;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/**
 * What trade-core does on events, each handler idempotent (delivery is at least once):
 * <ul>
 *   <li>pay-core's {@code PAY_SUCCEEDED} → the trade becomes {@code SUCCESS} (usually already done: pay-core hands the
 *       event over directly too, {@link PaidByPayCore});</li>
 *   <li>its own {@code TRADE_FINISHED} → the escrow release is posted (again: same key) and marked ({@link EscrowReleases});</li>
 *   <li>its own {@code REFUND_ACCEPTED} → the refund is driven to a final state;</li>
 *   <li>its own {@code TRADE_CAPTURED} / {@code TRADE_VOIDED} → the pre-auth hold's capture or void is posted (again: same key).</li>
 * </ul>
 * A handler whose outcome is still unknown answers RETRY: the broker redelivers with its backoff
 * (10 s, 30 s, 1 min, 2 min … 2 h, 16 times), which is the retry schedule of an uncertain ledger
 * posting or channel refund — carried by the broker ({@code infra.sweep.TradeJanitor} is the backstop
 * for a lost one). A payment, refund or release still not done after that is tried again every few hours by the kit's {@link LateFollowUps}, never left in
 * the dead-letter queue; its copy comes back to {@link #followUp} (a payment that could not be recorded
 * for hours — trade-core's database down — included). A refund younger than {@link #SYNC_GRACE} is
 * left to the request that accepted it, so the common case posts once. The consumers are
 * {@link TradeConsumers}.
 */
@Component
public class TradeFollowUps {

    static final Duration SYNC_GRACE = Duration.ofSeconds(2);

    private final TradePayments payments;
    private final EscrowReleases releases;
    private final RefundCompletion refunds;
    private final PreAuthorisations preAuthorisations;

    public TradeFollowUps(TradePayments payments, EscrowReleases releases, RefundCompletion refunds,
                          PreAuthorisations preAuthorisations) {
        this.payments = payments;
        this.releases = releases;
        this.refunds = refunds;
        this.preAuthorisations = preAuthorisations;
    }

    /** {@code PAY_SUCCEEDED}: the trade records the payment. */
    Handled paid(MessageExt message) {
        PaidByPayCore.record(payments, EventCodec.decode(EventType.PAY_SUCCEEDED, message));
        return Handled.DONE;
    }

    /** trade-core's own follow-ups, and late copies of any of them. */
    Handled followUp(MessageExt message) {
        String tag = LateFollowUps.tagOf(message);
        if (EventType.PAY_SUCCEEDED.tag().equals(tag)) {
            return paid(message);
        }
        if (EventType.TRADE_FINISHED.tag().equals(tag)) {
            // marked once answered: a release whose follow-ups are all lost is left to the janitor
            return Handled.doneIf(releases.release(EventCodec.decode(EventType.TRADE_FINISHED, message)));
        }
        if (EventType.TRADE_CAPTURED.tag().equals(tag) || EventType.TRADE_VOIDED.tag().equals(tag)) {
            TradeDTO ended = EventCodec.decode(tag.equals(EventType.TRADE_CAPTURED.tag()) ? EventType.TRADE_CAPTURED
                    : EventType.TRADE_VOIDED, message);
            return Handled.doneIf(preAuthorisations.post(ended).outcome() != Outcome.UNKNOWN);
        }
        if (Duration.ofMillis(System.currentTimeMillis() - message.getBornTimestamp()).compareTo(SYNC_GRACE) < 0) {
            return Handled.RETRY;
        }
        String refundNo = EventCodec.decode(EventType.REFUND_ACCEPTED, message).refundNo();
        return Handled.doneIf(refunds.complete(refundNo).status() != RefundStatus.PROCESSING);
    }
}
