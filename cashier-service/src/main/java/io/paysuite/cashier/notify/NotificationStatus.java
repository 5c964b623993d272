package io.paysuite.cashier.notify;

/**
 * {@code PENDING} while scheduled attempts remain; {@code DELIVERED} once a 2xx came back;
 * {@code GAVE_UP} after the last scheduled attempt failed (shown to operators, who may resend).
 */
public enum NotificationStatus {
    PENDING, DELIVERED, GAVE_UP
}
