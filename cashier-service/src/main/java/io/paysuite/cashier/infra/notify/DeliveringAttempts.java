package io.paysuite.cashier.infra.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The attempt that delivered a notification is kept on the notification's row, the others in
 * {@code notification_attempt} in the order they were logged. The history shows them as one list: the
 * logged ones keep their order, and each delivering attempt goes before the first logged one made after it
 * (an operator's resend of a notification already delivered comes after the delivery).
 */
final class DeliveringAttempts {

    private DeliveringAttempts() {
    }

    static <A> List<A> placed(List<A> logged, List<A> delivering, Function<A, Instant> at) {
        if (delivering.isEmpty()) {
            return logged;
        }
        List<A> all = new ArrayList<>(logged);
        for (A attempt : delivering) {
            Instant when = at.apply(attempt);
            int i = 0;
            while (i < all.size() && !at.apply(all.get(i)).isAfter(when)) {
                i++;
            }
            all.add(i, attempt);
        }
        return List.copyOf(all);
    }
}
