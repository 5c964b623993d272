package io.paysuite.example;

/**
 * A definite refusal ({@code Outcome.FAILED}): the service did nothing, and says why in a stable
 * error code. The walkthrough stops on one; a real consumer shows it or acts on the code.
 */
public final class Refused extends RuntimeException {

    private final String code;

    public Refused(String what, String code, String message) {
        super(what + " refused: " + code + (message == null ? "" : " (" + message + ")"));
        this.code = code;
    }

    public String code() {
        return code;
    }
}
