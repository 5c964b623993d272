package io.paysuite.sandbox.alipay;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One trade as the sandbox's Alipay knows it. Guarded by its own monitor: callers synchronize on the order. */
final class AlipayOrder {

    /** PRECREATED: a QR code exists but nobody scanned it, so Alipay does not know the trade yet. */
    enum State { PRECREATED, WAIT_BUYER_PAY, TRADE_SUCCESS, TRADE_CLOSED }

    record Refund(String outRequestNo, long amountFen, Instant at) {
    }

    final String outTradeNo;
    final long amountFen;
    final String subject;
    /** Null for a payment-code (bar_code) trade: the buyer's code was scanned by the merchant instead. */
    final String qrCode;
    final Instant precreatedAt;
    final Instant expiresAt;
    String notifyUrl;

    State state = State.PRECREATED;
    String tradeNo;
    String buyerLogonId;
    Instant createdAt;
    Instant paidAt;
    Instant closedAt;
    long refundedFen;
    final Map<String, Refund> refunds = new LinkedHashMap<>();
    /** The fields of the last real notification (without notify_time and sign), for a plain resend; null before. */
    Map<String, String> lastNotification;

    AlipayOrder(String outTradeNo, long amountFen, String subject, String qrCode, Instant precreatedAt, Instant expiresAt,
                String notifyUrl) {
        this.outTradeNo = outTradeNo;
        this.amountFen = amountFen;
        this.subject = subject;
        this.qrCode = qrCode;
        this.precreatedAt = precreatedAt;
        this.expiresAt = expiresAt;
        this.notifyUrl = notifyUrl;
    }

    /** Known to Alipay: scanned at least once (closed-before-scan orders never are). */
    boolean scanned() {
        return tradeNo != null;
    }

    boolean paid() {
        return paidAt != null;
    }
}
