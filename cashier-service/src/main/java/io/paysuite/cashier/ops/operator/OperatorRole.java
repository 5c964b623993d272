package io.paysuite.cashier.ops.operator;

/**
 * What an operator may do, each role covering the ones before it: {@code VIEWER} reads, {@code OPERATOR} also acts on
 * money's paperwork (resend, resolve, run), {@code ADMIN} also changes who may do what and how money is routed
 * (merchants, keys, operators, rules).
 */
public enum OperatorRole {
    VIEWER, OPERATOR, ADMIN;

    public boolean covers(OperatorRole required) {
        return ordinal() >= required.ordinal();
    }
}
