package io.paysuite.cashier.api.error;

/** API.md error body: {@code {"code", "message", "request_id"}}. */
public record ErrorBody(String code, String message, String requestId) {
}
