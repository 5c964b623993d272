package io.paysuite.sandbox.alipay;

import io.paysuite.sandbox.SandboxChannel;
import io.paysuite.sandbox.Yuan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The sandbox's rendering of Alipay's account bill ({@code bill_type=signcustomer}, 账务明细), where
 * transfers out of the platform's Alipay account appear: a zip {@code {pid}_{yyyyMMdd}_signcustomer.csv.zip}
 * holding the GBK file {@code {pid}_{yyyyMMdd}_账务明细.csv}. A transfer is debited (支出, 业务类型 转账)
 * the day Alipay accepted it; one the bank refused is credited back (收入, 业务类型 退票) the day it
 * failed. 账户余额 runs from {@link #OPENING_FEN} in the order of the lines. The layout is in the
 * module's README.
 */
final class AlipayTransferBill {

    static final String HEADER = "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,"
            + "交易渠道,业务类型,备注";
    /** The platform's Alipay account balance before the day's first line (the sandbox keeps no real balance). */
    static final long OPENING_FEN = 1_000_000_000L;

    private static final DateTimeFormatter CN_DAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss");
    private static final DateTimeFormatter CN_TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss").withZone(AlipayTrades.SHANGHAI);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String RULE = "-".repeat(40);

    /** One line: {@code inFen} for a credit (退票), {@code outFen} for a debit (转账). */
    record Line(String accountSerial, String orderId, String outBizNo, Instant at, String payee, long inFen, long outFen,
                String type, String remark) {

        Line withIn(long fen) {
            return new Line(accountSerial, orderId, outBizNo, at, payee, fen, outFen, type, remark);
        }

        Line withOut(long fen) {
            return new Line(accountSerial, orderId, outBizNo, at, payee, inFen, fen, type, remark);
        }
    }

    private AlipayTransferBill() {
    }

    /** The day's lines of these transfers, in time order. */
    static List<Line> lines(LocalDate day, List<AlipayTransfer> transfers) {
        java.util.ArrayList<Line> lines = new java.util.ArrayList<>();
        for (AlipayTransfer t : transfers) {
            synchronized (t) {
                if (on(day, t.createdAt)) {
                    lines.add(new Line(t.payFundOrderId, t.orderId, t.outBizNo, t.createdAt, t.maskedCard(), 0, t.amountFen, "转账",
                            t.remark));
                }
                if (t.status == AlipayTransfer.Status.FAIL && t.finishedAt != null && on(day, t.finishedAt)) {
                    lines.add(new Line(t.payFundOrderId + "R", t.orderId, t.outBizNo, t.finishedAt, t.maskedCard(), t.amountFen, 0,
                            "退票", t.failReason));
                }
            }
        }
        lines.sort(Comparator.comparing(Line::at).thenComparing(Line::accountSerial));
        return lines;
    }

    static SandboxChannel.BillFile render(LocalDate day, List<Line> dayLines, Instant exportedAt) {
        String base = AlipayBill.PID + "_" + COMPACT.format(day);
        StringBuilder out = new StringBuilder();
        line(out, "#支付宝账务明细查询");
        line(out, "#账号：[" + AlipayBill.PID + "0156]");
        line(out, "#起始日期：[" + CN_DAY.format(day.atStartOfDay()) + "]   终止日期：[" + CN_DAY.format(day.plusDays(1).atStartOfDay()) + "]");
        line(out, "#" + RULE + "账务明细列表" + RULE);
        line(out, HEADER);
        long balance = OPENING_FEN;
        long ins = 0;
        long outs = 0;
        long inFen = 0;
        long outFen = 0;
        for (Line l : dayLines) {
            balance += l.inFen() - l.outFen();
            if (l.inFen() > 0) {
                ins++;
                inFen += l.inFen();
            } else {
                outs++;
                outFen += l.outFen();
            }
            line(out, String.join(",", l.accountSerial(), l.orderId(), l.outBizNo(), l.type(), AlipayTrades.TIME.format(l.at()),
                    l.payee(), l.inFen() > 0 ? Yuan.of(l.inFen()) : "", l.outFen() > 0 ? "-" + Yuan.of(l.outFen()) : "",
                    Yuan.of(balance), "支付宝", l.type(), csv(l.remark())));
        }
        line(out, "#" + RULE + "账务明细列表结束" + RULE);
        line(out, "#支出合计：" + outs + "笔，共" + Yuan.of(outFen) + "元");
        line(out, "#收入合计：" + ins + "笔，共" + Yuan.of(inFen) + "元");
        line(out, "#导出时间：[" + CN_TIME.format(exportedAt) + "]");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry(base + "_账务明细.csv"));
            z.write(out.toString().getBytes(AlipayBill.GBK));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SandboxChannel.BillFile(base + "_signcustomer.csv.zip", "application/zip", zip.toByteArray());
    }

    private static boolean on(LocalDate day, Instant at) {
        return at.atZone(AlipayTrades.SHANGHAI).toLocalDate().equals(day);
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append("\r\n");
    }

    private static String csv(String value) {
        return value == null ? "" : value.replace(',', '，').replace('\r', ' ').replace('\n', ' ');
    }
}
