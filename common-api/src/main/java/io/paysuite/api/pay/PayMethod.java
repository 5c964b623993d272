package io.paysuite.api.pay;

/** Payment tools a buyer can pick on the cashier page (API.md, {@code pay-method-{METHOD}}). */
public enum PayMethod {
    BALANCE,
    WECHAT_QR,
    ALIPAY_QR,
    BANK_CARD,
    COUPON
}
