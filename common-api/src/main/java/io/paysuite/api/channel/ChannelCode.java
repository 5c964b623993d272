package io.paysuite.api.channel;

/**
 * The external payment channels the gateway speaks to. A channel is a route money can take, not
 * only a protocol: {@code UNIONPAY_B} is UnionPay through a second acquiring institution — the same
 * ACP protocol and UnionPay platform, its own merchant number, keys and daily file — so that a card
 * payment one acquirer definitely refuses can be taken by the other.
 */
public enum ChannelCode {
    WECHAT,
    ALIPAY,
    UNIONPAY,
    UNIONPAY_B
}
