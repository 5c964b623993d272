package io.paysuite.pay.order.tool;

import java.util.Objects;

/**
 * What a payment tool's charge came to. {@code UNKNOWN} is its own case, never folded into
 * failure: a timeout may have moved the money (Kill Bill's PENDING/UNKNOWN, Jeepay's UNKNOWN).
 *
 * @param code    the refusal's stable error code when {@code FAILED}, the fault's when {@code UNKNOWN}
 * @param channel on {@code SUCCESS} through an external channel, the channel ({@code ChannelCode} name)
 *                that took the money — the pay order records it, as the method alone may name another;
 *                null otherwise
 */
public record ToolOutcome(Kind kind, String code, String message, String channel) {

    /** {@code PENDING}: the channel has the order and waits for the buyer (a QR not yet scanned). */
    public enum Kind { SUCCESS, FAILED, PENDING, UNKNOWN }

    /** An outcome that names no channel: every refusal, wait and fault. */
    public ToolOutcome(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    /** The platform's own tools (balance): no channel moved the money. */
    public static ToolOutcome success() {
        return new ToolOutcome(Kind.SUCCESS, null, null, null);
    }

    /** Paid at {@code channel}; never null, or trade-core would guess the channel from the method. */
    public static ToolOutcome success(String channel) {
        return new ToolOutcome(Kind.SUCCESS, null, null, Objects.requireNonNull(channel, "channel"));
    }
}
