package io.paysuite.channel.wechat;

import io.paysuite.channel.reconcile.BillColumns;
import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.BillRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * WeChat Pay's trade bill ({@code bill_type=ALL}): UTF-8 CSV, the detail header ({@code 交易时间,…}),
 * one row per payment ({@code 交易状态} SUCCESS; amount {@code 订单金额}, the {@code amount.total} we
 * asked for) and per refund (REFUND; amount {@code 退款金额}, negated), then the summary header
 * ({@code 总交易单数,…}) and one summary row. Every data field starts with a backtick (so spreadsheets
 * keep long numbers as text); it is stripped. The summary is required and its {@code 总交易单数} must
 * equal the detail rows read, so a truncated download is an error rather than a shorter day.
 * {@code REVOKED} rows (a payment-code order reversed the same day) move no money and are skipped.
 */
public final class WechatBillParser {

    private static final String BILL = "WeChat bill";
    private static final String DETAIL_FIRST = "交易时间";
    private static final String SUMMARY_FIRST = "总交易单数";

    public List<BillRow> parse(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        int at = 0;
        while (at < lines.length && lines[at].isBlank()) {
            at++;
        }
        if (at == lines.length || !lines[at].startsWith(DETAIL_FIRST + ",")) {
            throw new BillFormatException(BILL + " does not start with the detail header (" + DETAIL_FIRST + ",…)");
        }
        BillColumns columns = new BillColumns(BILL, Arrays.asList(lines[at].split(",", -1)));
        int time = columns.require("交易时间");
        int transactionId = columns.require("微信订单号");
        int outTradeNo = columns.require("商户订单号");
        int state = columns.require("交易状态");
        int orderAmount = columns.require("订单金额");
        int refundAmount = columns.require("退款金额");
        int outRefundNo = columns.optional("商户退款单号");
        int fee = columns.optional("手续费");

        List<BillRow> rows = new ArrayList<>();
        long detailRows = 0;
        for (at++; at < lines.length; at++) {
            String line = lines[at];
            int lineNo = at + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith(SUMMARY_FIRST + ",")) {
                checkSummary(lines, at, detailRows);
                return List.copyOf(rows);
            }
            List<String> fields = unticked(line);
            if (fields.size() != columns.width()) {
                throw new BillFormatException(BILL + " line " + lineNo + " has " + fields.size() + " fields, the header "
                        + columns.width());
            }
            detailRows++;
            String status = fields.get(state).trim();
            BillRow.Kind kind;
            long amount;
            switch (status) {
                case "SUCCESS" -> {
                    kind = BillRow.Kind.PAYMENT;
                    amount = columns.fen(fields.get(orderAmount), lineNo, "订单金额");
                }
                case "REFUND" -> {
                    kind = BillRow.Kind.REFUND;
                    amount = -Math.abs(columns.fen(fields.get(refundAmount), lineNo, "退款金额"));
                }
                case "REVOKED" -> {
                    continue;
                }
                default -> throw new BillFormatException(BILL + " line " + lineNo + ": unknown 交易状态 '" + status + "'");
            }
            // 手续费 is positive on a payment, negative on a refund (the fee WeChat gives back)
            String refundNo = kind == BillRow.Kind.REFUND && outRefundNo >= 0 && !fields.get(outRefundNo).isBlank()
                    ? fields.get(outRefundNo).trim() : null;
            rows.add(new BillRow(columns.text(fields.get(outTradeNo), lineNo, "商户订单号"),
                    columns.text(fields.get(transactionId), lineNo, "微信订单号"), kind, amount,
                    columns.time(fields.get(time), lineNo, "交易时间"), refundNo, columns.signedFen(fields, fee, lineNo, "手续费")));
        }
        throw new BillFormatException(BILL + " has no summary (" + SUMMARY_FIRST + ",…) after " + detailRows
                + " detail rows (truncated file?)");
    }

    private static void checkSummary(String[] lines, int header, long detailRows) {
        BillColumns summary = new BillColumns(BILL + " summary", Arrays.asList(lines[header].split(",", -1)));
        int count = summary.require(SUMMARY_FIRST);
        int next = header + 1;
        if (next >= lines.length || lines[next].isBlank()) {
            throw new BillFormatException(BILL + " summary header has no summary row (truncated file?)");
        }
        List<String> fields = unticked(lines[next]);
        if (fields.size() != summary.width()) {
            throw new BillFormatException(BILL + " line " + (next + 1) + " (summary) has " + fields.size() + " fields, its header "
                    + summary.width());
        }
        String stated = fields.get(count).trim();
        if (!stated.equals(Long.toString(detailRows))) {
            throw new BillFormatException(BILL + " summary says " + stated + " rows (" + SUMMARY_FIRST + "), the detail has "
                    + detailRows + " (truncated file?)");
        }
        for (int i = next + 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                throw new BillFormatException(BILL + " line " + (i + 1) + ": text after the summary row");
            }
        }
    }

    /** Splits a data line and strips each field's leading backtick. */
    private static List<String> unticked(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split(",", -1)) {
            fields.add(field.startsWith("`") ? field.substring(1) : field);
        }
        return fields;
    }
}
