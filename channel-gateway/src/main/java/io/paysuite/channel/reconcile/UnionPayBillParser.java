package io.paysuite.channel.reconcile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The UnionPay-style fixed-width reconciliation file of the channel sandbox (docs/adr/0006 §4 and
 * the sandbox README — UnionPay's own {@code fileTransfer.do} layout could not be confirmed): one
 * 91-character ASCII line per transaction settled that day, {@code orderId} 40, {@code queryId} 21,
 * {@code txnType} 2 ({@code 01} consume, {@code 04} refund), {@code txnAmt} 12 (fen), {@code txnTime}
 * 14 (Beijing), {@code respCode} 2. Only successful ({@code 00}) lines are money that moved; a line of
 * another length or with a non-numeric amount is a format error, never skipped.
 */
public final class UnionPayBillParser {

    static final int LINE_LENGTH = 40 + 21 + 2 + 12 + 14 + 2;
    private static final DateTimeFormatter TXN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public List<BillRow> parse(byte[] file) {
        String text = new String(file, StandardCharsets.US_ASCII);
        List<BillRow> rows = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\r?\n")) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() != LINE_LENGTH) {
                throw new BillFormatException("unionpay bill line " + number + " has " + line.length() + " characters, not " + LINE_LENGTH);
            }
            String orderId = line.substring(0, 40).trim();
            String queryId = line.substring(40, 61).trim();
            String txnType = line.substring(61, 63);
            String amount = line.substring(63, 75);
            String txnTime = line.substring(75, 89);
            String respCode = line.substring(89, 91);
            if (!amount.chars().allMatch(Character::isDigit)) {
                throw new BillFormatException("unionpay bill line " + number + ": amount '" + amount + "' is not fen");
            }
            if (!"00".equals(respCode)) {
                continue; // refused: no money moved
            }
            BillRow.Kind kind = switch (txnType) {
                case "01" -> BillRow.Kind.PAYMENT;
                case "04" -> BillRow.Kind.REFUND;
                default -> throw new BillFormatException("unionpay bill line " + number + ": unknown txnType " + txnType);
            };
            long fen = Long.parseLong(amount);
            try {
                rows.add(new BillRow(orderId, queryId, kind, kind == BillRow.Kind.REFUND ? -fen : fen,
                        LocalDateTime.parse(txnTime, TXN_TIME).atZone(BEIJING).toInstant()));
            } catch (DateTimeParseException e) {
                throw new BillFormatException("unionpay bill line " + number + ": txnTime '" + txnTime + "'", e);
            }
        }
        return rows;
    }
}
