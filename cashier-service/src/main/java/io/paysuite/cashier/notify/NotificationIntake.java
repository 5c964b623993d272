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
 * the event's id, with its first attempt claimed, and that attempt handed to a delivery slot. A
 * redelivered event is built again (the body is pure but may read the trade) and its insert meets the
 * stored row: nothing more happens. Nothing here waits for a merchant: requesting an attempt only queues it for a
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
        Notification notification = bodies.build(type, eventId, payload, happenedAt, clock.instant());
        if (notification.notifyUrl() == null || notification.notifyUrl().isBlank()) {
            return; // a till-only payment-code trade whose merchant named no notify_url
        }
        storeAndDeliver(notification);
    }

    /**
     * A settlement's end ({@code SETTLEMENT.PAID} / {@code SETTLEMENT.FAILED}), to the merchant's default
     * settlement notify URL; the same store, schedule and dispatcher as trade notifications.
     */
    public void acceptSettlement(SettlementFinished event, Instant happenedAt) throws IOException {
        Notification notification = settlements.build(event, happenedAt, clock.instant());
        if (notification.notifyUrl() == null || notification.notifyUrl().isBlank()) {
            return; // the merchant set no settlement notify URL: it reads settlements through the API
        }
        storeAndDeliver(notification);
    }

    /** A finished profit-sharing order ({@code PROFIT_SHARING.FINISHED}), to the shared trade's notify URL. */
    public void acceptProfitSharing(ProfitSharingFinished event, Instant happenedAt) throws IOException {
        Notification notification = sharing.build(event, happenedAt, clock.instant());
        if (notification.notifyUrl() == null || notification.notifyUrl().isBlank()) {
            return; // a trade whose merchant named no notify_url
        }
        storeAndDeliver(notification);
    }

    /**
     * Stores the notification with its first attempt claimed by this instance, and hands that attempt to a
     * delivery slot: one INSERT instead of a read, an insert, a read and a claim. A redelivered event
     * (here or on another instance) meets the event id's primary key and does nothing.
     */
    private void storeAndDeliver(Notification notification) {
        Notification claimed = dispatcher.claimedFirst(notification);
        if (store.insert(claimed)) {
            log.info("notification {} {} of {} to {}", notification.eventId(), notification.eventType(), notification.tradeNo(),
                    notification.notifyUrl());
            dispatcher.deliverClaimed(claimed);
        }
    }
}
