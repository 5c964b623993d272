package io.paysuite.cashier.ops.notify;

import io.paysuite.api.trail.TrailEventDTO;
import io.paysuite.cashier.notify.NotificationAttempt;
import io.paysuite.cashier.notify.NotificationStore;
import io.paysuite.cashier.trail.TrailSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A trade's notification deliveries in its ops trail: one step per POST to the merchant, typed
 * {@code NOTIFY_<event_type>} (e.g. {@code NOTIFY_TRADE.SUCCESS}), referencing the event id.
 */
@Component
public class NotificationTrail implements TrailSource {

    static final String SOURCE = "cashier-service";

    private final NotificationStore store;

    public NotificationTrail(NotificationStore store) {
        this.store = store;
    }

    @Override
    public List<TrailEventDTO> trailOf(String tradeNo) {
        return store.attemptsOfTrade(tradeNo).stream()
                .map(a -> new TrailEventDTO(SOURCE, a.attempt().attemptedAt(), "NOTIFY_" + a.eventType(),
                        a.attempt().eventId(), detail(a.attempt())))
                .toList();
    }

    static String detail(NotificationAttempt a) {
        String which = a.attemptNo() != null ? "attempt " + a.attemptNo() : "operator resend";
        String outcome = a.acknowledged() ? "HTTP " + a.httpStatus() + " acknowledged"
                : a.error() != null ? a.error() : "HTTP " + a.httpStatus();
        return which + ": " + outcome + " in " + a.durationMs() + " ms";
    }
}
