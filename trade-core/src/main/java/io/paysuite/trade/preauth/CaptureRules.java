package io.paysuite.trade.preauth;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;

/**
 * Whether a pre-authorisation may be captured or voided, and the stable code when not (docs/api/API.md,
 * "Pre-authorisation"). A repeat of what already happened is allowed (the caller answers the trade
 * as it is): the same capture amount on a captured trade, a void of a voided one.
 */
final class CaptureRules {

    private CaptureRules() {
    }

    static void refuseUnlessCapturable(TradeDTO trade, Money amount) {
        refuseUnlessPreAuth(trade);
        switch (trade.status()) {
            case CAPTURED -> {
                if (!amount.equals(trade.paidAmount())) {
                    throw new BizException(ErrorCode.TRADE_CAPTURED, "trade " + trade.tradeNo() + " is captured already ("
                            + trade.paidAmount() + ")");
                }
            }
            case VOIDED -> throw new BizException(ErrorCode.TRADE_VOIDED, "trade " + trade.tradeNo() + " is voided");
            case AUTHORIZED -> {
                if (!amount.currency().equals(trade.amount().currency())) {
                    throw new BizException(ErrorCode.CURRENCY_NOT_SUPPORTED, "amount.currency must be " + trade.amount().currency());
                }
                if (amount.minor() > trade.amount().minor()) {
                    throw new BizException(ErrorCode.CAPTURE_AMOUNT_EXCEEDED, "capture " + amount + " exceeds the authorised "
                            + trade.amount());
                }
            }
            default -> throw notAuthorized(trade);
        }
    }

    static void refuseUnlessVoidable(TradeDTO trade) {
        refuseUnlessPreAuth(trade);
        switch (trade.status()) {
            case CAPTURED -> throw new BizException(ErrorCode.TRADE_CAPTURED, "trade " + trade.tradeNo() + " is captured");
            case VOIDED, AUTHORIZED -> { }
            default -> throw notAuthorized(trade);
        }
    }

    private static void refuseUnlessPreAuth(TradeDTO trade) {
        if (trade.tradeType() != TradeType.PREAUTH) {
            throw new BizException(ErrorCode.TRADE_NOT_AUTHORIZED, "trade " + trade.tradeNo() + " is not a pre-authorisation");
        }
    }

    private static BizException notAuthorized(TradeDTO trade) {
        return new BizException(ErrorCode.TRADE_NOT_AUTHORIZED, "trade " + trade.tradeNo() + " is " + trade.status()
                + ", not authorised");
    }
}
