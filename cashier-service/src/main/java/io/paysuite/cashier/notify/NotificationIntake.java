package io.paysuite.cashier.notify;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A trade event merchants are told about becomes a notification: built and stored once, keyed by
 * the event's id, and its first attempt requested. A redelivered event finds its notification stored
 * and does nothing. Nothing here waits for a merchant: requesting an attempt only queues it for a
 * delivery slot.
 */
@Component
public class NotificationIntake {

    private static final Logger log = LoggerFactory.getLogger(NotificationIntake.class);

    private final NotificationBodies bodies;
    private final NotificationStore store;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    public NotificationIntake(NotificationBodies bodies, NotificationStore store, NotificationDispatcher dispatcher, Clock clock) {
        this.bodies = bodies;
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * @param eventId    the event's stable id
     * @param payload    the event's body as trade-core wrote it
     * @param happenedAt when the event happened
     * @throws IOException when the payload is not what the event type carries (the event comes back)
     */
    public void accept(NotifyEventType type, String eventId, byte[] payload, Instant happenedAt) throws IOException {
        if (store.exists(eventId)) {
            return; // a redelivered event
        }
        Notification notification = bodies.build(type, eventId, payload, happenedAt, clock.instant());
        if (notification.notifyUrl() == null || notification.notifyUrl().isBlank()) {
            return; // a till-only payment-code trade whose merchant named no notify_url
        }
        if (store.insert(notification)) {
            log.info("notification {} {} of trade {} to {}", eventId, notification.eventType(), notification.tradeNo(),
                    notification.notifyUrl());
            dispatcher.request(eventId, 1, "event");
        }
    }
}
