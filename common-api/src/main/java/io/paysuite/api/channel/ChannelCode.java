package io.paysuite.api.channel;

/** The external payment channels the gateway speaks to. */
public enum ChannelCode {
    WECHAT,
    ALIPAY,
    UNIONPAY
}
