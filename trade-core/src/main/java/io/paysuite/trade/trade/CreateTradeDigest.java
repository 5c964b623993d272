package io.paysuite.trade.trade;

import io.paysuite.api.trade.CreateTradeCmd;

/**
 * The {@link RequestDigest} of everything a merchant says in a create request. Two requests with
 * the same merchant order number are "the same" exactly when their digests are equal. Changing
 * the fields or their order turns every stored repeat into a conflict.
 */
public final class CreateTradeDigest {

    private CreateTradeDigest() {
    }

    public static String of(CreateTradeCmd cmd) {
        return RequestDigest.of(
                cmd.merchantId(),
                cmd.outTradeNo(),
                cmd.tradeType() == null ? null : cmd.tradeType().name(),
                cmd.amount() == null ? null : Long.toString(cmd.amount().minor()),
                cmd.amount() == null ? null : cmd.amount().currency(),
                cmd.subject(),
                cmd.buyerId(),
                cmd.notifyUrl(),
                cmd.returnUrl(),
                cmd.attach(),
                cmd.timeExpire() == null ? null : Long.toString(cmd.timeExpire().toEpochMilli()));
    }
}
