package io.paysuite.trade.order;

import io.paysuite.api.common.Result;

/**
 * What an idempotent command answered, and whether it was a repeat: the merchant edge answers a
 * repeat {@code 200} with the first result and a first request {@code 201}. (Not to be confused with
 * {@link io.paysuite.api.common.Outcome}, which says whether a call moved money at all.)
 */
public record FirstOrRepeat<T>(T value, boolean repeated) {

    public static <T> FirstOrRepeat<T> first(T value) {
        return new FirstOrRepeat<>(value, false);
    }

    public static <T> FirstOrRepeat<T> repeat(T value) {
        return new FirstOrRepeat<>(value, true);
    }

    /** The success a provider answers: {@link Result#repeated} for a repeat, {@link Result#ok} for a first request. */
    public Result<T> toResult() {
        return repeated ? Result.repeated(value) : Result.ok(value);
    }
}
