package io.paysuite.channel.recon;

import static io.paysuite.api.recon.DifferenceType.AMOUNT_MISMATCH;
import static io.paysuite.api.recon.DifferenceType.CHANNEL_ONLY;
import static io.paysuite.api.recon.DifferenceType.PLATFORM_ONLY;
import static io.paysuite.api.recon.DifferenceType.STATUS_MISMATCH;

import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.reconcile.PayoutBillRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Matches one day of the payout channel's account bill with our payouts, in memory, one pass over each side (hash maps
 * keyed by our payout number, which is the channel's out_biz_no). Per number, the bill's lines of the day tell one of:
 * the transfer left and stayed out ({@link Found#BILL_PAID}), or the bank sent it back ({@link Found#BILL_RETURNED}: a
 * return line, with or without that day's transfer line — the return of an earlier day's transfer comes on the day
 * the bank refused it).
 * <ul>
 *   <li>matched: the bill's verdict and amount agree with our payout ({@code SUCCESS} and paid, {@code FAILED} and
 *       returned), and a transfer line of a payout we failed later than the day: its return is on a later bill;</li>
 *   <li>{@code CHANNEL_ONLY}: lines of a number we never recorded;</li>
 *   <li>{@code AMOUNT_MISMATCH}: the bill's amount is not ours (two transfer lines of one number are summed);</li>
 *   <li>{@code STATUS_MISMATCH}: ours is still {@code PROCESSING}, or final the other way (paid here and returned in the
 *       bill; failed here by the day's end and still out in the bill);</li>
 *   <li>{@code PLATFORM_ONLY}: our payout of the day that succeeded and has no line in the bill.</li>
 * </ul>
 * Pure: the caller reads the records, so it is tested without a database.
 */
public final class PayoutBillMatching {

    private PayoutBillMatching() {
    }

    /**
     * @param ourPaid   our payouts created within the day that are {@code SUCCESS}
     * @param anyPayout any payout by its number, whatever its state or day
     * @param dayEnd    the end of the bill day
     */
    public static BillMatching.Result match(List<PayoutBillRow> bill, Collection<Payout> ourPaid,
                                            Function<String, Optional<Payout>> anyPayout, Instant dayEnd) {
        Map<String, long[]> byNumber = new LinkedHashMap<>(bill.size() * 2);
        Map<String, String> channelNo = new HashMap<>(bill.size() * 2);
        long transfers = 0;
        long returns = 0;
        long out = 0;
        long back = 0;
        for (PayoutBillRow row : bill) {
            long[] sums = byNumber.computeIfAbsent(row.payoutNo(), n -> new long[2]);
            channelNo.putIfAbsent(row.payoutNo(), row.channelOrderNo());
            if (row.kind() == PayoutBillRow.Kind.TRANSFER) {
                transfers++;
                out = Math.addExact(out, row.amountMinor());
                sums[0] = Math.addExact(sums[0], row.amountMinor());
            } else {
                returns++;
                back = Math.addExact(back, row.amountMinor());
                sums[1] = Math.addExact(sums[1], row.amountMinor());
            }
        }
        Map<String, Payout> paidHere = new HashMap<>(ourPaid.size() * 2);
        long ourOut = 0;
        for (Payout payout : ourPaid) {
            paidHere.put(payout.payoutNo(), payout);
            ourOut = Math.addExact(ourOut, payout.amount().minor());
        }

        List<Found> found = new ArrayList<>();
        long matched = 0;
        for (Map.Entry<String, long[]> line : byNumber.entrySet()) {
            String number = line.getKey();
            long transferred = line.getValue()[0];
            long returned = line.getValue()[1];
            boolean isReturn = returned > 0;
            long amount = isReturn ? returned : transferred;
            String verdict = isReturn ? Found.BILL_RETURNED : Found.BILL_PAID;
            Payout ours = paidHere.get(number);
            if (ours == null) {
                ours = anyPayout.apply(number).orElse(null);
            }
            if (ours == null) {
                found.add(found(CHANNEL_ONLY, null, number, amount, channelNo.get(number), verdict));
                continue;
            }
            boolean amountDiffers = ours.amount().minor() != amount || (transferred > 0 && isReturn && transferred != returned);
            if (amountDiffers) {
                found.add(found(AMOUNT_MISMATCH, ours, number, amount, channelNo.get(number), verdict));
            } else if (agrees(ours, isReturn, dayEnd)) {
                matched++;
            } else {
                found.add(found(STATUS_MISMATCH, ours, number, amount, channelNo.get(number), verdict));
            }
        }
        for (Payout ours : ourPaid) {
            if (!byNumber.containsKey(ours.payoutNo())) {
                found.add(found(PLATFORM_ONLY, ours, null, null, null, null));
            }
        }
        return new BillMatching.Result(matched, List.copyOf(found),
                new BillMatching.Totals(transfers, returns, out, back, 0, ourOut, 0));
    }

    private static boolean agrees(Payout ours, boolean returned, Instant dayEnd) {
        return switch (ours.status()) {
            case SUCCESS -> !returned;
            // failed after the day ended: the return line is on the bill of the day it failed
            case FAILED -> returned || (ours.finishedAt() != null && !ours.finishedAt().isBefore(dayEnd));
            case PROCESSING -> false;
        };
    }

    private static Found found(DifferenceType type, Payout ours, String channelNumber, Long channelAmount, String channelOrderNo,
                               String verdict) {
        return new Found(type, DifferenceKind.PAYOUT, ours == null ? null : ours.payoutNo(), ours == null ? null : ours.amount().minor(),
                ours == null ? null : ours.status().name(), channelNumber, channelAmount, channelOrderNo, verdict);
    }
}
