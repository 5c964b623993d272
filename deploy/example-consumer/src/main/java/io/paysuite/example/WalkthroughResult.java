package io.paysuite.example;

import io.paysuite.api.ledger.StatementLineDTO;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.trade.TradeDTO;
import java.util.List;

/**
 * What the walkthrough did, as the services last answered it.
 *
 * @param trade        the trade once paid and refunded (status, paid and refunded amounts)
 * @param payOrderNo   the pay order that paid it
 * @param refund       the refund in its final state
 * @param statement    the merchant's statement lines of this trade (its payment and its refund)
 * @param walletBefore the buyer's wallet before paying, in minor units
 * @param walletAfter  the buyer's wallet after the refund, in minor units
 */
public record WalkthroughResult(TradeDTO trade, String payOrderNo, RefundDTO refund, List<StatementLineDTO> statement,
                                long walletBefore, long walletAfter) {

    public WalkthroughResult {
        statement = List.copyOf(statement);
    }
}
