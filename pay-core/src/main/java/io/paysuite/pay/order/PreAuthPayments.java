package io.paysuite.pay.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeType;

/**
 * What may pay a {@code PREAUTH} trade: the buyer's wallet alone. The ledger freezes a wallet payment
 * in the merchant's pre-auth hold and gives the rest of a partial capture back to the wallet; a
 * channel's money (a card) would have to go back to the card through a channel refund, and a coupon
 * or points through their own give-back, neither of which a capture does yet — so they are refused
 * before anything moves rather than released to the wrong place.
 */
final class PreAuthPayments {

    private PreAuthPayments() {
    }

    static void refuseUnlessPayable(TradeDTO trade, PayCmd cmd) {
        if (trade.tradeType() != TradeType.PREAUTH) {
            return;
        }
        if (cmd.method() != PayMethod.BALANCE || cmd.combination()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "a pre-authorisation (trade " + trade.tradeNo()
                    + ") is paid from the wallet alone (BALANCE, no coupon or points), not " + cmd);
        }
    }
}
