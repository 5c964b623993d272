package io.paysuite.channel.payout;

import io.paysuite.api.payout.PayoutQry;
import io.paysuite.api.payout.PayoutStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payouts; every state change is a compare-and-set on the status, inside {@link PayoutTransitions#TABLE}. */
public interface PayoutRepository {

    /** @return false when the payout number is already recorded (the unique key decided; read it back) */
    boolean insert(Payout payout);

    Optional<Payout> find(String payoutNo);

    /**
     * {@code from → to}, keeping what the answer told (raw code, the channel's number) when given.
     *
     * @return false when the payout was no longer {@code from}
     * @throws io.paysuite.kit.state.StateTable.IllegalTransitionException when the table does not allow {@code from → to}
     */
    boolean transition(String payoutNo, PayoutStatus from, PayoutStatus to, String rawCode, String channelPayoutNo, Instant at);

    /** Keeps an undecided answer's code and the channel's number on a payout still {@code PROCESSING}; no state change. */
    void noteAnswer(String payoutNo, String rawCode, String channelPayoutNo, Instant at);

    /** Payouts created within [from, to) that are {@code SUCCESS}: what the payout channel's bill of that day must list. */
    List<Payout> succeededBetween(Instant from, Instant to);

    /** Newest first. */
    List<Payout> list(PayoutQry qry);
}
