package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.refund.ChannelRefund;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Matches one channel day's bill with our records of that day, payments and refunds alike, in memory and in
 * one pass over each side (hash maps keyed by the number both sides know: our channel order number for a
 * payment, our refund number for a refund).
 *
 * <ul>
 *   <li>a bill line whose record of ours succeeded with the same amount is matched — also when ours finished on
 *       a neighbouring day (paid just before midnight, our result recorded just after), found by its number;</li>
 *   <li>{@code AMOUNT_MISMATCH}: both succeeded, the amounts differ (a number twice in the bill is summed, so a
 *       duplicated line shows up here);</li>
 *   <li>{@code STATUS_MISMATCH}: the bill says the money moved, our record is not a success (processing,
 *       being reversed, closed or failed);</li>
 *   <li>{@code CHANNEL_ONLY}: a bill line with no record of ours at all;</li>
 *   <li>{@code PLATFORM_ONLY}: our success of that day the bill does not list.</li>
 * </ul>
 * Pure: the caller reads the records, so it is tested (and benchmarked) without a database.
 */
public final class BillMatching {

    /**
     * @param matched  bill lines (after summing a number's lines) that agree with ours
     * @param found    every difference, payments first, in bill order then ours
     * @param totals   the day's figures both sides state
     */
    public record Result(long matched, List<Found> found, Totals totals) {
    }

    /**
     * The day's figures, fen. Refunds and fees as the bill states them: {@code billRefunded} positive,
     * {@code billFee} net of fees given back.
     *
     * @param expectedFee the fee the routing rules' rates give for the bill's lines, net of fees given back
     *                    ({@link ExpectedFee}); the bill's own fee where no rule states a rate
     */
    public record Totals(long billPayments, long billRefunds, long billGross, long billRefunded, long billFee, long ourPaid,
                         long ourRefunded, long expectedFee) {

        /** Figures whose fee was not checked against a rate: the bill's fee is taken as expected. */
        public Totals(long billPayments, long billRefunds, long billGross, long billRefunded, long billFee, long ourPaid,
                      long ourRefunded) {
            this(billPayments, billRefunds, billGross, billRefunded, billFee, ourPaid, ourRefunded, billFee);
        }

        /** What the channel settles for the day: gross − refunds − fee. */
        public long settled() {
            return billGross - billRefunded - billFee;
        }

        /** What we expected it to settle: our payments − our refunds of the day, at the fee our rates give. */
        public long expected() {
            return ourPaid - ourRefunded - expectedFee;
        }

        public Totals withExpectedFee(long fee) {
            return new Totals(billPayments, billRefunds, billGross, billRefunded, billFee, ourPaid, ourRefunded, fee);
        }
    }

    private BillMatching() {
    }

