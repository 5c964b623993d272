package io.paysuite.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.BillRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Bills rendered exactly as the channel sandbox renders Alipay's (deploy/channel-sandbox AlipayBill): GBK CSVs, CRLF, in a zip. */
public class AlipayBillParserTest {

    static final Charset GBK = Charset.forName("GBK");
    static final String RULE = "-".repeat(40);
    static final String DETAIL_HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
            + "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
            + "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    final AlipayBillParser parser = new AlipayBillParser();

    public static String payment(String tradeNo, String outTradeNo, String yuan, String paidAt) {
        return String.join(",", tradeNo, outTradeNo, "交易", "奶茶，大杯", "2026-11-29 22:10:00", paidAt, "", "", "", "", "bu***@example.com",
                yuan, yuan, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00", "", "0.00", "0.00", "");
    }

    static String refund(String tradeNo, String outTradeNo, String orderYuan, String refundYuan, String at, String requestNo) {
        return String.join(",", tradeNo, outTradeNo, "退款", "奶茶，大杯", "2026-11-29 22:10:00", at, "", "", "", "", "bu***@example.com",
                orderYuan, "-" + refundYuan, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00", requestNo, "0.00", "0.00", "");
    }

    static String detail(List<String> rows, int trades, int refunds) {
        StringBuilder csv = new StringBuilder();
        for (String line : List.of("#支付宝业务明细查询", "#账号：[20880000000000010156]",
                "#起始日期：[2026年11月29日 00:00:00]   终止日期：[2026年11月30日 00:00:00]", "#" + RULE + "业务明细列表" + RULE, DETAIL_HEADER)) {
            csv.append(line).append("\r\n");
        }
        rows.forEach(row -> csv.append(row).append("\r\n"));
        csv.append("#" + RULE + "业务明细列表结束" + RULE).append("\r\n");
        csv.append("#交易合计：" + trades + "笔，退款合计：" + refunds + "笔").append("\r\n");
        csv.append("#导出时间：[2026年11月29日 23:59:00]").append("\r\n");
        return csv.toString();
    }

    static byte[] zip(String detailName, String detail) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("2088000000000001_20261129_业务明细.csv".replace("_业务明细.csv", detailName)));
            out.write(detail.getBytes(GBK));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("2088000000000001_20261129_业务明细(汇总).csv"));
            out.write(("#支付宝业务汇总查询\r\n门店编号,门店名称,交易订单总笔数,退款订单总笔数\r\n合计,,2,1\r\n").getBytes(GBK));
            out.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] sandboxZip(List<String> rows, int trades, int refunds) {
        return zip("_业务明细.csv", detail(rows, trades, refunds));
    }

    @Test
    void paymentsAndRefundsOfTheSandboxBillBecomeRowsInFen() {
        byte[] bill = sandboxZip(List.of(
                payment("2026112922000000000000000001", "C2026112914000001000010004", "20.00", "2026-11-29 22:17:12"),
                payment("2026112922000000000000000002", "C2026112914000001000010005", "0.01", "2026-11-29 23:00:00"),
                refund("2026112922000000000000000001", "C2026112914000001000010004", "20.00", "2.50", "2026-11-29 23:10:00",
                        "RC2026112914000001000010004")), 2, 1);

        List<BillRow> rows = parser.parse(bill);

        assertThat(rows).containsExactly(
                new BillRow("C2026112914000001000010004", "2026112922000000000000000001", BillRow.Kind.PAYMENT, 2000,
                        Instant.parse("2026-11-29T14:17:12Z")),
                new BillRow("C2026112914000001000010005", "2026112922000000000000000002", BillRow.Kind.PAYMENT, 1,
                        Instant.parse("2026-11-29T15:00:00Z")),
                new BillRow("C2026112914000001000010004", "2026112922000000000000000001", BillRow.Kind.REFUND, -250,
                        Instant.parse("2026-11-29T15:10:00Z"), "RC2026112914000001000010004", 0));
    }

    @Test
    void aDayWithoutTradesIsAnEmptyBillNotAnError() {
        assertThat(parser.parse(sandboxZip(List.of(), 0, 0))).isEmpty();
    }

    @Test
    void columnsAreFoundByNameNotPosition() {
        String moved = "备注,商户订单号,业务类型,完成时间,商家实收（元）,订单金额（元）,支付宝交易号";
        String csv = "#支付宝业务明细查询\r\n" + moved + "\r\n" + ",C1,交易,2026-11-29 08:00:00,12.30,12.30,T1\r\n";

        assertThat(parser.parse(zip("_业务明细.csv", csv)))
                .containsExactly(new BillRow("C1", "T1", BillRow.Kind.PAYMENT, 1230, Instant.parse("2026-11-29T00:00:00Z")));
    }

    @Test
    void malformedBillsAreClearErrorsNeverAnEmptyDay() {
        assertThatThrownBy(() -> parser.parse("<html>error</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("not a zip");
        assertThatThrownBy(() -> parser.parse(zip("_其他.csv", detail(List.of(), 0, 0))))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("_业务明细.csv");
        assertThatThrownBy(() -> parser.parse(zip("_业务明细.csv", "#only comments\r\n")))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("no header");
        assertThatThrownBy(() -> parser.parse(zip("_业务明细.csv", detail(List.of(), 0, 0).replace("订单金额（元）", "金额"))))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("订单金额（元）");
        assertThatThrownBy(() -> parser.parse(sandboxZip(List.of(payment("T1", "C1", "12.345", "2026-11-29 08:00:00")), 1, 0)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("12.345");
        assertThatThrownBy(() -> parser.parse(sandboxZip(List.of(payment("T1", "C1", "12.00", "2026-11-29 08:00:00")), 2, 0)))
                .as("the totals line counts more rows than the file holds: truncated")
                .isInstanceOf(BillFormatException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> parser.parse(sandboxZip(List.of("T1,C1,交易"), 1, 0)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("fields");
        assertThatThrownBy(() -> parser.parse(sandboxZip(List.of(payment("T1", "C1", "1.00", "2026-11-29 08:00:00").replace("交易", "冻结")), 1, 0)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("冻结");
    }
}
