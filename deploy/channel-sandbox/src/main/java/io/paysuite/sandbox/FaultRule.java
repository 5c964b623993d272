package io.paysuite.sandbox;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** {@code POST /sandbox/v1/faults}: make a channel operation misbehave for a share of calls. */
public record FaultRule(@NotBlank String channel, @NotNull Operation operation, @NotNull Mode mode,
                        @DecimalMin("0.0") @DecimalMax("1.0") double rate, @PositiveOrZero long millis) {

    public enum Operation { charge, query, refund, notify }

    public enum Mode { TIMEOUT, ERROR, SLOW, NOT_FOUND }
}
