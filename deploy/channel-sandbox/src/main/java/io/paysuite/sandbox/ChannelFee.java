package io.paysuite.sandbox;

/**
 * What the sandbox's channels charge the merchant per transaction, as their bills show it: 0.6% of the amount, rounded
 * half up to the fen (the common rate of Alipay, WeChat Pay and UnionPay for online merchants); a refund gives back
 * the fee of the amount refunded, computed the same way.
 */
public final class ChannelFee {

    /** Parts per ten thousand. */
    public static final long RATE_BASIS_POINTS = 60;

    private ChannelFee() {
    }

    public static long of(long fen) {
        return (Math.abs(fen) * RATE_BASIS_POINTS + 5_000) / 10_000;
    }
}
