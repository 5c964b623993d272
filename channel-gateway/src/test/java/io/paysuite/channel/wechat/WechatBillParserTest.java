package io.paysuite.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.BillRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Bills rendered exactly as the channel sandbox renders WeChat's (deploy/channel-sandbox WechatBill): UTF-8, CRLF, backticks. */
public class WechatBillParserTest {

    static final String DETAIL_HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
            + "货币种类,应结订单总金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
            + "手续费,费率,订单金额,申请退款金额,费率备注";
    static final String SUMMARY_HEADER = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

    final WechatBillParser parser = new WechatBillParser();

    public static String ticked(String... fields) {
        return Stream.of(fields).map(f -> "`" + f).collect(Collectors.joining(","));
    }

    public static String payment(String at, String transactionId, String outTradeNo, String yuan) {
        return ticked(at, "wx8888888888888888", "1900000001", "0", "", transactionId, outTradeNo, "oSbxOPENID", "NATIVE", "SUCCESS",
                "OTHERS", "CNY", yuan, "0.00", "0", "0", "0.00", "0.00", "", "", "沙箱测试商品", "", "0.00", "0.00%", yuan, "0.00", "");
    }

    static String refund(String at, String transactionId, String outTradeNo, String orderYuan, String refundYuan) {
        return ticked(at, "wx8888888888888888", "1900000001", "0", "", transactionId, outTradeNo, "oSbxOPENID", "NATIVE", "REFUND",
                "OTHERS", "CNY", orderYuan, "0.00", "50202611290000000000123456790", "B" + outTradeNo, refundYuan, "0.00", "ORIGINAL",
                "SUCCESS", "沙箱测试商品", "", "0.00", "0.00%", orderYuan, refundYuan, "");
    }

    public static byte[] bill(List<String> rows, String summary) {
        StringBuilder csv = new StringBuilder(DETAIL_HEADER).append("\r\n");
        rows.forEach(row -> csv.append(row).append("\r\n"));
        csv.append(SUMMARY_HEADER).append("\r\n").append(summary).append("\r\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void paymentsAndRefundsOfTheSandboxBillBecomeRowsInFen() {
        byte[] csv = bill(List.of(
                payment("2026-11-29 22:17:12", "4200202611290000000123456789", "C2026112914000001000010004", "20.00"),
                refund("2026-11-29 22:18:40", "4200202611290000000123456789", "C2026112914000001000010004", "20.00", "2.50"),
                payment("2026-11-29 23:59:59", "4200202611290000000123456790", "C2026112914000001000010005", "1234567.89")),
                ticked("3", "1234587.89", "2.50", "0.00", "0.00", "1234587.89", "2.50"));

        assertThat(parser.parse(csv)).containsExactly(
                new BillRow("C2026112914000001000010004", "4200202611290000000123456789", BillRow.Kind.PAYMENT, 2000,
                        Instant.parse("2026-11-29T14:17:12Z")),
                new BillRow("C2026112914000001000010004", "4200202611290000000123456789", BillRow.Kind.REFUND, -250,
                        Instant.parse("2026-11-29T14:18:40Z"), "BC2026112914000001000010004", 0),
                new BillRow("C2026112914000001000010005", "4200202611290000000123456790", BillRow.Kind.PAYMENT, 123456789,
                        Instant.parse("2026-11-29T15:59:59Z")));
    }

    @Test
    void theChannelsFeeIsReadPositiveOnAPaymentAndNegativeOnARefund() {
        String paid = payment("2026-11-29 22:17:12", "4200202611290000000123456789", "C2026112914000001000010004", "20.00")
                .replace("`0.00,`0.00%", "`0.12,`0.6%");
        String refunded = refund("2026-11-29 22:18:40", "4200202611290000000123456789", "C2026112914000001000010004", "20.00", "2.50")
                .replace("`0.00,`0.00%", "`-0.02,`0.6%");

        List<BillRow> rows = parser.parse(bill(List.of(paid, refunded), ticked("2", "20.00", "2.50", "0.00", "0.10", "20.00", "2.50")));

        assertThat(rows).extracting(BillRow::feeMinor).containsExactly(12L, -2L);
        assertThat(rows).extracting(BillRow::key).containsExactly("C2026112914000001000010004", "BC2026112914000001000010004");
    }

    @Test
    void aDayWithoutTradesIsAnEmptyBillNotAnError() {
        assertThat(parser.parse(bill(List.of(), ticked("0", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00")))).isEmpty();
    }

    @Test
    void malformedBillsAreClearErrorsNeverAnEmptyDay() {
        String row = payment("2026-11-29 22:17:12", "4200", "C1", "20.00");
        String one = ticked("1", "20.00", "0.00", "0.00", "0.00", "20.00", "0.00");

        assertThatThrownBy(() -> parser.parse("{\"code\":\"SYSTEM_ERROR\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("detail header");
        assertThatThrownBy(() -> parser.parse((DETAIL_HEADER + "\r\n" + row + "\r\n").getBytes(StandardCharsets.UTF_8)))
                .as("cut before the summary").isInstanceOf(BillFormatException.class).hasMessageContaining("no summary");
        assertThatThrownBy(() -> parser.parse(bill(List.of(row), ticked("2", "40.00", "0.00", "0.00", "0.00", "40.00", "0.00"))))
                .as("the summary counts a row the file lacks").isInstanceOf(BillFormatException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> parser.parse(bill(List.of(row.replace("`20.00", "`20.001")), one)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("20.001");
        assertThatThrownBy(() -> parser.parse(bill(List.of(row.substring(0, row.lastIndexOf(','))), one)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("fields");
        assertThatThrownBy(() -> parser.parse(bill(List.of(row.replace("`SUCCESS", "`CLOSED")), one)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> parser.parse(bill(List.of(row.replace("`C1,", "`,")), one)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("商户订单号");
        assertThatThrownBy(() -> parser.parse(new String(bill(List.of(row), one), StandardCharsets.UTF_8)
                .replace("订单金额,申请退款金额", "金额,申请退款金额").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("订单金额");
    }
}
