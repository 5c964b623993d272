package io.paysuite.pay.order;

import io.paysuite.api.pay.PayOrderStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The pay order state machine. {@code CREATED → FAILED} is for an attempt refused before any
 * money moved (the trade was taken by another attempt, or the attempt was abandoned);
 * {@code PROCESSING} is "the tool was asked to move money", left only on a definite answer.
 * {@code SUCCESS} and {@code FAILED} are final.
 */
public final class PayOrderTransitions {

    private static final Map<PayOrderStatus, Set<PayOrderStatus>> ALLOWED = new EnumMap<>(PayOrderStatus.class);

    static {
        ALLOWED.put(PayOrderStatus.CREATED, EnumSet.of(PayOrderStatus.PROCESSING, PayOrderStatus.FAILED));
        ALLOWED.put(PayOrderStatus.PROCESSING, EnumSet.of(PayOrderStatus.SUCCESS, PayOrderStatus.FAILED));
        ALLOWED.put(PayOrderStatus.SUCCESS, EnumSet.noneOf(PayOrderStatus.class));
        ALLOWED.put(PayOrderStatus.FAILED, EnumSet.noneOf(PayOrderStatus.class));
    }

    private PayOrderTransitions() {
    }

    public static void require(PayOrderStatus from, PayOrderStatus to) {
        if (!ALLOWED.get(from).contains(to)) {
            throw new IllegalStateException("ALARM: pay order transition " + from + " -> " + to + " is not in the table");
        }
    }
}
