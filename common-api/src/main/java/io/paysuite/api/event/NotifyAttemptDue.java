package io.paysuite.api.event;

/** The timer of a merchant notification's next attempt. */
public record NotifyAttemptDue(String eventId, int attempt) {
}
