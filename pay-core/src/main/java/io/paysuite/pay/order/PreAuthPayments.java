package io.paysuite.pay.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeType;

/**
 * What may pay a {@code PREAUTH} trade: the buyer's wallet, or a bound card through its channel's own
 * pre-authorisation (UnionPay's pre-auth: the card's amount is frozen at the issuer, and the capture's
 * completion or the void's cancel there releases the rest, so nothing has to be sent back). The ledger
 * freezes either in the merchant's pre-auth hold and gives a capture's rest back where it came from. A
 * coupon or points would need their own give-back, which a capture does not do — they are refused
 * before anything moves rather than released to the wrong place.
 */
final class PreAuthPayments {

    private PreAuthPayments() {
    }

    static void refuseUnlessPayable(TradeDTO trade, PayCmd cmd) {
        if (trade.tradeType() != TradeType.PREAUTH) {
            return;
        }
        if ((cmd.method() != PayMethod.BALANCE && cmd.method() != PayMethod.BANK_CARD) || cmd.combination()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "a pre-authorisation (trade " + trade.tradeNo()
                    + ") is paid from the wallet or a bound card alone (BALANCE or BANK_CARD, no coupon or points), not " + cmd);
        }
    }
}
