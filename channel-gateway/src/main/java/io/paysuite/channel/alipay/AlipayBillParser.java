package io.paysuite.channel.alipay;

import io.paysuite.channel.reconcile.BillColumns;
import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.BillRow;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Alipay's trade bill ({@code bill_type=trade}): a zip of GBK CSV files, of which the one named
 * {@code …_业务明细.csv} holds the detail rows. Lines starting with {@code #} are comments; the first
 * other line is the header; {@code 业务类型} {@code 交易} rows are payments (amount: {@code 订单金额（元）},
 * what we asked Alipay to charge), {@code 退款} rows refunds (amount: {@code 商家实收（元）}, negative;
 * on a refund row {@code 订单金额（元）} is the trade's amount, not the refund).
 * When the trailer {@code #交易合计：N笔，退款合计：M笔} is present the counts must agree, so a truncated
 * file is an error rather than a shorter day.
 *
 * <p>The detail file is read line by line straight out of the zip ({@link ZipInputStream} and a GBK
 * {@link BufferedReader}, both JDK): only the parsed rows are held, never the unzipped file, its decoded text
 * or an array of its lines — for a day of 100 000 payments that is the difference between ~25 MB of rows and
 * another ~130 MB of text on a 384 MB heap.
 */
public final class AlipayBillParser {

    static final Charset GBK = Charset.forName("GBK");
    static final String DETAIL_SUFFIX = "_业务明细.csv";

    private static final String BILL = "Alipay bill";
    private static final Pattern TOTALS = Pattern.compile("#交易合计：(\\d+)笔，退款合计：(\\d+)笔.*");

    /** Entry names are read as GBK unless flagged UTF-8 (the JDK honours the flag). */
    public List<BillRow> parse(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), GBK)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().endsWith(DETAIL_SUFFIX)) {
                    return parseDetail(new BufferedReader(new InputStreamReader(in, GBK)));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BillFormatException(BILL + " is not a readable zip: " + e.getMessage(), e);
        }
        throw new BillFormatException(names.isEmpty() ? BILL + " is not a zip (or an empty one)"
                : BILL + " zip has no *" + DETAIL_SUFFIX + " file; entries: " + names);
    }

    /** The bytes of the zip's entry whose name ends with {@code suffix}; {@code bill} names the file in errors. */
    static byte[] entry(byte[] zip, String suffix, String bill) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), GBK)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().endsWith(suffix)) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BillFormatException(bill + " is not a readable zip: " + e.getMessage(), e);
        }
        throw new BillFormatException(names.isEmpty() ? bill + " is not a zip (or an empty one)"
                : bill + " zip has no *" + suffix + " file; entries: " + names);
    }

    static List<BillRow> parseDetail(byte[] csv) {
        try {
            return parseDetail(new BufferedReader(new InputStreamReader(new ByteArrayInputStream(csv), GBK)));
        } catch (IOException e) {
            throw new BillFormatException(BILL + " could not be read: " + e.getMessage(), e);
        }
    }

    private static List<BillRow> parseDetail(BufferedReader lines) throws IOException {
        BillColumns columns = null;
        int tradeNo = 0;
        int outTradeNo = 0;
        int type = 0;
        int finished = 0;
        int orderAmount = 0;
        int received = 0;
        int requestNo = -1;
        int serviceFee = -1;
        List<BillRow> rows = new ArrayList<>();
        long payments = 0;
        long refunds = 0;
        boolean totalsChecked = false;
        int lineNo = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher totals = TOTALS.matcher(line.trim());
                if (totals.matches()) {
                    checkTotals(totals, payments, refunds);
                    totalsChecked = true;
                }
                continue;
            }
            List<String> fields = Arrays.asList(line.split(",", -1));
            if (columns == null) {
                columns = new BillColumns(BILL, fields);
                tradeNo = columns.require("支付宝交易号");
                outTradeNo = columns.require("商户订单号");
                type = columns.require("业务类型");
                finished = columns.require("完成时间");
                orderAmount = columns.require("订单金额（元）");
                received = columns.require("商家实收（元）");
                requestNo = columns.optional("退款批次号/请求号");
                serviceFee = columns.optional("服务费（元）");
                continue;
            }
            if (totalsChecked) {
                throw new BillFormatException(BILL + " line " + lineNo + ": a detail row after the totals line");
            }
            if (fields.size() < columns.width()) {
                throw new BillFormatException(BILL + " line " + lineNo + " has " + fields.size() + " fields, the header "
                        + columns.width());
            }
            String kind = fields.get(type).trim();
            BillRow.Kind rowKind = switch (kind) {
                case "交易" -> BillRow.Kind.PAYMENT;
                case "退款" -> BillRow.Kind.REFUND;
                default -> throw new BillFormatException(BILL + " line " + lineNo + ": unknown 业务类型 '" + kind + "'");
            };
            long amount = rowKind == BillRow.Kind.PAYMENT
                    ? columns.fen(fields.get(orderAmount), lineNo, "订单金额（元）")
                    : -Math.abs(columns.fen(fields.get(received), lineNo, "商家实收（元）"));
            if (rowKind == BillRow.Kind.PAYMENT) {
                payments++;
            } else {
                refunds++;
            }
            // 服务费 is what the merchant pays, printed negative on a payment (and positive when a refund returns it)
            String refundNo = rowKind == BillRow.Kind.REFUND && requestNo >= 0 && !fields.get(requestNo).isBlank()
                    ? fields.get(requestNo).trim() : null;
            rows.add(new BillRow(columns.text(fields.get(outTradeNo), lineNo, "商户订单号"),
                    columns.text(fields.get(tradeNo), lineNo, "支付宝交易号"), rowKind, amount,
                    columns.time(fields.get(finished), lineNo, "完成时间"), refundNo,
                    -columns.signedFen(fields, serviceFee, lineNo, "服务费（元）")));
        }
        if (columns == null) {
            throw new BillFormatException(BILL + " detail file has no header line (支付宝交易号,…)");
        }
        return List.copyOf(rows);
    }

    private static void checkTotals(Matcher totals, long payments, long refunds) {
        long statedPayments = Long.parseLong(totals.group(1));
        long statedRefunds = Long.parseLong(totals.group(2));
        if (statedPayments != payments || statedRefunds != refunds) {
            throw new BillFormatException(BILL + " totals line says " + statedPayments + " payments and " + statedRefunds
                    + " refunds, the detail has " + payments + " and " + refunds + " (truncated file?)");
        }
    }
}
