package io.paysuite.api.sharing;

/** A receiver's part of an order: {@code PENDING} until posted, then {@code SUCCESS}, or {@code CLOSED} when it could not be shared. */
public enum SharingReceiverResult {
    PENDING,
    SUCCESS,
    CLOSED
}
