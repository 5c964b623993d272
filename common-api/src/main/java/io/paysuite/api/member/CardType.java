package io.paysuite.api.member;

/** What kind of account a bound card draws on, as UnionPay reports it when the token is opened. */
public enum CardType {
    DEBIT,
    CREDIT
}
