package io.paysuite.pay.order.tool;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.pay.order.PayOrder;
import org.springframework.stereotype.Component;

/**
 * Pays from the buyer's wallet: one ledger posting keyed by the pay order number, so a repeat
 * (recovery, a duplicate request) posts nothing more and answers the first entry. A {@code PREAUTH}
 * trade's payment is an authorisation: the ledger freezes the amount in the merchant's pre-auth
 * hold instead of paying the merchant.
 */
@Component
public class BalanceTool implements PaymentTool {

    private final LedgerService ledger;

    public BalanceTool(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Override
    public PayMethod method() {
        return PayMethod.BALANCE;
    }

    @Override
    public ToolOutcome charge(PayOrder order, TradeDTO trade, String authCode) {
        boolean escrow = trade.tradeType() == TradeType.GUARANTEE;
        Result<JournalEntryDTO> posted;
        try {
            // a combination payment's coupon and points ride in the same entry (its wallet part is amount − parts)
            PaymentPostingCmd payment = new PaymentPostingCmd(order.payOrderNo(), order.tradeNo(), order.payOrderNo(),
                    order.buyerId(), order.merchantId(), order.amount(), escrow, null,
                    order.parts().ledgerParts(order.payOrderNo(), order.amount().currency()));
            // a pre-authorisation freezes the money in the pre-auth hold: nothing reaches the merchant before capture
            posted = trade.tradeType() == TradeType.PREAUTH ? ledger.postAuthorisation(payment) : ledger.postPayment(payment);
        } catch (RuntimeException transport) {
            return new ToolOutcome(ToolOutcome.Kind.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), transport.toString());
        }
        return switch (Outcome.of(posted)) {
            case SUCCEEDED -> ToolOutcome.success();
            case UNKNOWN -> new ToolOutcome(ToolOutcome.Kind.UNKNOWN, posted.code(), posted.message());
            case FAILED -> new ToolOutcome(ToolOutcome.Kind.FAILED, posted.code(), posted.message());
        };
    }
}
