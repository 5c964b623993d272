package io.paysuite.channel.reconcile;

/**
 * A bill file we cannot read as the channel's documented format (not a zip, no detail file, a
 * missing column, a bad amount, a truncated file). Thrown rather than answering an empty bill:
 * an unreadable bill must never look like a day without payments.
 */
public class BillFormatException extends RuntimeException {

    public BillFormatException(String message) {
        super(message);
    }

    public BillFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
