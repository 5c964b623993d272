package io.paysuite.api.sharing;

/** {@code PROCESSING} until its entry is posted and announced; {@code FINISHED} is final. */
public enum SharingOrderStatus {
    PROCESSING,
    FINISHED
}
