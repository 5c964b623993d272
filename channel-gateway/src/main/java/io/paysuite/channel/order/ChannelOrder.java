package io.paysuite.channel.order;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import java.time.Instant;

/**
 * A charge at a channel, keyed by our channel order number (the channel's out-trade-no). A pay order
 * has one per attempt: attempt 0 at the router's first choice, and one more for each reroute after a
 * definite refusal before acceptance.
 *
 * @param attempt    0 for the first charge of the pay order, n for its n-th reroute
 * @param reroutedTo for a refused attempt, set once: the next attempt's channel, or {@link #NO_REROUTE}
 */
public record ChannelOrder(String channelOrderNo, String payOrderNo, String tradeNo, String merchantId,
                           ChannelCode channel, PayMethod method, Money amount, String subject,
                           ChannelOrderStatus status, String codeUrl, String channelTradeNo, String rawCode,
                           String finalSource, Instant expiresAt, Instant createdAt, Instant finishedAt,
                           int attempt, String reroutedTo, boolean authorisation) {

    /** Not an authorisation: a charge that takes the money. */
    public ChannelOrder(String channelOrderNo, String payOrderNo, String tradeNo, String merchantId, ChannelCode channel,
                        PayMethod method, Money amount, String subject, ChannelOrderStatus status, String codeUrl,
                        String channelTradeNo, String rawCode, String finalSource, Instant expiresAt, Instant createdAt,
                        Instant finishedAt, int attempt, String reroutedTo) {
        this(channelOrderNo, payOrderNo, tradeNo, merchantId, channel, method, amount, subject, status, codeUrl, channelTradeNo,
                rawCode, finalSource, expiresAt, createdAt, finishedAt, attempt, reroutedTo, false);
    }

    /** {@code rerouted_to} when no channel was left: the refusal is the pay order's answer. */
    public static final String NO_REROUTE = "NONE";

    /** Channel numbers are at most 32 characters (WeChat's out_trade_no). */
    static final int MAX_NUMBER = 32;

    public ChannelOrder(String channelOrderNo, String payOrderNo, String tradeNo, String merchantId, ChannelCode channel,
                        PayMethod method, Money amount, String subject, ChannelOrderStatus status, String codeUrl,
                        String channelTradeNo, String rawCode, String finalSource, Instant expiresAt, Instant createdAt,
                        Instant finishedAt) {
        this(channelOrderNo, payOrderNo, tradeNo, merchantId, channel, method, amount, subject, status, codeUrl, channelTradeNo,
                rawCode, finalSource, expiresAt, createdAt, finishedAt, 0, null);
    }

    /** Our channel order number for a pay order: its digits under a {@code C}, ≤ 32 chars, no separators (UnionPay's rule too). */
    public static String numberFor(String payOrderNo) {
        return numberFor(payOrderNo, 0);
    }

    /**
     * Attempt {@code n > 0} appends {@code A<n>} — letters and digits only, which every channel's order number takes —
     * so a reroute is a new order at the next channel and never a repeat of the refused one.
     *
     * @return null when the number would not fit 32 characters (then the pay order is not rerouted)
     */
    public static String numberFor(String payOrderNo, int attempt) {
        String first = "C" + payOrderNo.substring(1);
        String number = attempt == 0 ? first : first + "A" + attempt;
        return number.length() <= MAX_NUMBER ? number : null;
    }

    public ChannelOrderDTO toDTO() {
        return toDTO(status);
    }

    /** The DTO showing {@code shown} as the status: a refused attempt that is being rerouted is PROCESSING to callers. */
    public ChannelOrderDTO toDTO(ChannelOrderStatus shown) {
        return new ChannelOrderDTO(channelOrderNo, payOrderNo, tradeNo, channel, method, amount, shown, codeUrl, channelTradeNo,
                rawCode, createdAt, finishedAt);
    }
}
