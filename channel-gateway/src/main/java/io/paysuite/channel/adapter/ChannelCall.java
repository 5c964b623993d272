package io.paysuite.channel.adapter;

/**
 * One channel answer, translated. Adapters never throw for channel answers or I/O: a timeout is
 * {@code UNKNOWN} with raw code {@code IO}, a bad response signature {@code UNKNOWN} with
 * {@code SIGNATURE}.
 *
 * @param rawCode        the channel's own code (Alipay {@code sub_code} or {@code trade_status}) for logs and health
 * @param paidMinor      the amount the channel says was paid, when it says so; checked against ours (null: missing
 *                       or unreadable, which never settles a success)
 * @param paidCurrency   the ISO currency of {@code paidMinor} as the channel states it (or its protocol's documented
 *                       default when it omits the field); null when missing or unreadable, which never settles a success
 */
public record ChannelCall(Outcome outcome, String rawCode, String rawMessage, String channelTradeNo, String codeUrl,
                          Long paidMinor, String paidCurrency) {

    /** An answer that states no currency: fine for anything but a success, which needs one to settle. */
    public ChannelCall(Outcome outcome, String rawCode, String rawMessage, String channelTradeNo, String codeUrl, Long paidMinor) {
        this(outcome, rawCode, rawMessage, channelTradeNo, codeUrl, paidMinor, null);
    }

    public static ChannelCall of(Outcome outcome, String rawCode, String rawMessage) {
        return new ChannelCall(outcome, rawCode, rawMessage, null, null, null);
    }

    public static ChannelCall unknown(String rawCode, String rawMessage) {
        return of(Outcome.UNKNOWN, rawCode, rawMessage);
    }

    /** Whether our own guard refused the call ({@code BLOCKED_*}, see {@code ChannelGuard}): nothing reached the channel. */
    public static boolean blocked(String rawCode) {
        return rawCode != null && rawCode.startsWith("BLOCKED_");
    }

    public boolean blocked() {
        return blocked(rawCode);
    }
}
