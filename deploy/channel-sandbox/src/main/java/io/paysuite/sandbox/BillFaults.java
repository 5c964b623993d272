package io.paysuite.sandbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Differences injected into the channels' bills ({@code /sandbox/v1/bill-faults}), so reconciliation can be tested
 * against every kind of disagreement. Each channel applies them to its bill lines before rendering its own format:
 * <ul>
 *   <li>{@code ADD_LINE}: the bill lists a transaction as done that the channel's records do not — a payment of
 *       {@code out_trade_no} (one we never created: "only at the channel"; one we hold unpaid: a status mismatch), or a
 *       refund {@code out_refund_no} of it;</li>
 *   <li>{@code DROP_LINE}: the bill leaves out the payment of {@code out_trade_no}, or its refund {@code out_refund_no}
 *       (any refund of the order when none is given);</li>
 *   <li>{@code CHANGE_AMOUNT}: the bill states {@code amount_fen} for that payment or refund;</li>
 *   <li>{@code ADD_LINES} (Alipay's trade bill only): the bill lists {@code count} more payments of {@code amount_fen}
 *       each, numbered {@code out_trade_no} (a prefix) followed by a 7-digit sequence number from {@code 0000000},
 *       spread over the day — a bill of realistic size for timing reconciliation, whose orders the test creates on the
 *       platform's side itself (not faults as such: they are the volume the faults hide among).</li>
 * </ul>
 * Numbers are ours as the channel knows them: the channel order number ({@code out_trade_no}; UnionPay's
 * {@code orderId}) and the refund request number ({@code out_request_no}, {@code out_refund_no}; UnionPay's refund
 * {@code orderId}).
 */
@Component
public class BillFaults {

    public enum Action {
        ADD_LINE,
        DROP_LINE,
        CHANGE_AMOUNT,
        ADD_LINES
    }

    public enum Kind {
        PAYMENT,
        REFUND
    }

    /**
     * @param channel    upper case, as the control API names channels
     * @param outRefundNo a refund's number (REFUND), else null
     * @param amountFen  ADD_LINE, ADD_LINES and CHANGE_AMOUNT: the amount the bill states (per line)
     * @param count      ADD_LINES: how many lines, else null
     */
    public record BillFault(String channel, LocalDate day, Action action, Kind kind, String outTradeNo, String outRefundNo,
                            Long amountFen, Integer count) {

        public BillFault {
            channel = channel.toUpperCase(Locale.ROOT);
        }

        public BillFault(String channel, LocalDate day, Action action, Kind kind, String outTradeNo, String outRefundNo,
                         Long amountFen) {
            this(channel, day, action, kind, outTradeNo, outRefundNo, amountFen, null);
        }

        /** The out_trade_no of generated line {@code n} of an {@code ADD_LINES} fault. */
        public String generatedNo(int n) {
            return outTradeNo + String.format("%07d", n);
        }

        /**
         * Whether this fault is about a line: a payment by its {@code out_trade_no}; a refund by its refund number, or by
         * its order's {@code out_trade_no} when the fault names no refund.
         */
        public boolean about(Kind lineKind, String lineOutTradeNo, String lineRefundNo) {
            if (kind != lineKind) {
                return false;
            }
            if (lineKind == Kind.REFUND && outRefundNo != null) {
                return outRefundNo.equals(lineRefundNo);
            }
            return outTradeNo.equals(lineOutTradeNo);
        }
    }

    private final List<BillFault> faults = new CopyOnWriteArrayList<>();

    public void add(BillFault fault) {
        faults.add(fault);
    }

    public List<BillFault> all() {
        return List.copyOf(faults);
    }

    public void clear() {
        faults.clear();
    }

    /** The faults of one channel's bill of one day, in the order they were added. */
    public List<BillFault> of(String channel, LocalDate day) {
        List<BillFault> mine = new ArrayList<>();
        for (BillFault fault : faults) {
            if (fault.channel().equalsIgnoreCase(channel) && fault.day().equals(day)) {
                mine.add(fault);
            }
        }
        return mine;
    }

    /** Whether the line is dropped from the bill. */
    public static boolean dropped(List<BillFault> faults, Kind kind, String outTradeNo, String refundNo) {
        return faults.stream().anyMatch(f -> f.action() == Action.DROP_LINE && f.about(kind, outTradeNo, refundNo));
    }

    /** The amount the bill states for the line: the last CHANGE_AMOUNT about it, else {@code fen}. */
    public static long amount(List<BillFault> faults, Kind kind, String outTradeNo, String refundNo, long fen) {
        long stated = fen;
        for (BillFault f : faults) {
            if (f.action() == Action.CHANGE_AMOUNT && f.about(kind, outTradeNo, refundNo)) {
                stated = f.amountFen();
            }
        }
        return stated;
    }

    /** The lines the bill adds. */
    public static List<BillFault> added(List<BillFault> faults) {
        return faults.stream().filter(f -> f.action() == Action.ADD_LINE).toList();
    }

    /** The generated volumes the bill adds ({@code ADD_LINES}). */
    public static List<BillFault> generated(List<BillFault> faults) {
        return faults.stream().filter(f -> f.action() == Action.ADD_LINES).toList();
    }
}
