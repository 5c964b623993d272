package io.paysuite.cashier.notify;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The backstop of the retry schedule. Normally the next attempt is a broker timer, but arming it
 * is a second write after the database's, with no transaction across the two: the broker may
 * refuse the timer, or the process may die after recording a failed attempt and before arming
 * the next one, after claiming an attempt and before recording it, or after storing a
 * notification and before its first attempt ran (attempts wait in memory for a delivery slot).
 * Each of these leaves a PENDING notification whose due time passes with nothing on its way.
 *
 * <p>So every {@code sweep-every} each instance asks for the next attempt of PENDING notifications
 * more than {@code sweep-lateness} past due. The lateness keeps it out of the way of timers that
 * are merely on their way (a timer is at most a second or two late while the broker and this
 * service are up), and the claim makes a request that races a live timer or another instance's
 * sweep harmless. It is low-frequency and reads one index range; it does not carry the schedule.
 */
@Component
public class NotificationSweeper {

    private static final Logger log = LoggerFactory.getLogger(NotificationSweeper.class);

    private final NotificationStore store;
    private final NotificationDispatcher dispatcher;
    private final NotifyProperties properties;
    private final Clock clock;

    public NotificationSweeper(NotificationStore store, NotificationDispatcher dispatcher, NotifyProperties properties, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${paysuite.cashier.notify.sweep-every:30s}", initialDelayString = "${paysuite.cashier.notify.sweep-every:30s}")
    public void sweep() {
        if (!dispatcher.isRunning()) {
            return;
        }
        try {
            List<NotificationStore.Due> overdue = store.overdue(clock.instant().minus(properties.sweepLateness()), properties.sweepBatch());
            for (NotificationStore.Due due : overdue) {
                dispatcher.request(due.eventId(), due.attempts() + 1, "sweep");
            }
            if (!overdue.isEmpty()) {
                log.warn("sweeper re-armed {} overdue notifications (lost timers)", overdue.size());
            }
        } catch (RuntimeException e) {
            log.warn("notification sweep failed: {}", e.toString());
        }
    }
}
