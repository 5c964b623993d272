package io.paysuite.api.pay;

/** Payment tools a buyer can pick on the cashier page (API.md, {@code pay-method-{METHOD}}). */
public enum PayMethod {
    BALANCE(null),
    WECHAT_QR("WECHAT"),
    ALIPAY_QR("ALIPAY"),
    BANK_CARD("UNIONPAY"),
    COUPON(null);

    private final String channel;

    PayMethod(String channel) {
        this.channel = channel;
    }

    /** The external channel ({@code ChannelCode} name) this method pays through; null for the platform's own tools. */
    public String channel() {
        return channel;
    }

    /** The buyer pays at a channel, authenticated by the channel's app: no Paysuite payment password. */
    public boolean viaChannel() {
        return channel != null;
    }
}
