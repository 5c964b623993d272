package io.paysuite.api.error;

/**
 * A business refusal with a stable code: bad input, a state that does not allow the command, a
 * conflict. Thrown inside a service and turned into a {@link io.paysuite.api.common.Result} at the
 * service's single error boundary; it never crosses a process boundary as an exception.
 *
 * <p>A refusal passed on from another service keeps that service's code as it was answered
 * ({@link #BizException(String, String)}): services are deployed one at a time, so the code may be
 * one this build's {@link ErrorCode} does not have yet, and turning it into another code would
 * change what the refusal means to the caller.
 */
public class BizException extends RuntimeException {

    private final String wireCode;

    public BizException(ErrorCode code, String message) {
        this(code.code(), message);
    }

    /** A refusal under a code answered by another service, carried as is (no code at all reads {@code SYSTEM_ERROR}). */
    public BizException(String wireCode, String message) {
        super(message, null, false, false);
        this.wireCode = wireCode != null ? wireCode : ErrorCode.SYSTEM_ERROR.code();
    }

    /** The code as this build knows it; a code it does not know reads {@code SYSTEM_ERROR} (its meaning is unknown here). */
    public ErrorCode code() {
        return ErrorCode.fromWire(wireCode);
    }

    /** The code exactly as it crosses service boundaries, including one this build does not know. */
    public String wireCode() {
        return wireCode;
    }
}
