package io.paysuite.pay.order;

/**
 * Moves a pay order {@code PROCESSING → SUCCESS} and publishes {@code PAY_SUCCEEDED} together:
 * the event is delivered if and only if the compare-and-set committed. Implemented in
 * {@code infra.event} as a RocketMQ transactional message whose check-back reads the pay order.
 */
public interface PaySuccess {

    /**
     * @param channel the external channel that took the money ({@link io.paysuite.pay.order.tool.ToolOutcome#channel}),
     *                recorded by the same compare-and-set and carried by the event; null for the platform's own tools
     * @return true when this call moved the pay order; false when it was no longer PROCESSING
     */
    boolean succeed(PayOrder order, String channel);
}
