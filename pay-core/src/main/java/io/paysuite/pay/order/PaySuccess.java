package io.paysuite.pay.order;

import java.util.Optional;

/**
 * Moves a pay order {@code PROCESSING → SUCCESS} and publishes {@code PAY_SUCCEEDED} together:
 * the event is delivered if and only if the compare-and-set committed. Implemented in
 * {@code infra.event} as a RocketMQ transactional message whose check-back reads the pay order.
 */
public interface PaySuccess {

    /**
     * @param channel the external channel that took the money ({@link io.paysuite.pay.order.tool.ToolOutcome#channel}),
     *                recorded by the same compare-and-set and carried by the event; null for the platform's own tools
     * @return the pay order as this call's compare-and-set left it ({@link PayOrder#after}), so the caller answers it
     *         without reading it back; empty when it was no longer PROCESSING (another path finished it first)
     */
    Optional<PayOrder> succeed(PayOrder order, String channel);
}
