package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.SandboxChannel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The sandbox's UnionPay-style reconciliation file. The real file (fetched with {@code fileTransfer.do}) has a layout
 * we could not confirm, so this is our own fixed-width layout (docs/adr/0006-channel-edge-plan.md §4), written down in
 * the module's README: one ASCII line per transaction settled that day (Beijing time), CRLF, no header or trailer:
 *
 * <pre>
 * orderId   40  left-justified, space-padded
 * queryId   21
 * txnType    2  01 consume, 04 refund
 * txnAmt    12  fen, zero-padded
 * txnTime   14  yyyyMMddHHmmss as the merchant sent it
 * respCode   2  the transaction's result: 00 success, else the refusal (e.g. 64)
 * </pre>
 */
final class UnionPayBill {

    static final int LINE_LENGTH = 40 + 21 + 2 + 12 + 14 + 2;
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** A settled transaction as the bill shows it. */
    record Row(String orderId, String queryId, String txnType, long amountFen, String txnTime, String respCode) {
    }

    private UnionPayBill() {
    }

    static String line(Row row) {
        return String.format("%-40s%-21s%-2s%012d%-14s%-2s", row.orderId(), row.queryId(), row.txnType(), row.amountFen(),
                row.txnTime(), row.respCode());
    }

    static SandboxChannel.BillFile render(String merId, LocalDate day, List<Row> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(line(row)).append("\r\n"));
        return new SandboxChannel.BillFile("UNIONPAY_" + merId + "_" + COMPACT.format(day) + ".txt", "text/plain;charset=US-ASCII",
                text.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
