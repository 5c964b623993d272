package io.paysuite.api.recon;

import io.paysuite.api.channel.ChannelCode;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * One difference of a reconciliation batch. Numbers are our channel order number (payments) or our refund
 * number (refunds), as both sides key them; amounts are minor units, positive, null on the side that has none.
 * A {@code FEE}/{@code FEE_MISMATCH} difference is the day's fees: {@code channelNo} is {@code FEE-<channel>-<yyyyMMdd>},
 * {@code channelAmountMinor} the bill's fees and {@code ourAmountMinor} what the routing rules' rates give (both net of
 * fees given back with refunds, so either may be negative), {@code ourNo} null.
 *
 * @param ourNo          our number, null when we have no record (channel-only)
 * @param channelNo      the number as the channel's bill states it, null when the bill has no line (platform-only)
 * @param channelTradeNo the channel's own trade number from the bill, when it has a line
 * @param ourStatus      our record's status (e.g. {@code PROCESSING}), null when none
 * @param note           what the system found or tried last (why it escalated, a pay-back under way), null when nothing
 * @param resolution     null while the difference is not resolved
 */
public record DifferenceDTO(long differenceId, long reconciliationId, ChannelCode channel, LocalDate billDate, DifferenceType type,
                            DifferenceKind kind, String ourNo, Long ourAmountMinor, String ourStatus, String channelNo,
                            Long channelAmountMinor, String channelTradeNo, String currency, DifferenceStatus status,
                            String note, ResolutionDTO resolution) implements Serializable {
}
