package io.paysuite.cashier.notify;

import io.paysuite.api.event.ProfitSharingFinished;
import io.paysuite.api.event.SettlementFinished;
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
    private final SettlementNotifications settlements;
    private final SharingNotifications sharing;
    private final NotificationStore store;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    public NotificationIntake(NotificationBodies bodies, SettlementNotifications settlements, SharingNotifications sharing,
                              NotificationStore store, NotificationDispatcher dispatcher, Clock clock) {
        this.bodies = bodies;
        this.settlements = settlements;
        this.sharing = sharing;
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
        storeAndRequest(notification);
    }

    /**
     * A settlement's end ({@code SETTLEMENT.PAID} / {@code SETTLEMENT.FAILED}), to the merchant's default
     * settlement notify URL; the same store, schedule and dispatcher as trade notifications.
     */
    public void acceptSettlement(SettlementFinished event, Instant happenedAt) throws IOException {
        if (store.exists(event.eventId())) {
            return; // a redelivered event
        }
        Notification notification = settlements.build(event, happenedAt, clock.instant());
        if (notification.notifyUrl() == null || notification.notifyUrl().isBlank()) {
            return; // the merchant set no settlement notify URL: it reads settlements through the API
        }
        storeAndRequest(notification);
    }

    /** A finished profit-sharing order ({@code PROFIT_SHARING.FINISHED}), to the shared trade's notify URL. */
    public void acceptProfitSharing(ProfitSharingFinished event, Instant happenedAt) throws IOException {
        if (store.exists(event.eventId())) {
            return; // a redelivered event
        }
        Notification notification = sharing.build(event, happenedAt, clock.instant());
        if (notification.notifyUrl() == null || notification.notifyUrl().isBlank()) {
            return; // a trade whose merchant named no notify_url
        }
        storeAndRequest(notification);
    }

    private void storeAndRequest(Notification notification) {
        if (store.insert(notification)) {
            log.info("notification {} {} of {} to {}", notification.eventId(), notification.eventType(), notification.tradeNo(),
                    notification.notifyUrl());
            dispatcher.request(notification.eventId(), 1, "event");
        }
    }
}
