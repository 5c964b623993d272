package io.paysuite.pay.order;

import io.paysuite.api.trade.TradeDTO;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moves a pay order {@code PROCESSING → SUCCESS} and announces it with {@code PAY_SUCCEEDED}: the event is delivered
 * only if the compare-and-set committed, and at least once when it did. Implemented in {@code infra.event}, as
 * {@code paysuite.pay.success-delivery} says: by default the compare-and-set commits and the message is sent after it
 * (the pay order row is the outbox, and its delayed check sends what this process did not see stored and the row is
 * not marked announced, through {@link #announce}); or as a RocketMQ transactional message whose check-back reads the pay order.
 */
public interface PaySuccess {

    /**
     * @param channel   the external channel that took the money ({@link io.paysuite.pay.order.tool.ToolOutcome#channel}),
     *                  recorded by the same compare-and-set and carried by the event; null for the platform's own tools
     * @param announced told the pay order as the compare-and-set left it once the broker has its {@code PAY_SUCCEEDED}
     *                  — maybe after this returns, on the broker client's thread (the caller's answer does not wait
     *                  for the broker), maybe before; never when the broker did not take it (the pay order's check
     *                  announces it again). Must not block or throw
     * @return the pay order as this call's compare-and-set left it ({@link PayOrder#after}), so the caller answers it
     *         without reading it back, and the trade trade-core recorded when it was handed the success directly;
     *         empty when it was no longer PROCESSING (another path finished it first). A send that failed after the
     *         commit does not throw: the money moved and the caller must hear SUCCESS; the pay order's check announces
     *         it again
     */
    Optional<Succeeded> succeed(PayOrder order, String channel, Consumer<PayOrder> announced);

    /**
     * Announces a pay order that is {@code SUCCESS} in the database and whose announcement this process did not see
     * stored: {@code PAY_SUCCEEDED} rebuilt from the row exactly as {@link #succeed} built it (its success time is the
     * {@code finished_at} and its channel the {@code channel} that the same compare-and-set wrote; the coupon and
     * points were recorded on the row before it was charged), then the row marked announced. Consumers take a repeat.
     *
     * @param paid the pay order as read, {@code SUCCESS}
     * @return whether it was sent: false when the row is marked announced ({@link PayOrder#announcedAt}, the broker
     *         has it) or the delivery is one whose broker delivers by itself (transactional: the check-back)
     * @throws RuntimeException when the broker did not store it, or may not have: the caller (a check) comes back
     */
    boolean announce(PayOrder paid);

    /**
     * A success this call's compare-and-set committed. Whether the broker has its announcement is not part of it: the
     * outbox send is not waited for, and its {@code announced} callback says so when it is stored.
     *
     * @param order the pay order as the compare-and-set left it
     * @param trade the trade as trade-core recorded this pay order's payment when it was handed the success directly
     *              ({@code TradePaymentService.paid}) and answered the trade paid by this pay order; null otherwise
     *              (hand-over off, refused, failed, a trade not paid by it, transactional delivery, a commit read
     *              back): whoever waits for the trade asks trade-core for it
     */
    record Succeeded(PayOrder order, TradeDTO trade) {
    }
}