    /**
     * @param ourPaid      our channel orders of the channel that became SUCCESS within the day
     * @param anyOrder     any channel order by its number, whatever its state or day (asked only for bill lines not
     *                     among {@code ourPaid})
     * @param ourRefunded  our channel refunds of the channel that became SUCCESS within the day
     * @param anyRefund    any channel refund by its number
     */
    public static Result match(List<BillRow> bill, Collection<ChannelOrder> ourPaid, Function<String, Optional<ChannelOrder>> anyOrder,
                               Collection<ChannelRefund> ourRefunded, Function<String, Optional<ChannelRefund>> anyRefund) {
        Map<String, BillRow> billPaid = new HashMap<>(bill.size() * 2);
        Map<String, BillRow> billRefunded = new HashMap<>();
        List<String> paidOrder = new ArrayList<>(bill.size());
        List<String> refundOrder = new ArrayList<>();
        long payments = 0;
        long refunds = 0;
        long gross = 0;
        long refunded = 0;
        long fee = 0;
        for (BillRow row : bill) {
            fee = Math.addExact(fee, row.feeMinor());
            if (row.kind() == BillRow.Kind.REFUND) {
                refunds++;
                refunded = Math.addExact(refunded, Math.abs(row.amountMinor()));
                if (billRefunded.merge(row.key(), row, BillMatching::summed) == row) {
                    refundOrder.add(row.key());
                }
            } else {
                payments++;
                gross = Math.addExact(gross, row.amountMinor());
                if (billPaid.merge(row.key(), row, BillMatching::summed) == row) {
                    paidOrder.add(row.key());
                }
            }
        }

        Map<String, ChannelOrder> paidHere = new HashMap<>(ourPaid.size() * 2);
        long ourPaidSum = 0;
        for (ChannelOrder order : ourPaid) {
            paidHere.put(order.channelOrderNo(), order);
            ourPaidSum = Math.addExact(ourPaidSum, order.amount().minor());
        }
        Map<String, ChannelRefund> refundedHere = new HashMap<>(ourRefunded.size() * 2);
        long ourRefundedSum = 0;
        for (ChannelRefund refund : ourRefunded) {
            refundedHere.put(refund.refundNo(), refund);
            ourRefundedSum = Math.addExact(ourRefundedSum, refund.refund().minor());
        }

        List<Found> found = new ArrayList<>();
        long matched = 0;
        for (String number : paidOrder) {
            BillRow line = billPaid.get(number);
            ChannelOrder ours = paidHere.get(number);
            if (ours == null) {
                ours = anyOrder.apply(number).orElse(null);
            }
            long amount = line.amountMinor();
            if (ours == null) {
                found.add(new Found(DifferenceType.CHANNEL_ONLY, DifferenceKind.PAYMENT, null, null, null, number, amount,
                        line.channelTradeNo()));
            } else if (ours.status() != ChannelOrderStatus.SUCCESS) {
                found.add(new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.PAYMENT, number, ours.amount().minor(),
                        ours.status().name(), number, amount, line.channelTradeNo()));
            } else if (ours.amount().minor() != amount) {
                found.add(new Found(DifferenceType.AMOUNT_MISMATCH, DifferenceKind.PAYMENT, number, ours.amount().minor(),
                        ours.status().name(), number, amount, line.channelTradeNo()));
            } else {
                matched++;
            }
        }
        for (ChannelOrder ours : ourPaid) {
            if (!billPaid.containsKey(ours.channelOrderNo())) {
                found.add(new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.PAYMENT, ours.channelOrderNo(), ours.amount().minor(),
                        ours.status().name(), null, null, null));
            }
        }
        for (String number : refundOrder) {
            BillRow line = billRefunded.get(number);
            ChannelRefund ours = refundedHere.get(number);
            if (ours == null) {
                ours = anyRefund.apply(number).orElse(null);
            }
            long amount = Math.abs(line.amountMinor());
            if (ours == null) {
                found.add(new Found(DifferenceType.CHANNEL_ONLY, DifferenceKind.REFUND, null, null, null, number, amount,
                        line.channelTradeNo()));
            } else if (ours.status() != ChannelRefundStatus.SUCCESS) {
                found.add(new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.REFUND, number, ours.refund().minor(),
                        ours.status().name(), number, amount, line.channelTradeNo()));
            } else if (ours.refund().minor() != amount) {
                found.add(new Found(DifferenceType.AMOUNT_MISMATCH, DifferenceKind.REFUND, number, ours.refund().minor(),
                        ours.status().name(), number, amount, line.channelTradeNo()));
            } else {
                matched++;
            }
        }
        for (ChannelRefund ours : ourRefunded) {
            if (!billRefunded.containsKey(ours.refundNo())) {
                found.add(new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.REFUND, ours.refundNo(), ours.refund().minor(),
                        ours.status().name(), null, null, null));
            }
        }
        return new Result(matched, List.copyOf(found),
                new Totals(payments, refunds, gross, refunded, fee, ourPaidSum, ourRefundedSum));
    }

    private static BillRow summed(BillRow a, BillRow b) {
        return new BillRow(a.channelOrderNo(), a.channelTradeNo(), a.kind(), Math.addExact(a.amountMinor(), b.amountMinor()),
                a.finishedAt(), a.refundNo(), Math.addExact(a.feeMinor(), b.feeMinor()));
    }
}
