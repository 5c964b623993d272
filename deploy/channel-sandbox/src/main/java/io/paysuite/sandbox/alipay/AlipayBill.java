package io.paysuite.sandbox.alipay;

import io.paysuite.sandbox.ChannelFee;
import io.paysuite.sandbox.SandboxChannel;
import io.paysuite.sandbox.Yuan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The sandbox's rendering of Alipay's documented trade bill ({@code bill_type=trade}): a zip
 * {@code {pid}_{yyyyMMdd}.csv.zip} holding the GBK files {@code {pid}_{yyyyMMdd}_业务明细.csv} and
 * {@code {pid}_{yyyyMMdd}_业务明细(汇总).csv}. The layout is written down in the module's README.
 */
final class AlipayBill {

    /** The merchant's Alipay partner id (PID) printed in bills. */
    static final String PID = "2088000000000001";

    static final Charset GBK = Charset.forName("GBK");

    static final String DETAIL_HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
            + "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
            + "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    static final String SUMMARY_HEADER = "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝红包（元）,"
            + "集分宝（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）";

    private static final DateTimeFormatter CN_DAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss");
    private static final DateTimeFormatter CN_TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss")
            .withZone(AlipayTrades.SHANGHAI);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String RULE = "-".repeat(40);

    /**
     * One line of 业务明细. {@code refund}: 业务类型 退款. {@code orderFen} is the trade's amount (订单金额);
     * {@code receivedFen} is 商家实收 (negative for a refund).
     */
    record Row(String tradeNo, String outTradeNo, boolean refund, String subject, Instant createdAt, Instant finishedAt,
               String buyer, long orderFen, long receivedFen, String outRequestNo) {
    }

    private AlipayBill() {
    }

    static SandboxChannel.BillFile render(LocalDate day, List<Row> rows, Instant exportedAt) {
        String base = PID + "_" + COMPACT.format(day);
        String period = "#起始日期：[" + CN_DAY.format(day.atStartOfDay()) + "]   终止日期：[" + CN_DAY.format(day.plusDays(1).atStartOfDay()) + "]";
        String exported = "#导出时间：[" + CN_TIME.format(exportedAt) + "]";

        StringBuilder detail = new StringBuilder();
        line(detail, "#支付宝业务明细查询");
        line(detail, "#账号：[" + PID + "0156]");
        line(detail, period);
        line(detail, "#" + RULE + "业务明细列表" + RULE);
        line(detail, DETAIL_HEADER);
        long trades = 0;
        long refunds = 0;
        long orderSum = 0;
        long receivedSum = 0;
        long feeSum = 0;
        for (Row row : rows) {
            if (row.refund()) {
                refunds++;
            } else {
                trades++;
                orderSum += row.orderFen();
            }
            receivedSum += row.receivedFen();
            // 服务费: what the merchant pays, negative on a payment; a refund gives back the fee of what it refunds
            long fee = row.refund() ? ChannelFee.of(row.receivedFen()) : -ChannelFee.of(row.orderFen());
            feeSum += fee;
            line(detail, String.join(",", row.tradeNo(), row.outTradeNo(), row.refund() ? "退款" : "交易", csv(row.subject()),
                    AlipayTrades.TIME.format(row.createdAt()), AlipayTrades.TIME.format(row.finishedAt()), "", "", "", "",
                    row.buyer(), Yuan.of(row.orderFen()), Yuan.of(row.receivedFen()), "0.00", "0.00", "0.00", "0.00", "0.00", "",
                    "0.00", "0.00", row.refund() ? row.outRequestNo() : "", Yuan.of(fee), "0.00", ""));
        }
        line(detail, "#" + RULE + "业务明细列表结束" + RULE);
        line(detail, "#交易合计：" + trades + "笔，退款合计：" + refunds + "笔");
        line(detail, exported);

        StringBuilder summary = new StringBuilder();
        line(summary, "#支付宝业务汇总查询");
        line(summary, "#账号：[" + PID + "0156]");
        line(summary, period);
        line(summary, "#" + RULE + "业务汇总列表" + RULE);
        line(summary, SUMMARY_HEADER);
        line(summary, String.join(",", "合计", "", Long.toString(trades), Long.toString(refunds), Yuan.of(orderSum),
                Yuan.of(receivedSum), "0.00", "0.00", "0.00", "0.00", "0.00", Yuan.of(feeSum), "0.00", Yuan.of(receivedSum + feeSum)));
        line(summary, "#" + RULE + "业务汇总列表结束" + RULE);
        line(summary, exported);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(base + "_业务明细.csv"));
            out.write(detail.toString().getBytes(GBK));
            out.closeEntry();
            out.putNextEntry(new ZipEntry(base + "_业务明细(汇总).csv"));
            out.write(summary.toString().getBytes(GBK));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SandboxChannel.BillFile(base + ".csv.zip", "application/zip", zip.toByteArray());
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append("\r\n");
    }

    /** Subjects are free text: keep the CSV one field per column. */
    private static String csv(String value) {
        return value == null ? "" : value.replace(',', '，').replace('\r', ' ').replace('\n', ' ');
    }
}
