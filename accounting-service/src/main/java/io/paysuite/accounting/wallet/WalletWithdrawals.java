package io.paysuite.accounting.wallet;

import io.paysuite.accounting.ledger.Journal;
import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.wallet.WalletWithdrawCmd;
import io.paysuite.api.wallet.WalletWithdrawalDTO;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A buyer's withdrawal to a bound card, the way settlement pays a merchant ({@code SettlementPayouts}):
 * the amount leaves the wallet for {@code PAYOUT_IN_TRANSIT} in the same local transaction that records
 * the withdrawal (unique buyer + request number; a refused hold records nothing), then channel-gateway's
 * {@code PayoutService.payout} (purpose {@code WITHDRAWAL}, payout number = withdrawal number) is called.
 * Its answer is read by {@link Outcome}: unknown leaves the money in transit and the withdrawal
 * {@code PROCESSING}; a definite refusal of the call (nothing sent) gives it back; a final payout is
 * booked — paid to {@code PLATFORM_BANK}, or failed back to the wallet — under one final key, with the
 * withdrawal's compare-and-set in the same transaction. {@code PAYOUT_FINAL} and the sweep only name the
 * withdrawal: {@link #advance} asks {@code PayoutService.get}, never a message, for the result.
 */
public final class WalletWithdrawals {

    private static final Logger log = LoggerFactory.getLogger(WalletWithdrawals.class);

    private final Members members;
    private final WithdrawalStore store;
    private final WalletEntries entries;
    private final Journal journal;
    private final WalletNumbers numbers;
    private final PayoutService payouts;
    private final Clock clock;

    public WalletWithdrawals(Members members, WithdrawalStore store, WalletEntries entries, Journal journal,
                             WalletNumbers numbers, PayoutService payouts, Clock clock) {
        this.members = members;
        this.store = store;
        this.entries = entries;
        this.journal = journal;
        this.numbers = numbers;
        this.payouts = payouts;
        this.clock = clock;
    }

    public WalletWithdrawalDTO withdraw(WalletWithdrawCmd cmd) {
        WalletRules.require(cmd != null, "request is required");
        WalletRules.requireBuyer(cmd.buyerId(), "buyer_id");
        WalletRules.requireCard(cmd.cardId());
        WalletRules.requireAmount(cmd.amount());
        WalletRules.requireRequestNo(cmd.requestNo());
        WalletRules.requirePayPassword(cmd.payPassword());
        members.verifyPayPassword(cmd.buyerId(), cmd.payPassword());
        Optional<Withdrawal> earlier = store.findWithdrawal(cmd.buyerId(), cmd.requestNo());
        if (earlier.isPresent()) {
            return repeat(earlier.get(), cmd);
        }
        BoundCardDTO card = members.activeCard(cmd.buyerId(), cmd.cardId());
        String lastFour = PayoutAccount.lastFour(card.maskedPan());
        if (lastFour == null) {
            throw new BizException(ErrorCode.CARD_NOT_FOUND, "card " + cmd.cardId() + " cannot receive a payout");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Withdrawal w = new Withdrawal(numbers.withdrawal(cmd.buyerId()), cmd.buyerId(), cmd.requestNo(), cmd.cardId(), lastFour,
                cmd.amount(), PayoutStatus.PROCESSING, now, null);
        try {
            journal.post(entries.hold(w), () -> store.insert(w));
        } catch (RuntimeException e) {
            Optional<Withdrawal> winner = e instanceof BizException ? Optional.empty() : store.findWithdrawal(cmd.buyerId(), cmd.requestNo());
            if (winner.isPresent()) {
                return repeat(winner.get(), cmd);
            }
            throw e;
        }
        log.info("withdrawal held withdrawal_no={} buyer_id={} amount={}", w.withdrawalNo(), w.buyerId(), w.amount());
        return send(w).toDTO();
    }

    public Optional<WalletWithdrawalDTO> get(String buyerId, String requestNo) {
        return store.findWithdrawal(buyerId, requestNo).map(Withdrawal::toDTO);
    }

    /** Follows the withdrawal of a payout announced final; false when the payout is not a withdrawal's. */
    public boolean payoutFinal(String payoutNo) {
        Optional<Withdrawal> w = store.findByNo(payoutNo);
        w.ifPresent(this::advance);
        return w.isPresent();
    }

    /** The sweep's re-drive of a withdrawal still {@code PROCESSING}. */
    public void advance(String withdrawalNo) {
        store.findByNo(withdrawalNo).ifPresent(this::advance);
    }

    void advance(Withdrawal w) {
        if (w.status().isFinal()) {
            return;
        }
        Result<PayoutDTO> stored = call(() -> payouts.get(w.payoutNo()));
        if (!stored.success() && ErrorCode.PAYOUT_NOT_FOUND.code().equals(stored.code())) {
            send(w); // held and recorded, but the payout never reached channel-gateway: send it now
            return;
        }
        apply(w, stored, false);
    }

    private Withdrawal send(Withdrawal w) {
        String name;
        try {
            BuyerDTO buyer = members.buyer(w.buyerId());
            name = buyer.nickname() != null && !buyer.nickname().isBlank() ? buyer.nickname() : w.buyerId();
        } catch (BizException unknown) {
            log.info("withdrawal {}: buyer unreadable ({}); the sweep sends it later", w.withdrawalNo(), unknown.wireCode());
            return w;
        }
        PayoutCmd cmd = new PayoutCmd(w.payoutNo(), PayoutPurpose.WITHDRAWAL, w.buyerId(), w.amount(),
                PayoutAccount.of(w.cardId(), w.cardLastFour()), name, "Paysuite wallet withdrawal " + w.withdrawalNo());
        return apply(w, call(() -> payouts.payout(cmd)), true);
    }

    /**
     * @param sent true for the answer to {@code payout} itself, whose definite refusal means nothing was sent
     */
    private Withdrawal apply(Withdrawal w, Result<PayoutDTO> answer, boolean sent) {
        if (!answer.success()) {
            if (sent && Outcome.definitelyFailed(answer)) {
                log.error("ALARM: payout of withdrawal {} refused ({}: {}); money back to the wallet", w.withdrawalNo(),
                        answer.code(), answer.message());
                return book(w, PayoutStatus.FAILED, null);
            }
            return w; // unknown: stays in transit, PROCESSING
        }
        PayoutDTO payout = answer.data();
        if (payout == null || !w.payoutNo().equals(payout.payoutNo()) || !w.amount().equals(payout.amount())) {
            log.error("ALARM: payout {} answered {} for withdrawal of {}: not booked", w.payoutNo(), payout, w.amount());
            return w;
        }
        return payout.status().isFinal() ? book(w, payout.status(), payout.finishedAt()) : w;
    }

    private Withdrawal book(Withdrawal w, PayoutStatus status, Instant finishedAt) {
        Instant at = finishedAt != null ? finishedAt : clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            journal.post(status == PayoutStatus.SUCCESS ? entries.paid(w) : entries.returned(w), () -> {
                if (!store.transition(w.withdrawalNo(), PayoutStatus.PROCESSING, status, at)) {
                    throw new IllegalStateException("withdrawal " + w.withdrawalNo() + " is no longer PROCESSING");
                }
            });
        } catch (BizException e) {
            if (e.code() != ErrorCode.POSTING_KEY_USED) {
                throw e;
            }
            log.error("ALARM: payout {} answered {} after its other final answer was booked: kept the first", w.payoutNo(), status);
            return store.findByNo(w.withdrawalNo()).orElse(w);
        }
        log.info("withdrawal {} finished {}", w.withdrawalNo(), status);
        return new Withdrawal(w.withdrawalNo(), w.buyerId(), w.requestNo(), w.cardId(), w.cardLastFour(), w.amount(), status,
                w.createdAt(), at);
    }

    private static WalletWithdrawalDTO repeat(Withdrawal first, WalletWithdrawCmd cmd) {
        if (!first.sameRequest(cmd.cardId(), cmd.amount())) {
            throw new BizException(ErrorCode.REQUEST_NO_USED, "request_no " + cmd.requestNo() + " was used for another withdrawal");
        }
        return first.toDTO();
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
