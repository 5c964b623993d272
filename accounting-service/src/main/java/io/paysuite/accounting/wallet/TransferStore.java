package io.paysuite.accounting.wallet;

import io.paysuite.api.wallet.WalletTransferDTO;
import java.time.LocalDate;
import java.util.Optional;

/** The transfer records and each sender's day totals (port; infra implements it on the ledger's database). */
public interface TransferStore {

    Optional<WalletTransferDTO> findTransfer(String fromBuyerId, String requestNo);

    /**
     * Inside the transfer's posting transaction: inserts the record (unique sender + request number: a
     * concurrent duplicate fails with a duplicate key) and adds the amount to the sender's total of
     * {@code day}, refusing with {@code TRANSFER_LIMIT_EXCEEDED} when it would pass {@code dailyLimit} —
     * a conditional update of one row, which also queues the sender's parallel transfers, so none is lost.
     */
    void record(WalletTransferDTO transfer, LocalDate day, long dailyLimit);
}
