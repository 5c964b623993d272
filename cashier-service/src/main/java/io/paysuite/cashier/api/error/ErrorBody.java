package io.paysuite.cashier.api.error;

/** docs/api/API.md error body: {@code {"code", "message", "request_id"}}. */
public record ErrorBody(String code, String message, String requestId) {
}
