package io.paysuite.api.trade;

import io.paysuite.api.common.Result;

/**
 * Pre-authorisations over Dubbo (provider: trade-core): the merchant's capture or void of a
 * {@code PREAUTH} trade its payment left {@code AUTHORIZED}. Both move money and answer only named
 * internal callers. Error codes are {@link io.paysuite.api.error.ErrorCode} names.
 */
public interface PreAuthService {

    /**
     * {@code AUTHORIZED → CAPTURED} once: the captured part to the merchant less the fee, the rest
     * released to the buyer, in one journal entry. A repeat with the same amount answers the captured
     * trade; a second capture of another amount {@code TRADE_CAPTURED}; after a void
     * {@code TRADE_VOIDED}; above the authorised amount {@code CAPTURE_AMOUNT_EXCEEDED}; a trade not
     * authorised (not paid yet, or not {@code PREAUTH}) {@code TRADE_NOT_AUTHORIZED}.
     */
    Result<TradeDTO> capture(CaptureTradeCmd cmd);

    /**
     * {@code AUTHORIZED → VOIDED}: all of it back to the buyer. Idempotent: voiding a voided trade
     * answers it again; a captured one {@code TRADE_CAPTURED}; a trade not authorised
     * {@code TRADE_NOT_AUTHORIZED}.
     */
    Result<TradeDTO> voidAuthorisation(VoidTradeCmd cmd);
}
