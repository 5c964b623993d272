package io.paysuite.api.member;

/** Whether the buyer's or merchant's legal identity has been verified (实名认证). */
public enum RealNameStatus {
    UNVERIFIED,
    PENDING,
    VERIFIED,
    REJECTED
}
