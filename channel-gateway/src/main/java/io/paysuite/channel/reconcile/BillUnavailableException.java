package io.paysuite.channel.reconcile;

/** The channel did not hand out its bill (refused, unreachable, timed out, or the download failed its hash). */
public class BillUnavailableException extends RuntimeException {

    public BillUnavailableException(String message) {
        super(message);
    }

    public BillUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
