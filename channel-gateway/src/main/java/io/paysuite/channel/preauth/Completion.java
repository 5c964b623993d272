package io.paysuite.channel.preauth;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.order.ChannelOrder;
import java.time.Instant;

/**
 * A card pre-authorisation's completion as the channel confirmed it: its own transaction at the channel
 * ({@code completionNo}, the channel's {@code channelTradeNo} — UnionPay's {@code queryId}) taking {@code captured} of
 * the authorisation {@code authorisationNo}. Refunds of the captured money name it, and the channel's file lists it.
 *
 * @param endedAt     the end's time as sent: with the number it names the transaction at the channel
 * @param completedAt when the channel's confirmation was recorded here (the day reconciliation looks for it in)
 */
public record Completion(String completionNo, String authorisationNo, String payOrderNo, String tradeNo, String merchantId,
                         ChannelCode channel, PayMethod method, Money captured, String channelTradeNo, Instant endedAt,
                         Instant completedAt) {

    /** A number the completions of {@link AuthorisationEnds} are given ({@code K…}); our charges are {@code C…}. */
    public static boolean isCompletionNumber(String number) {
        return number != null && number.startsWith("K");
    }

    /**
     * The completion as a payment of the channel's day: the channel's file lists it under its own number for the captured
     * amount — the money the channel really took — where the authorisation itself (money frozen, not taken) is no line.
     */
    public ChannelOrder asPayment() {
        return new ChannelOrder(completionNo, payOrderNo, tradeNo, merchantId, channel, method, captured, "completion of "
                + authorisationNo, ChannelOrderStatus.SUCCESS, null, channelTradeNo, "00", "COMPLETION", null, endedAt, completedAt,
                0, null, false);
    }

    /** The authorisation as its refunds see it: the money they return is the completion's, under its id at the channel. */
    public ChannelOrder refundable(ChannelOrder authorisation) {
        return new ChannelOrder(authorisation.channelOrderNo(), authorisation.payOrderNo(), authorisation.tradeNo(),
                authorisation.merchantId(), authorisation.channel(), authorisation.method(), captured, authorisation.subject(),
                authorisation.status(), authorisation.codeUrl(), channelTradeNo, authorisation.rawCode(), authorisation.finalSource(),
                authorisation.expiresAt(), authorisation.createdAt(), authorisation.finishedAt(), authorisation.attempt(),
                authorisation.reroutedTo(), true);
    }
}
