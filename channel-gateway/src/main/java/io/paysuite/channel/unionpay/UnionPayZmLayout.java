package io.paysuite.channel.unionpay;

/**
 * The record layout of UnionPay's merchant transaction detail file ("ZM", {@code INN{yyMMdd}xxZM_{merId}} in the
 * {@code fileTransReq} archive): one line per transaction, 42 fixed-width fields, one separator byte between two fields
 * (the SDK walks a line with {@code leftIndex = rightIndex + 1}), GBK.
 *
 * <p>Lengths: the ACP SDK demo's {@code parseZMFile} {@code lengthArray}
 * ({@code DemoBase.parseZMFile} as redistributed in Javen205/IJPay, package {@code com.ijpay.demo.controller.unionpay};
 * the same array in lyenrowe/bill-parser {@code FileParser/UnionpayTxt.php}, which reads each field with {@code substr}
 * on bytes and {@code iconv("GBK", "UTF-8")} — hence lengths are in bytes and the file is GBK). Field names and order:
 * dromara/dax-pay {@code channel/union/entity/reconcile/UnionReconcileBillDetail.java} and the spec excerpt quoted in
 * UnionpayTxt.php (5 交易传输时间 n10 MMDDhhmmss, 7 交易金额 n12 left zero-padded fen, 10 查询流水号 an21, 12 商户订单号
 * ans32, 20 交易类型 n2, 27 原交易查询流水号, 28 商户代码, 41 原始交易订单号). The last 98 bytes are one field to the SDK;
 * later spec versions split it (清算金额, 服务点输入方式码, …) — [unconfirmed], we read nothing from it.
 */
final class UnionPayZmLayout {

    static final int[] LENGTHS = {3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1, 21,
            15, 1, 15, 32, 13, 13, 8, 32, 13, 13, 12, 2, 1, 32, 98};

    static final String[] NAMES = {"交易代码", "代理机构标识码", "发送机构标识码", "系统跟踪号", "交易传输时间", "帐号", "交易金额",
            "商户类别", "终端类型", "查询流水号", "支付方式（旧）", "商户订单号", "支付卡类型", "原始交易的系统跟踪号", "原始交易日期时间",
            "商户手续费", "结算金额", "支付方式", "集团商户代码", "交易类型", "交易子类", "业务类型", "帐号类型", "账单类型", "账单号码",
            "交互方式", "原交易查询流水号", "商户代码", "分账入账方式", "二级商户代码", "二级商户简称", "二级商户分账入账金额", "清算净额",
            "终端号", "商户自定义域", "优惠金额", "发票金额", "分期付款附加手续费", "分期付款期数", "交易介质", "原始交易订单号", "保留使用"};

    // field indexes (0-based) the parser reads
    static final int TRACE_TIME = 4;
    static final int TXN_AMT = 6;
    static final int QUERY_ID = 9;
    static final int ORDER_ID = 11;
    static final int TXN_TYPE = 19;
    /** 商户手续费, X+n12: {@code D} a fee the merchant pays, {@code C} one given back (a refund's). */
    static final int MERCHANT_FEE = 15;

    private static final int[] OFFSETS = new int[LENGTHS.length];
    /** Bytes of a record without its line break: the fields plus one separator between each two. */
    static final int LINE_BYTES;

    static {
        int at = 0;
        for (int i = 0; i < LENGTHS.length; i++) {
            OFFSETS[i] = at;
            at += LENGTHS[i] + 1;
        }
        LINE_BYTES = at - 1;
        if (LENGTHS.length != 42 || NAMES.length != 42) {
            throw new IllegalStateException("the ZM record has 42 fields");
        }
    }

    private UnionPayZmLayout() {
    }

    /** Byte offset of a field in a record. */
    static int offset(int field) {
        return OFFSETS[field];
    }
}
