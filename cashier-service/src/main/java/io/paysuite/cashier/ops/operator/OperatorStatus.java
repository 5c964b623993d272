package io.paysuite.cashier.ops.operator;

/** {@code DISABLED}: cannot log in, and the sessions it had stop answering. */
public enum OperatorStatus {
    ACTIVE, DISABLED
}
