package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.recon.DifferenceDTO;
import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.api.recon.ResolutionDTO;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored difference of a batch: what was found (see {@link Found}), where it stands and, once resolved, how.
 *
 * @param note       what the system found or tried last, null when nothing
 * @param resolution null until resolved
 */
public record ReconDifference(long id, long batchId, ChannelCode channel, LocalDate billDate, Found found, String currency,
                              DifferenceStatus status, String note, ResolutionDTO resolution, Instant createdAt) {

    public DifferenceType type() {
        return found.type();
    }

    public DifferenceKind kind() {
        return found.kind();
    }

    /**
     * What the difference means for {@code CHANNEL_CLEARING}, signed: the channel's view minus ours of what the channel
     * owes us (a payment adds, a refund takes away; our record counts only as a success); 0 for a payout and for the day's
 * fee.
     */
    public long clearingEffect() {
        if (found.kind() == DifferenceKind.PAYOUT) {
            // payouts never pass CHANNEL_CLEARING: the payout's own final answer books its money (accounting, PAYOUT_FINAL)
            return 0;
        }
        if (found.kind() == DifferenceKind.FEE) {
            // clearing booked the bill's fee (CHANNEL_FEE_EXPENSE, what the channel kept): CHANNEL_CLEARING already agrees
            return 0;
        }
        long sign = found.kind() == DifferenceKind.REFUND ? -1 : 1;
        long channelSide = found.channelAmount() == null ? 0 : found.channelAmount();
        long ourSide = found.ourAmount() == null || !"SUCCESS".equals(found.ourStatus()) ? 0 : found.ourAmount();
        return sign * (channelSide - ourSide);
    }

    /**
     * For a payout: what the difference means for {@code PLATFORM_BANK}, the account payouts leave from, signed: positive
     * when the bank holds more than our books say (we booked out money that did not leave, or that the bank sent back),
     * negative when less (money left that our books kept). Our side counts only a {@code SUCCESS} (booked out of the
     * bank); the bank's side is the bill's transfer, none once returned. A payout still {@code PROCESSING} is 0: its own
     * final answer books it (the run settles it by the bill). 0 for a payment or refund.
     */
    public long bankEffect() {
        if (found.kind() != DifferenceKind.PAYOUT || "PROCESSING".equals(found.ourStatus())) {
            return 0;
        }
        long ourOut = found.ourAmount() == null || !"SUCCESS".equals(found.ourStatus()) ? 0 : found.ourAmount();
        long bankOut = found.channelAmount() == null || Found.BILL_RETURNED.equals(found.channelStatus()) ? 0 : found.channelAmount();
        return ourOut - bankOut;
    }

    public DifferenceDTO toDTO() {
        return new DifferenceDTO(id, batchId, channel, billDate, found.type(), found.kind(), found.ourNo(), found.ourAmount(),
                found.ourStatus(), found.channelNo(), found.channelAmount(), found.channelTradeNo(), currency, status, note,
                resolution);
    }
}
