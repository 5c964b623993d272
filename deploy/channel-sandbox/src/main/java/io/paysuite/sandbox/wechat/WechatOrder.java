package io.paysuite.sandbox.wechat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One order as the sandbox's WeChat Pay knows it: a Native (v3 QR) order or a MICROPAY (v2 payment code) order, in
 * one map because out_trade_no is unique per merchant across products. Guarded by its own monitor: callers
 * synchronize on it.
 */
final class WechatOrder {

    /** WeChat's trade_state values the sandbox reaches (REVOKED only by a payment-code reversal; ACCEPT never). */
    enum State {
        NOTPAY("未支付"), USERPAYING("用户支付中"), SUCCESS("支付成功"), CLOSED("已关闭"),
        PAYERROR("支付失败(其他原因，如银行返回失败)"), REFUND("转入退款"), REVOKED("已撤销");

        final String desc;

        State(String desc) {
            this.desc = desc;
        }
    }

    record Refund(String refundId, String outRefundNo, long amountFen, Instant at, String notifyUrl) {
    }

    final String outTradeNo;
    final String appid;
    final String description;
    final long amountFen;
    final String currency;
    /** The request's time_expire text, compared on repeats (WeChat refuses a changed one). */
    final String timeExpire;
    final Instant expiresAt;
    final String codeUrl;
    final Instant createdAt;
    /** {@code NATIVE} or {@code MICROPAY}: the trade_type of queries and the bill. */
    final String tradeType;
    String notifyUrl;

    State state = State.NOTPAY;
    String transactionId;
    String openid;
    Instant paidAt;
    Instant closedAt;
    long refundedFen;
    final Map<String, Refund> refunds = new LinkedHashMap<>();
    /** The last real TRANSACTION.SUCCESS notification (its id and exact body), for a plain resend; null before. */
    String lastNotifyId;
    String lastNotificationBody;

    WechatOrder(String outTradeNo, String appid, String description, long amountFen, String currency, String timeExpire,
                Instant expiresAt, String codeUrl, Instant createdAt, String notifyUrl, String tradeType) {
        this.outTradeNo = outTradeNo;
        this.appid = appid;
        this.description = description;
        this.amountFen = amountFen;
        this.currency = currency;
        this.timeExpire = timeExpire;
        this.expiresAt = expiresAt;
        this.codeUrl = codeUrl;
        this.createdAt = createdAt;
        this.notifyUrl = notifyUrl;
        this.tradeType = tradeType;
    }

    boolean paid() {
        return paidAt != null;
    }

    /** No scan can change it any more. */
    boolean finished() {
        return paid() || state == State.CLOSED || state == State.PAYERROR || state == State.REVOKED;
    }
}
