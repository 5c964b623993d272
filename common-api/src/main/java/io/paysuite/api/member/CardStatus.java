package io.paysuite.api.member;

/**
 * A bound card's state. {@code UNBOUND} is not final: binding the same UnionPay token again makes
 * the same card {@code ACTIVE} again (one row per buyer and token).
 */
public enum CardStatus {
    ACTIVE,
    UNBOUND
}
