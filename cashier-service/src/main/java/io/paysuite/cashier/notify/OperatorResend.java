package io.paysuite.cashier.notify;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An operator sends a notification again, now, whatever its state (a merchant fixed its endpoint
 * after GAVE_UP, or lost what it acknowledged). The body is the stored one, signed afresh. It is
 * logged as an attempt outside the schedule and never claims one: a running schedule keeps its
 * count. If the merchant acknowledges, the notification is DELIVERED, which also ends a running
 * schedule (its next claim finds it no longer PENDING).
 */
@Component
public class OperatorResend {

    private static final Logger log = LoggerFactory.getLogger(OperatorResend.class);

    /** What the resend came to and the notification after it. */
    public record Outcome(Delivery delivery, Notification notification) {
    }

    private final NotificationStore store;
    private final MerchantEndpoint endpoint;

    public OperatorResend(NotificationStore store, MerchantEndpoint endpoint) {
        this.store = store;
        this.endpoint = endpoint;
    }

    /** Empty when there is no such notification. */
    public Optional<Outcome> resend(String eventId) {
        Optional<Notification> found = store.find(eventId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Notification n = found.get();
        Delivery delivery = endpoint.deliver(n.notifyUrl(), n.body());
        store.recordOperatorResend(eventId, delivery);
        log.info("notification {} {} of trade {} resent by an operator (was {}): {}", eventId, n.eventType(), n.tradeNo(),
                n.status(), delivery.acknowledged() ? "HTTP " + delivery.httpStatus() : delivery.error());
        return Optional.of(new Outcome(delivery, store.find(eventId).orElse(n)));
    }
}
