package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.channel.reconcile.BillRow;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The channel fee a bill day should state, line by line at our agreed rate ({@link FeeRate}), and the batch-level
 * difference when the bill states another. Each line is priced at its own amount, so a line whose amount differs from
 * ours is an {@code AMOUNT_MISMATCH} and not a fee difference as well; a line whose rate we do not know (no order of
 * ours behind it, no rule stating a fee for its method) is taken at the bill's fee — there is nothing to hold it to.
 * Pure, like {@link BillMatching}.
 */
public final class ExpectedFee {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ExpectedFee() {
    }

    /**
     * @param rateOf the rate of the order a line names, by the line's channel order number (payments and refunds alike
     *               name the paid order); asked once per number
     * @return the day's expected fee, net of fees given back
     */
    public static long of(List<BillRow> bill, Function<String, Optional<FeeRate>> rateOf) {
        Map<String, Optional<FeeRate>> rates = new HashMap<>();
        long fee = 0;
        for (BillRow row : bill) {
            Optional<FeeRate> rate = rates.computeIfAbsent(row.channelOrderNo(), rateOf);
            long lineFee = rate.isEmpty() ? row.feeMinor()
                    : row.kind() == BillRow.Kind.REFUND ? rate.get().onRefund(row.amountMinor()) : rate.get().onPayment(row.amountMinor());
            fee = Math.addExact(fee, lineFee);
        }
        return fee;
    }

    /** The difference when the bill's fee is not the expected one, numbered by the day so a re-run finds the same one. */
    public static Optional<Found> difference(ChannelCode channel, LocalDate day, long billFee, long expectedFee) {
        if (billFee == expectedFee) {
            return Optional.empty();
        }
        return Optional.of(new Found(DifferenceType.FEE_MISMATCH, DifferenceKind.FEE, null, expectedFee, null,
                "FEE-" + channel + "-" + DAY.format(day), billFee, null));
    }
}
