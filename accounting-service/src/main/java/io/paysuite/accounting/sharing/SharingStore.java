package io.paysuite.accounting.sharing;

import io.paysuite.api.sharing.SharingReceiverResult;
import io.paysuite.api.sharing.SharingReturnDTO;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Profit-sharing orders and returns (port; infra implements it on the ledger's database). */
public interface SharingStore {

    /** Writes the order and its receivers; false when the merchant's {@code outOrderNo} exists (nothing written). */
    boolean insert(SharingOrder order);

    Optional<SharingOrder> find(String orderNo);

    Optional<SharingOrder> findByOutOrderNo(String merchantId, String outOrderNo);

    /**
     * The compare-and-set {@code PROCESSING → FINISHED} with every receiver {@code PENDING → result},
     * in one transaction; false when the order was no longer {@code PROCESSING}.
     */
    boolean finish(SharingOrder order, SharingReceiverResult result, Instant at);

    /** Whether an unfreeze (or an order releasing the rest) of the trade exists. */
    boolean unfrozen(String tradeNo);

    /** Whether a settlement of the merchant took the entry that paid it for the trade. */
    boolean settled(String merchantId, String tradeNo);

    /** Orders still {@code PROCESSING} last changed before {@code before}, oldest first. */
    List<SharingOrder> processing(Instant before, int limit);

    /** Writes a return; false when the merchant's {@code outReturnNo} exists. */
    boolean insertReturn(SharingReturnDTO giveBack, String digest);

    Optional<Returned> findReturn(String merchantId, String outReturnNo);

    /** What the receiver gave back of the order so far (its returns' amounts). */
    long returnedOf(String orderNo, String receiverMerchantId);

    void returnSucceeded(String returnNo);

    /** A return as stored, with the fingerprint of the request. */
    record Returned(SharingReturnDTO giveBack, String digest) {
    }
}
