package io.paysuite.trade.order;

/**
 * What an idempotent command answered, and whether it was a repeat: the merchant edge answers a
 * repeat {@code 200} with the first result and a first request {@code 201}.
 */
public record Outcome<T>(T value, boolean repeated) {

    public static <T> Outcome<T> fresh(T value) {
        return new Outcome<>(value, false);
    }

    public static <T> Outcome<T> repeat(T value) {
        return new Outcome<>(value, true);
    }
}
