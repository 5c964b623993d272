package io.paysuite.sandbox.wechat;

import io.paysuite.sandbox.ChannelFee;
import io.paysuite.sandbox.SandboxChannel;
import io.paysuite.sandbox.Yuan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sandbox's rendering of WeChat Pay's trade bill ({@code bill_type=ALL}): UTF-8 CSV, CRLF, the detail header,
 * one row per trade paid and per refund made that day (Beijing time) with every field prefixed by a backtick
 * (so spreadsheet tools keep long numbers as text), then the summary header and one summary row, also
 * backtick-prefixed. The layout is written down in the module's README.
 */
final class WechatBill {

    static final String DETAIL_HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
            + "货币种类,应结订单总金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
            + "手续费,费率,订单金额,申请退款金额,费率备注";

    static final String SUMMARY_HEADER = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(WechatPay.SHANGHAI);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** One detail line: a payment ({@code refund} null, at the payment time) or a refund (at the refund time). */
    record Row(Instant at, String appid, String mchid, String transactionId, String outTradeNo, String openid,
               String description, long orderFen, WechatOrder.Refund refund, String tradeType) {
    }

    private WechatBill() {
    }

    static SandboxChannel.BillFile render(LocalDate day, List<Row> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, DETAIL_HEADER);
        long paidSum = 0;
        long refundSum = 0;
        long feeSum = 0;
        for (Row row : rows) {
            boolean refund = row.refund() != null;
            if (refund) {
                refundSum += row.refund().amountFen();
            } else {
                paidSum += row.orderFen();
            }
            String refundFen = refund ? Yuan.of(row.refund().amountFen()) : "0.00";
            // 手续费: positive on a payment, negative on a refund (the fee of the amount refunded comes back)
            long fee = refund ? -ChannelFee.of(row.refund().amountFen()) : ChannelFee.of(row.orderFen());
            feeSum += fee;
            line(csv, ticked(TIME.format(row.at()), row.appid(), row.mchid(), "0", "", row.transactionId(), row.outTradeNo(),
                    row.openid(), row.tradeType(), refund ? "REFUND" : "SUCCESS", "OTHERS", "CNY", Yuan.of(row.orderFen()), "0.00",
                    refund ? row.refund().refundId() : "0", refund ? row.refund().outRefundNo() : "0", refundFen, "0.00",
                    refund ? "ORIGINAL" : "", refund ? "SUCCESS" : "", text(row.description()), "", Yuan.of(fee), ChannelFee.RATE_BASIS_POINTS / 100.0 + "%",
                    Yuan.of(row.orderFen()), refundFen, ""));
        }
        line(csv, SUMMARY_HEADER);
        line(csv, ticked(Integer.toString(rows.size()), Yuan.of(paidSum), Yuan.of(refundSum), "0.00", Yuan.of(feeSum), Yuan.of(paidSum),
                Yuan.of(refundSum)));
        return new SandboxChannel.BillFile("tradebill_" + COMPACT.format(day) + "_ALL.csv", "text/csv;charset=UTF-8",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String ticked(String... fields) {
        return Stream.of(fields).map(f -> "`" + (f == null ? "" : f)).collect(Collectors.joining(","));
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append("\r\n");
    }

    /** Descriptions are free text: keep the CSV one field per column. */
    private static String text(String value) {
        return value == null ? "" : value.replace(',', '，').replace('`', '\'').replace('\r', ' ').replace('\n', ' ');
    }
}
