package io.paysuite.trade.order;

/**
 * The broker did not accept the half message, so the local work was not run and nothing changed.
 * A system fault, not a business refusal: the caller may retry with the same business key.
 */
public class TradeEventsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TradeEventsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
