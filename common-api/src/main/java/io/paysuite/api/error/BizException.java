package io.paysuite.api.error;

/**
 * A business refusal with a stable code: bad input, a state that does not allow the command, a
 * conflict. Thrown inside a service and turned into a {@link io.paysuite.api.common.Result} at the
 * service's single error boundary; it never crosses a process boundary as an exception.
 */
public class BizException extends RuntimeException {

    private final ErrorCode code;

    public BizException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
