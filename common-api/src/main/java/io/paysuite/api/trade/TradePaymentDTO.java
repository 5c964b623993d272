package io.paysuite.api.trade;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import java.io.Serializable;

/**
 * How a trade was paid (API.md trade object, {@code payments[]}).
 *
 * @param channel the channel that moved the money; {@code PAYSUITE} for the platform's own wallet
 *                (balance payments never leave the ledger)
 */
public record TradePaymentDTO(PayMethod method, Money amount, String channel) implements Serializable {

    /** The channel name of payments made from a Paysuite wallet. */
    public static final String WALLET_CHANNEL = "PAYSUITE";
}
