package io.paysuite.sandbox;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code POST /sandbox/v1/faults}: make a channel operation misbehave for a share of calls.
 *
 * @param code optional (a sandbox extension of API.md): with mode ERROR the channel answers a definite business
 *             refusal carrying this code (Alipay 40004 with this sub_code; WeChat 403, or 400 for PARAM_ERROR and
 *             INVALID_REQUEST; UnionPay this respCode) instead of its system error, and applies nothing. Ignored by the
 *             other modes.
 */
public record FaultRule(@NotBlank String channel, @NotNull Operation operation, @NotNull Mode mode,
                        @DecimalMin("0.0") @DecimalMax("1.0") double rate, @PositiveOrZero long millis, String code) {

    /** The definite refusal's code, when this is an ERROR rule that names one. */
    public java.util.Optional<String> refusalCode() {
        return mode == Mode.ERROR && code != null && !code.isBlank() ? java.util.Optional.of(code.trim()) : java.util.Optional.empty();
    }

    public enum Operation { charge, query, refund, notify, payout }

    public enum Mode { TIMEOUT, ERROR, SLOW, NOT_FOUND }
}
