package io.paysuite.channel.alipay;

import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.PayoutBillRow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alipay's account bill ({@code bill_type=signcustomer}, 账务明细): a zip holding the GBK CSV {@code *_账务明细.csv}
 * whose lines are every movement of the platform's Alipay account. Transfers to bank cards are 业务类型 {@code 转账}
 * (支出, keyed by 商户订单号 = our payout number) and the bank's returns {@code 退票} (收入); other movements are
 * left out. Columns are found by their header names; the footer's 支出/收入 counts are checked against the lines, so a
 * truncated download is refused rather than read as a day with fewer payouts.
 */
public final class AlipayAccountBillParser {

    static final String DETAIL_SUFFIX = "_账务明细.csv";
    static final String TRANSFER = "转账";
    static final String RETURN = "退票";
    private static final String BILL = "Alipay account bill";
    private static final Pattern OUT_TOTAL = Pattern.compile("#支出合计：(\\d+)笔.*");
    private static final Pattern IN_TOTAL = Pattern.compile("#收入合计：(\\d+)笔.*");

    public List<PayoutBillRow> parse(byte[] zip) {
        return parseDetail(AlipayBillParser.entry(zip, DETAIL_SUFFIX, BILL));
    }

    static List<PayoutBillRow> parseDetail(byte[] csv) {
        String[] lines = new String(csv, AlipayBillParser.GBK).split("\r?\n", -1);
        List<String> header = null;
        List<PayoutBillRow> rows = new ArrayList<>();
        long outs = 0;
        long ins = 0;
        Long outTotal = null;
        Long inTotal = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher out = OUT_TOTAL.matcher(line);
                Matcher in = IN_TOTAL.matcher(line);
                if (out.matches()) {
                    outTotal = Long.parseLong(out.group(1));
                } else if (in.matches()) {
                    inTotal = Long.parseLong(in.group(1));
                }
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = List.of(cells);
                continue;
            }
            String orderNo = cell(cells, header, "商户订单号");
            String serial = cell(cells, header, "业务流水号");
            String type = cell(cells, header, "业务类型");
            Long in = AlipayAmounts.fen(cell(cells, header, "收入金额（+元）"));
            Long out = AlipayAmounts.fen(cell(cells, header, "支出金额（-元）"));
            if (in != null && in != 0) {
                ins++;
            }
            if (out != null && out != 0) {
                outs++;
            }
            if (TRANSFER.equals(type) && out != null) {
                rows.add(new PayoutBillRow(orderNo, PayoutBillRow.Kind.TRANSFER, Math.abs(out), serial));
            } else if (RETURN.equals(type) && in != null) {
                rows.add(new PayoutBillRow(orderNo, PayoutBillRow.Kind.RETURN, Math.abs(in), serial));
            }
        }
        if (header == null) {
            throw new BillFormatException(BILL + " has no header line");
        }
        if (outTotal == null || inTotal == null || outTotal != outs || inTotal != ins) {
            throw new BillFormatException(BILL + " footer says " + outTotal + " out, " + inTotal + " in; the lines hold " + outs
                    + " out, " + ins + " in");
        }
        return rows;
    }

    private static String cell(String[] cells, List<String> header, String name) {
        int at = header.indexOf(name);
        if (at < 0) {
            throw new BillFormatException(BILL + " has no column " + name + "; header: " + header);
        }
        return at < cells.length ? cells[at].strip() : "";
    }
}
