package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.refund.ChannelRefund;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long matching a channel day takes: 100 000 bill lines (90 000 payments, 10 000 refunds) against 100 000 records
 * of ours (90 000 orders, 10 000 refunds), with about a hundred differences of each type and kind sprinkled in. A plain main, not a
 * test (surefire never runs it): {@code mvn -q -o -pl channel-gateway -am test-compile} and then
 * {@code java -cp channel-gateway/target/test-classes:channel-gateway/target/classes:<deps> io.paysuite.channel.recon.BillMatchingBenchmark},
 * or from an IDE. Prints the median and best of 15 timed runs after 5 warm-ups.
 */
public final class BillMatchingBenchmark {

    static final int PAYMENTS = 90_000;
    static final int REFUNDS = 10_000;

    private BillMatchingBenchmark() {
    }

    public static void main(String[] args) {
        List<BillRow> bill = new ArrayList<>(PAYMENTS + REFUNDS);
        List<ChannelOrder> orders = new ArrayList<>(PAYMENTS);
        List<ChannelRefund> refunds = new ArrayList<>(REFUNDS);
        Map<String, ChannelOrder> anyOrder = new HashMap<>();
        Map<String, ChannelRefund> anyRefund = new HashMap<>();
        for (int i = 0; i < PAYMENTS; i++) {
            String no = "C2026120500000%012d".formatted(i);
            long fen = 100 + i % 50_000;
            ChannelOrder order = ReconFixtures.order(no, fen, i % 900 == 1 ? ChannelOrderStatus.PROCESSING : ChannelOrderStatus.SUCCESS);
            anyOrder.put(no, order);
            if (order.status() == ChannelOrderStatus.SUCCESS) {
                orders.add(order);
            }
            // every 900th: processing here, missing from the bill (its line is another's), only at the channel, re-amounted
            String billed = i % 900 == 2 ? "Y" + no : i % 900 == 3 ? "X" + no : no;
            bill.add(ReconFixtures.paid(billed, i % 900 == 4 ? fen - 1 : fen));
        }
        for (int i = 0; i < REFUNDS; i++) {
            String orderNo = "C2026120500000%012d".formatted(i);
            String refundNo = "R2026120500000%012d".formatted(i);
            ChannelRefund refund = ReconFixtures.refund(refundNo, orderNo, 50, ChannelRefundStatus.SUCCESS);
            refunds.add(refund);
            anyRefund.put(refundNo, refund);
            String billed = i % 100 == 5 ? "Y" + refundNo : i % 100 == 6 ? "X" + refundNo : refundNo;
            bill.add(ReconFixtures.refunded(orderNo, billed, i % 100 == 7 ? 49 : 50));
        }
        int lines = bill.size();
        long[] nanos = new long[15];
        BillMatching.Result result = null;
        for (int run = -5; run < nanos.length; run++) {
            long start = System.nanoTime();
            result = BillMatching.match(bill, orders, no -> Optional.ofNullable(anyOrder.get(no)), refunds,
                    no -> Optional.ofNullable(anyRefund.get(no)));
            long took = System.nanoTime() - start;
            if (run >= 0) {
                nanos[run] = took;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("BillMatching: %d bill lines against %d orders (%d succeeded that day) + %d refunds: %d matched, %d differences;"
                        + " median %.1f ms, best %.1f ms (%d runs after 5 warm-ups)%n", lines, anyOrder.size(), orders.size(), refunds.size(),
                result.matched(), result.found().size(), nanos[nanos.length / 2] / 1e6, nanos[0] / 1e6, nanos.length);
    }
}
