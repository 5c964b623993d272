package io.paysuite.channel.unionpay;

import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.BillRow;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * UnionPay's merchant transaction detail ("ZM") file, as taken out of the {@code fileTransReq} archive
 * ({@link UnionPayBillArchive}): one GBK record per transaction settled that day, 42 fixed-width fields one byte apart
 * ({@link UnionPayZmLayout}: the ACP SDK's {@code parseZMFile} length array, {@value UnionPayZmLayout#LINE_BYTES}
 * bytes a line). We read 商户订单号 (our order number), 查询流水号 (UnionPay's queryId), 交易类型 ({@code 01} consume,
 * {@code 04} refund — any other type is a format error, as before), 交易金额 (fen, 12 digits) and 交易传输时间.
 *
 * <p>The file lists only transactions that succeeded, so every record is money that moved (it has no response code; the
 * old sandbox-only layout had one). A line of another byte length, a non-numeric amount or an unreadable time is a
 * {@link BillFormatException}, never a skipped line; only empty lines are ignored.
 *
 * <p>交易传输时间 is {@code MMDDhhmmss} without a year: we take the year that puts it no later than a day after the
 * bill's day ({@link #forBillDate}), so a file read years later, or a December line in January's file, still gets its
 * year right. That it is Beijing time is [unconfirmed].
 */
public final class UnionPayBillParser {

    static final int LINE_LENGTH = UnionPayZmLayout.LINE_BYTES;
    static final Charset GBK = Charset.forName("GBK");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    UnionPayBillParser(Clock clock) {
        this.clock = clock;
    }

    /** The parser of the file of {@code billDate}: years are read relative to that day, not to today. */
    public static UnionPayBillParser forBillDate(java.time.LocalDate billDate) {
        return new UnionPayBillParser(Clock.fixed(billDate.plusDays(1).atStartOfDay(BEIJING).toInstant(), BEIJING));
    }

    public List<BillRow> parse(byte[] file) {
        List<BillRow> rows = new ArrayList<>();
        int number = 0;
        int start = 0;
        while (start < file.length) {
            int end = start;
            while (end < file.length && file[end] != '\n') {
                end++; // GBK trail bytes are 0x40..0xFE: a 0x0A byte is always a line break
            }
            int next = end + 1;
            if (end > start && file[end - 1] == '\r') {
                end--;
            }
            number++;
            if (end > start) {
                rows.add(record(Arrays.copyOfRange(file, start, end), number));
            }
            start = next;
        }
        return rows;
    }

    private BillRow record(byte[] line, int number) {
        if (line.length != LINE_LENGTH) {
            throw new BillFormatException("unionpay bill line " + number + " has " + line.length + " bytes, not " + LINE_LENGTH);
        }
        String orderId = field(line, UnionPayZmLayout.ORDER_ID).strip();
        String queryId = field(line, UnionPayZmLayout.QUERY_ID).strip();
        String txnType = field(line, UnionPayZmLayout.TXN_TYPE);
        String amount = field(line, UnionPayZmLayout.TXN_AMT);
        String traceTime = field(line, UnionPayZmLayout.TRACE_TIME);
        if (!amount.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BillFormatException("unionpay bill line " + number + ": amount '" + amount + "' is not fen");
        }
        BillRow.Kind kind = switch (txnType) {
            // a pre-auth's completion (03) is where a card pre-authorisation's money is taken: a payment under its own
            // orderId (the completion's number); the pre-auth (02) and its cancel (32) move no money and are no line
            case "01", "03" -> BillRow.Kind.PAYMENT;
            case "04" -> BillRow.Kind.REFUND;
            default -> throw new BillFormatException("unionpay bill line " + number + ": unknown txnType " + txnType);
        };
        if (orderId.isEmpty()) {
            throw new BillFormatException("unionpay bill line " + number + ": no orderId");
        }
        long fen = Long.parseLong(amount);
        // a refund is its own ACP transaction: its orderId is our refund number
        return new BillRow(orderId, queryId, kind, kind == BillRow.Kind.REFUND ? -fen : fen, finishedAt(traceTime, number),
                kind == BillRow.Kind.REFUND ? orderId : null, fee(field(line, UnionPayZmLayout.MERCHANT_FEE), number));
    }

    /** 商户手续费 as X+n12: D (debited to the merchant) a positive fee, C (credited back) a negative one; blank is none. */
    private static long fee(String field, int number) {
        String signed = field.strip();
        if (signed.isEmpty()) {
            return 0;
        }
        String digits = signed.substring(1);
        if (signed.length() != 13 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || signed.charAt(0) != 'D' && signed.charAt(0) != 'C') {
            throw new BillFormatException("unionpay bill line " + number + ": 商户手续费 '" + signed + "' is not X+n12");
        }
        long fen = Long.parseLong(digits);
        return signed.charAt(0) == 'D' ? fen : -fen;
    }

    private static String field(byte[] line, int field) {
        return new String(line, UnionPayZmLayout.offset(field), UnionPayZmLayout.LENGTHS[field], GBK);
    }

    private java.time.Instant finishedAt(String traceTime, int number) {
        if (traceTime.length() != 10 || !traceTime.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BillFormatException("unionpay bill line " + number + ": traceTime '" + traceTime + "'");
        }
        ZonedDateTime latest = ZonedDateTime.now(clock.withZone(BEIJING)).plusDays(1);
        int month = Integer.parseInt(traceTime.substring(0, 2));
        int day = Integer.parseInt(traceTime.substring(2, 4));
        int hour = Integer.parseInt(traceTime.substring(4, 6));
        int minute = Integer.parseInt(traceTime.substring(6, 8));
        int second = Integer.parseInt(traceTime.substring(8, 10));
        for (int year = latest.getYear(); year >= latest.getYear() - 4; year--) { // 4: back to a 29 February
            ZonedDateTime at;
            try {
                at = LocalDateTime.of(year, month, day, hour, minute, second).atZone(BEIJING);
            } catch (DateTimeException e) {
                if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
                    throw new BillFormatException("unionpay bill line " + number + ": traceTime '" + traceTime + "'", e);
                }
                continue; // 29 February of a common year
            }
            if (!at.isAfter(latest)) {
                return at.toInstant();
            }
        }
        throw new BillFormatException("unionpay bill line " + number + ": traceTime '" + traceTime + "'");
    }
}
