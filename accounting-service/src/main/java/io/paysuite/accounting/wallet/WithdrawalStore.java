package io.paysuite.accounting.wallet;

import io.paysuite.api.payout.PayoutStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The withdrawals (port; infra implements it on the ledger's database). */
public interface WithdrawalStore {

    Optional<Withdrawal> findWithdrawal(String buyerId, String requestNo);

    Optional<Withdrawal> findByNo(String withdrawalNo);

    /** Inside the hold's posting transaction; a duplicate (buyer, request number) fails with a duplicate key. */
    void insert(Withdrawal withdrawal);

    /**
     * The compare-and-set {@code from → to}, asked of {@link WithdrawalTransitions#TABLE} first, inside the
     * final posting's transaction; false when the withdrawal was not {@code from}.
     */
    boolean transition(String withdrawalNo, PayoutStatus from, PayoutStatus to, Instant at);

    /** Withdrawals still {@code PROCESSING} created before {@code before}, oldest first (the sweep's finder). */
    List<String> processing(Instant before, int limit);
}
