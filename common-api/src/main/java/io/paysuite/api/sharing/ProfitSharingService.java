package io.paysuite.api.sharing;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;

/**
 * Profit sharing of paid trades over Dubbo (provider: accounting-service, which owns the money it
 * moves): a merchant shares what it received for a trade with other merchants before settlement,
 * gives shares back, and releases the unshared rest.
 */
public interface ProfitSharingService {

    /**
     * Shares a paid trade. Idempotent on ({@code merchantId}, {@code outOrderNo}): a repeat with the
     * same content answers the first order ({@code Result.repeated}); other content answers
     * {@code OUT_ORDER_NO_USED}. The shares of a trade never exceed what the merchant received for it
     * after fees and refunds ({@code PROFIT_SHARING_AMOUNT_EXCEEDED}, nothing changed), also under
     * concurrent requests. A trade whose money is settled or whose rest was unfrozen answers
     * {@code PROFIT_SHARING_NOT_ALLOWED}; a trade without a payment on the ledger {@code TRADE_NOT_FOUND}.
     * The caller checks the trade is the merchant's and the receivers exist.
     */
    Result<SharingOrderDTO> share(CreateSharingOrderCmd cmd);

    /** The order with this number of this merchant, or {@code PROFIT_SHARING_NOT_FOUND}. */
    @ReadOnly
    Result<SharingOrderDTO> get(SharingOrderQry qry);

    /**
     * A receiver gives (part of) its share of an order back to the sharing merchant. Idempotent on
     * ({@code merchantId}, {@code outReturnNo}); more than the receiver still holds of the order answers
     * {@code PROFIT_SHARING_AMOUNT_EXCEEDED}.
     */
    Result<SharingReturnDTO> giveBack(SharingReturnCmd cmd);

    /**
     * Releases the unshared rest of the trade to the merchant's settlement and ends its sharing: an
     * order without receivers under {@code outOrderNo} (idempotent like {@link #share}).
     */
    Result<SharingOrderDTO> unfreeze(UnfreezeCmd cmd);
}
