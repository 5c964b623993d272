package io.paysuite.api.pay;

/** Payment tools a buyer can pick on the cashier page (API.md, {@code pay-method-{METHOD}}). */
public enum PayMethod {
    BALANCE(null, false),
    WECHAT_QR("WECHAT", false),
    ALIPAY_QR("ALIPAY", false),
    BANK_CARD("UNIONPAY", false),
    COUPON(null, false),
    /** The buyer's points, redeemed at the configured rate; a part of a combination payment only. */
    POINTS(null, false),
    /** The buyer's WeChat payment code scanned by the merchant ({@code POST /api/v1/trades/barcode}). */
    WECHAT_CODE("WECHAT", true),
    /** The buyer's Alipay payment code scanned by the merchant ({@code POST /api/v1/trades/barcode}). */
    ALIPAY_CODE("ALIPAY", true);

    private final String channel;
    private final boolean paymentCode;

    PayMethod(String channel, boolean paymentCode) {
        this.channel = channel;
        this.paymentCode = paymentCode;
    }

    /** Paid with the buyer's payment code at the merchant's till: no cashier page, no Paysuite buyer. */
    public boolean paymentCode() {
        return paymentCode;
    }

    /**
     * The payment code's method by its prefix: WeChat codes are 18 digits starting 10–15, Alipay's
     * 16–24 digits starting 25–30 (the channels' published rules); null for anything else.
     */
    public static PayMethod ofPaymentCode(String authCode) {
        if (authCode == null || !authCode.matches("\\d{16,24}")) {
            return null;
        }
        int prefix = Integer.parseInt(authCode.substring(0, 2));
        if (authCode.length() == 18 && prefix >= 10 && prefix <= 15) {
            return WECHAT_CODE;
        }
        return prefix >= 25 && prefix <= 30 ? ALIPAY_CODE : null;
    }

    /** The external channel ({@code ChannelCode} name) this method pays through; null for the platform's own tools. */
    public String channel() {
        return channel;
    }

    /** The money moves at an external channel. */
    public boolean viaChannel() {
        return channel != null;
    }

    /**
     * The buyer confirms with the Paysuite payment password: the wallet, and a bound bank card (a
     * token payment the bank does not confirm with the buyer). QR and payment codes are confirmed
     * in the channel's app instead.
     */
    public boolean needsPayPassword() {
        return this == BALANCE || this == BANK_CARD;
    }
}
