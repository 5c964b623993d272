package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.refund.ChannelRefund;
import java.time.Instant;

/** Orders, refunds and bill lines of one Alipay day (2026-12-05 Beijing time) for reconciliation tests. */
final class ReconFixtures {

    static final Instant IN_DAY = Instant.parse("2026-12-05T04:00:00Z");

    private ReconFixtures() {
    }

    static ChannelOrder order(String no, long fen, ChannelOrderStatus status) {
        return order(no, fen, status, IN_DAY);
    }

    static ChannelOrder order(String no, long fen, ChannelOrderStatus status, Instant finishedAt) {
        return new ChannelOrder(no, "P" + no.substring(1), "T" + no.substring(1), "M1", ChannelCode.ALIPAY, PayMethod.ALIPAY_QR,
                Money.cny(fen), "tea", status, null, "2026" + no, null, "QUERY", finishedAt, finishedAt, finishedAt);
    }

    static ChannelRefund refund(String refundNo, String orderNo, long fen, ChannelRefundStatus status) {
        return new ChannelRefund(refundNo, orderNo, ChannelCode.ALIPAY, Money.cny(fen), status, null, null, IN_DAY, IN_DAY);
    }

    static BillRow paid(String no, long fen) {
        return new BillRow(no, "2026" + no, BillRow.Kind.PAYMENT, fen, IN_DAY, null, fen * 6 / 1000);
    }

    static BillRow refunded(String orderNo, String refundNo, long fen) {
        return new BillRow(orderNo, "2026" + orderNo, BillRow.Kind.REFUND, -fen, IN_DAY, refundNo, -(fen * 6 / 1000));
    }
}
