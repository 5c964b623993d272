package io.paysuite.api.event;

/** The timer of a pay order's delayed check. */
public record PayCheckDue(String payOrderNo) {
}
