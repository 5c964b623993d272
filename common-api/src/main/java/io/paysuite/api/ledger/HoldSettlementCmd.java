package io.paysuite.api.ledger;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * End a pre-authorisation's hold in one journal entry: {@code capture} of what the trade's hold
 * holds goes to the merchant's pending settlement less the fee, the rest back to the buyer's
 * wallet. A void is a capture of zero. Idempotent on {@code postingKey} ({@code CAPTURE-<trade no>}
 * or {@code VOID-<trade no>}); what the hold holds is read from the trade's own entries, never from
 * the command; a capture above it answers {@code INSUFFICIENT_BALANCE} and posts nothing.
 */
public record HoldSettlementCmd(
        String postingKey,
        String tradeNo,
        String merchantId,
        String buyerId,
        Money capture) implements Serializable {

    public static String captureKey(String tradeNo) {
        return "CAPTURE-" + tradeNo;
    }

    public static String voidKey(String tradeNo) {
        return "VOID-" + tradeNo;
    }
}
