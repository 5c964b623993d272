package io.paysuite.accounting.settlement;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.SettlementAccountDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a settlement from {@code PROCESSING} to its end, from wherever it stopped (a run, the
 * {@code PAYOUT_FINAL} consumer and the sweep all call {@link #advance}, which is idempotent):
 * the move is posted; a net of zero or less ends it {@code PAID} at once (carried forward); a
 * positive net is held in transit and paid out to the merchant's account; the payout's final answer,
 * read from channel-gateway ({@code PayoutService}, never from a message), is booked and ends it.
 * An unknown answer (timeout, {@code SYSTEM_ERROR}, {@code SERVICE_DEGRADED}) changes nothing: the
 * money stays in transit and the settlement {@code PROCESSING} until a definite answer.
 */
public class SettlementPayouts { // not final: SettlementMessaging takes it @Lazy (a class proxy) to break the payout-results cycle

    private static final Logger log = LoggerFactory.getLogger(SettlementPayouts.class);

    private final SettlementStore store;
    private final SettlementBookings bookings;
    private final SettlementEvents events;
    private final MerchantService merchants;
    private final PayoutService payouts;

    public SettlementPayouts(SettlementStore store, SettlementBookings bookings, SettlementEvents events,
                             MerchantService merchants, PayoutService payouts) {
        this.store = store;
        this.bookings = bookings;
        this.events = events;
        this.merchants = merchants;
        this.payouts = payouts;
    }

    /** Follows the settlement of a payout announced final; false when it is not one of ours. */
    public boolean payoutFinal(String payoutNo) {
        Optional<Settlement> settlement = store.findByPayoutNo(payoutNo);
        settlement.ifPresent(this::advance);
        return settlement.isPresent();
    }

    /** Moves the settlement as far as the answers it gets allow. */
    public void advance(Settlement s) {
        if (s.status().isFinal()) {
            return;
        }
        bookings.move(s);
        if (s.figures().net() <= 0) {
            events.finish(s, SettlementStatus.PAID, null, null); // nothing to pay: the negative net is carried forward
            return;
        }
        String payoutNo = SettlementNumbers.payoutNo(s.settlementNo());
        if (s.payoutNo() == null) {
            send(s, payoutNo);
            return;
        }
        Result<PayoutDTO> stored = call(() -> payouts.get(payoutNo));
        if (!stored.success() && ErrorCode.PAYOUT_NOT_FOUND.code().equals(stored.code())) {
            send(s, payoutNo); // held and recorded, but the payout never reached channel-gateway: send it now
            return;
        }
        apply(s, payoutNo, stored, false);
    }

    private void send(Settlement s, String payoutNo) {
        Result<SettlementAccountDTO> account = call(() -> merchants.settlementAccount(s.merchantId()));
        if (Outcome.definitelyFailed(account)) {
            log.warn("settlement {}: merchant {} has no settlement account ({}); the money stays available",
                    s.settlementNo(), s.merchantId(), account.code());
            events.finish(s, SettlementStatus.FAILED, null, null);
            return;
        }
        if (!account.success()) {
            log.info("settlement {}: settlement account unknown ({}); the sweep will try again", s.settlementNo(), account.code());
            return;
        }
        SettlementAccountDTO to = account.data();
        bookings.hold(s, payoutNo);
        Settlement recorded = s.withPayout(payoutNo, SettlementAccountDTO.mask(to.accountNo()), PayoutStatus.PROCESSING);
        store.recordPayout(s.settlementNo(), payoutNo, recorded.bankAccount(), PayoutStatus.PROCESSING.name());
        PayoutCmd cmd = new PayoutCmd(payoutNo, PayoutPurpose.SETTLEMENT, s.merchantId(), Money.of(s.figures().net(), s.currency()),
                to.accountNo(), to.accountName(), "Paysuite settlement " + s.settlementNo());
        apply(recorded, payoutNo, call(() -> payouts.payout(cmd)), true);
    }

    /**
     * @param sent true for the answer to {@code payout} itself, whose definite refusal means nothing was
     *             sent; a refused {@code get} (not allowed, …) says nothing about the payout
     */
    private void apply(Settlement s, String payoutNo, Result<PayoutDTO> answer, boolean sent) {
        if (!answer.success()) {
            if (sent && Outcome.definitelyFailed(answer)) {
                // refused before anything was sent (PARAM_ERROR): nothing left, so the money goes back
                log.error("ALARM: payout {} of settlement {} refused ({}: {}); money back to available", payoutNo,
                        s.settlementNo(), answer.code(), answer.message());
                book(s, payoutNo, PayoutStatus.FAILED, null);
            }
            return; // unknown: stays in transit, PROCESSING
        }
        PayoutDTO payout = answer.data();
        if (payout == null || !payoutNo.equals(payout.payoutNo())
                || !Money.of(s.figures().net(), s.currency()).equals(payout.amount())) {
            log.error("ALARM: payout {} answered {} for settlement {} of {} {}: not booked", payoutNo, payout, s.settlementNo(),
                    s.figures().net(), s.currency());
            return;
        }
        if (payout.status().isFinal()) {
            book(s, payoutNo, payout.status(), payout.finishedAt());
        }
    }

    private void book(Settlement s, String payoutNo, PayoutStatus status, Instant finishedAt) {
        Settlement withPayout = s.payoutNo() == null ? s.withPayout(payoutNo, s.bankAccount(), status) : s;
        try {
            if (status == PayoutStatus.SUCCESS) {
                bookings.paid(withPayout, payoutNo);
                events.finish(withPayout, SettlementStatus.PAID, status, finishedAt);
            } else {
                bookings.returned(withPayout, payoutNo);
                events.finish(withPayout, SettlementStatus.FAILED, status, null);
            }
        } catch (BizException e) {
            if (e.code() != ErrorCode.POSTING_KEY_USED) {
                throw e;
            }
            log.error("ALARM: payout {} answered {} after its other final answer was booked: kept the first", payoutNo, status);
        }
    }

    /** A Dubbo call whose throw (timeout, no provider) is an unknown answer, never a failure. */
    private static <T> Result<T> call(Supplier<Result<T>> remote) {
        try {
            Result<T> result = remote.get();
            return result != null ? result : Result.fail(ErrorCode.SYSTEM_ERROR, "no answer");
        } catch (RuntimeException e) {
            return Result.fail(ErrorCode.SYSTEM_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
