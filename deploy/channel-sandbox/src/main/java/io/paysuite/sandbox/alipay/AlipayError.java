package io.paysuite.sandbox.alipay;

/** An Alipay error answer: {@code code}, {@code msg}, {@code sub_code}, {@code sub_msg}. */
final class AlipayError extends RuntimeException {

    final String code;
    final String msg;
    final String subCode;
    final String subMsg;

    AlipayError(String code, String msg, String subCode, String subMsg) {
        super(code + " " + subCode + ": " + subMsg);
        this.code = code;
        this.msg = msg;
        this.subCode = subCode;
        this.subMsg = subMsg;
    }

    /** 40004 Business Failed. */
    static AlipayError business(String subCode, String subMsg) {
        return new AlipayError("40004", "Business Failed", subCode, subMsg);
    }

    /** 40002 Invalid Arguments. */
    static AlipayError invalid(String subCode, String subMsg) {
        return new AlipayError("40002", "Invalid Arguments", subCode, subMsg);
    }

    /** 20000 Service Currently Unavailable. */
    static AlipayError unavailable() {
        return new AlipayError("20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙");
    }

    static AlipayError tradeNotExist() {
        return business("ACQ.TRADE_NOT_EXIST", "交易不存在");
    }
}
