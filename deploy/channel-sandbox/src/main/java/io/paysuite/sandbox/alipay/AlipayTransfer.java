package io.paysuite.sandbox.alipay;

import java.time.Instant;

/**
 * One transfer to a bank card as the sandbox's Alipay holds it, keyed by the merchant's out_biz_no.
 * Mutable under its own lock: the bank's late answer and the control API finish it.
 */
final class AlipayTransfer {

    enum Status { DEALING, SUCCESS, FAIL }

    final String outBizNo;
    final String orderId;
    final String payFundOrderId;
    final long amountFen;
    final String cardNo;
    final String payeeName;
    final String remark;
    final Instant createdAt;
    Status status;
    String errorCode;
    String failReason;
    Instant finishedAt;
    int requests = 1;

    AlipayTransfer(String outBizNo, String orderId, String payFundOrderId, long amountFen, String cardNo, String payeeName,
                   String remark, Instant createdAt) {
        this.outBizNo = outBizNo;
        this.orderId = orderId;
        this.payFundOrderId = payFundOrderId;
        this.amountFen = amountFen;
        this.cardNo = cardNo;
        this.payeeName = payeeName;
        this.remark = remark;
        this.createdAt = createdAt;
        this.status = Status.DEALING;
    }

    String maskedCard() {
        return "****" + cardNo.substring(cardNo.length() - 4);
    }

    /** The bank's answer; only a DEALING transfer takes one, so the first answer stays. */
    synchronized boolean finish(Status to, String errorCode, String failReason, Instant at) {
        if (status != Status.DEALING || to == Status.DEALING) {
            return false;
        }
        this.status = to;
        this.errorCode = errorCode;
        this.failReason = failReason;
        this.finishedAt = at;
        return true;
    }
}
