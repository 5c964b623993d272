package io.paysuite.sandbox.unionpay;

/** A request UnionPay answers with a non-00 {@code respCode} and applies nothing. */
final class AcpRefusal extends RuntimeException {

    final String respCode;

    AcpRefusal(String respCode, String respMsg) {
        super(respMsg, null, false, false);
        this.respCode = respCode;
    }

    static AcpRefusal missing(String field) {
        return new AcpRefusal("13", "报文交易要素缺失[" + field + "]");
    }

    static AcpRefusal format(String what) {
        return new AcpRefusal("10", "报文格式错误[" + what + "]");
    }
}
