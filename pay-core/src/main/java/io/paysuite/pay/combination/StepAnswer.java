package io.paysuite.pay.combination;

/**
 * What one step of the combination Saga came to, as the state machine carries it: a plain string
 * ({@code KIND|code|channel}) so the Saga log stores and reloads it without type information, and the
 * state language's choices read its kind with {@code startsWith} (statelang/combination-pay.json).
 *
 * @param code    the refusal's or fault's stable error code; null when done
 * @param channel the channel that took the rest, on the charge step's {@code DONE}; null otherwise
 */
public record StepAnswer(Kind kind, String code, String channel) {

    /**
     * {@code DONE} and {@code SKIPPED} go on; {@code REFUSED} compensates; {@code UNKNOWN} compensates a
     * freeze (its release is recorded first, so a late freeze is refused) but never the charge, which
     * like {@code PENDING} ends the Saga with the pay order left {@code PROCESSING} for the check.
     */
    public enum Kind { DONE, SKIPPED, REFUSED, PENDING, UNKNOWN }

    private static final String SEPARATOR = "|";

    public static StepAnswer done() {
        return new StepAnswer(Kind.DONE, null, null);
    }

    public static StepAnswer skipped() {
        return new StepAnswer(Kind.SKIPPED, null, null);
    }

    public String encode() {
        return kind + SEPARATOR + (code == null ? "" : code) + SEPARATOR + (channel == null ? "" : channel);
    }

    /** Null for null: a step the Saga never reached. */
    public static StepAnswer decode(Object encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.toString().split("\\|", -1);
        Kind kind = Kind.valueOf(parts[0]);
        String code = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        String channel = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
        return new StepAnswer(kind, code, channel);
    }
}
