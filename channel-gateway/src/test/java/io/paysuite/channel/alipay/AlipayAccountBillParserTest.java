package io.paysuite.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.PayoutBillRow;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Alipay's account bill (账务明细) as the sandbox and Alipay render it: transfers and returns kept, the rest left out. */
class AlipayAccountBillParserTest {

    static final String CSV = String.join("\r\n",
            "#支付宝账务明细查询",
            "#账号：[20880000000000000156]",
            "#起始日期：[2026年12月05日 00:00:00]   终止日期：[2026年12月06日 00:00:00]",
            "#----------------------------------------账务明细列表----------------------------------------",
            "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注",
            "2026120501001,2026120502001,PO1,转账,2026-12-05 14:00:00,****1234,,-123.45,9999876.55,支付宝,转账,S20261205",
            "2026120501002,2026120502002,PO2,转账,2026-12-05 14:00:01,****8888,,-5.00,9999871.55,支付宝,转账,",
            "2026120501002R,2026120502002,PO2,退票,2026-12-05 14:00:06,****8888,5.00,,9999876.55,支付宝,退票,收款账户不存在",
            "2026120501003,2026120502003,,服务费,2026-12-05 15:00:00,,,-1.00,9999875.55,支付宝,服务费,",
            "#----------------------------------------账务明细列表结束----------------------------------------",
            "#支出合计：3笔，共129.45元",
            "#收入合计：1笔，共5.00元",
            "#导出时间：[2026年12月06日 09:00:00]", "");

    static byte[] zip(String csv) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("2088000000000000_20261205_账务明细.csv"));
            z.write(csv.getBytes(AlipayBillParser.GBK));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void transfersAndTheBanksReturnsAreReadByPayoutNumberAndOtherMovementsLeftOut() throws Exception {
        List<PayoutBillRow> rows = new AlipayAccountBillParser().parse(zip(CSV));

        assertThat(rows).containsExactly(
                new PayoutBillRow("PO1", PayoutBillRow.Kind.TRANSFER, 12_345, "2026120502001"),
                new PayoutBillRow("PO2", PayoutBillRow.Kind.TRANSFER, 500, "2026120502002"),
                new PayoutBillRow("PO2", PayoutBillRow.Kind.RETURN, 500, "2026120502002"));
    }

    @Test
    void aBillWhoseFooterDisagreesWithItsLinesIsRefusedNotReadShort() throws Exception {
        String truncated = CSV.replace("#支出合计：3笔", "#支出合计：4笔");
        assertThatThrownBy(() -> new AlipayAccountBillParser().parse(zip(truncated))).isInstanceOf(BillFormatException.class);
        assertThatThrownBy(() -> new AlipayAccountBillParser().parse(new byte[] {1, 2, 3})).isInstanceOf(BillFormatException.class);
    }
}
