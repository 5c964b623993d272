package io.paysuite.pay.tool;

/**
 * What a payment tool's charge came to. {@code UNKNOWN} is its own case, never folded into
 * failure: a timeout may have moved the money (Kill Bill's PENDING/UNKNOWN, Jeepay's UNKNOWN).
 *
 * @param code the refusal's stable error code when {@code FAILED}, the fault's when {@code UNKNOWN}
 */
public record ToolOutcome(Kind kind, String code, String message) {

    /** {@code PENDING}: the channel has the order and waits for the buyer (a QR not yet scanned). */
    public enum Kind { SUCCESS, FAILED, PENDING, UNKNOWN }

    public static ToolOutcome success() {
        return new ToolOutcome(Kind.SUCCESS, null, null);
    }
}
