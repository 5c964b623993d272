package io.paysuite.api.channel;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import java.io.Serializable;
import java.time.Instant;

/**
 * Charge a pay order through a channel. Idempotent on {@code payOrderNo}: a repeat answers the
 * channel order as it stands now, after asking the channel when it is not final (this is how the
 * pay order's delayed checks follow an uncertain charge up).
 *
 * @param expiresAt when the buyer can no longer pay (the trade's {@code time_expire}); the channel
 *                  order is closed at the channel after it
 * @param authCode  the buyer's payment code for payment-code methods (first charge only; a follow-up needs none)
 * @param buyerId   who pays, as pay-core knows them: the stable bucket of channel gray releases
 * @param authorisation a {@code PREAUTH} trade's payment: the card's amount is only frozen at the channel (UnionPay's
 *                  pre-auth), to be completed or cancelled later ({@link ChannelService#endAuthorisation})
 */
public record ChargeChannelCmd(String payOrderNo, String tradeNo, String merchantId, PayMethod method, Money amount,
                               String subject, Instant expiresAt, String authCode, String buyerId,
                               boolean authorisation) implements Serializable {

    public ChargeChannelCmd(String payOrderNo, String tradeNo, String merchantId, PayMethod method, Money amount, String subject,
                            Instant expiresAt, String authCode, String buyerId) {
        this(payOrderNo, tradeNo, merchantId, method, amount, subject, expiresAt, authCode, buyerId, false);
    }

    public ChargeChannelCmd(String payOrderNo, String tradeNo, String merchantId, PayMethod method, Money amount, String subject,
                            Instant expiresAt) {
        this(payOrderNo, tradeNo, merchantId, method, amount, subject, expiresAt, null, null);
    }

    public ChargeChannelCmd(String payOrderNo, String tradeNo, String merchantId, PayMethod method, Money amount, String subject,
                            Instant expiresAt, String authCode) {
        this(payOrderNo, tradeNo, merchantId, method, amount, subject, expiresAt, authCode, null);
    }

    /** The buyer's payment code is a one-time credential: kept out of logs. */
    @Override
    public String toString() {
        return "ChargeChannelCmd[payOrderNo=" + payOrderNo + ", method=" + method + ", amount=" + amount
                + (authorisation ? ", authorisation" : "") + "]";
    }
}
