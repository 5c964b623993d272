package io.paysuite.pay.order;

import io.paysuite.api.trade.TradeDTO;
import io.paysuite.pay.order.tool.ToolOutcome;

/**
 * A combination payment (coupon and/or points, then one tool for the rest) as {@link PayOrchestrator}
 * sees it: one more way to charge a pay order, run as a Saga in {@code combination}
 * (docs/adr/0008). The orchestrator keeps the pay order's own state machine: it succeeds, fails or
 * leaves {@code PROCESSING} on the outcome exactly as for a single tool.
 */
public interface CombinationPay {

    /** Records the buyer's coupon and points on a {@code CREATED} order, before anything is frozen. */
    void plan(PayOrder order, String couponId, boolean usePoints);

    /**
     * Freezes the coupon, then the points, then charges the rest with the order's tool. A definite
     * refusal at any step has released what was frozen before the outcome says {@code FAILED};
     * {@code PENDING} / {@code UNKNOWN} leave everything frozen for the check. Idempotent on the pay
     * order number: recovery runs it again.
     */
    ToolOutcome charge(PayOrder order, TradeDTO trade, String authCode);

    /**
     * After the pay order is final: confirms its coupon and points ({@code SUCCESS}) or releases them
     * ({@code FAILED}). Idempotent.
     *
     * @return true when nothing is left frozen (or the order had no parts)
     */
    boolean settle(PayOrder order);

    /** For an orchestrator built without combination payments (tests of the single-tool path). */
    CombinationPay UNAVAILABLE = new CombinationPay() {
        @Override
        public void plan(PayOrder order, String couponId, boolean usePoints) {
            throw new io.paysuite.api.error.BizException(io.paysuite.api.error.ErrorCode.PARAM_ERROR,
                    "combination payments are not available");
        }

        @Override
        public ToolOutcome charge(PayOrder order, TradeDTO trade, String authCode) {
            return new ToolOutcome(ToolOutcome.Kind.UNKNOWN, io.paysuite.api.error.ErrorCode.SERVICE_DEGRADED.code(),
                    "combination payments are not available");
        }

        @Override
        public boolean settle(PayOrder order) {
            return !order.parts().combination();
        }
    };
}
