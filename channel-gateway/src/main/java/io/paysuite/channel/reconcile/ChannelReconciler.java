package io.paysuite.channel.reconcile;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ReconcileQry;
import io.paysuite.api.channel.ReconciliationDTO;
import io.paysuite.api.channel.ReconciliationDTO.Difference;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.channel.order.ChannelOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reconciles one channel's day: the channel's bill (its {@link BillSource}) against our channel
 * orders of that channel that became SUCCESS within that day in Beijing time (the channels' day).
 * Rows are matched by our channel order number (the channel's {@code out_trade_no}):
 * <ul>
 *   <li>{@code MISSING_HERE}: paid in the bill, not SUCCESS here — the buyer paid and we do not
 *       know it; alarmed ({@code CHANNEL_ALARM}). An order SUCCESS here but finished on a
 *       neighbouring day (paid just before midnight, our result recorded just after) is found by its
 *       number and is not missing; its amount is still compared.</li>
 *   <li>{@code MISSING_AT_CHANNEL}: SUCCESS here that day, absent from the bill. The mirror case of
 *       the midnight one shows up here (in the neighbouring day's bill instead); it is reported, not
 *       guessed away.</li>
 *   <li>{@code AMOUNT_MISMATCH}: both have it, the amounts differ; alarmed.</li>
 * </ul>
 * Refund rows are parsed and counted (logged) but not matched yet: channel refunds are not built,
 * so there is nothing of ours to match them with. Read-only apart from alarms, so a repeat is harmless.
 * Answers: {@code SERVICE_DEGRADED} for a channel this gateway has no bill source for (not configured),
 * {@code SYSTEM_ERROR} with the reason when the bill cannot be downloaded or read (nothing is compared),
 * {@code PARAM_ERROR} for a missing channel/date or a day that has not begun.
 */
@Component
public class ChannelReconciler {

    static final ZoneId CHANNEL_DAY = ZoneId.of("Asia/Shanghai");
    static final String MISSING_HERE = "MISSING_HERE";
    static final String MISSING_AT_CHANNEL = "MISSING_AT_CHANNEL";
    static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";

    private static final Logger log = LoggerFactory.getLogger(ChannelReconciler.class);

    private final Map<ChannelCode, BillSource> bills = new EnumMap<>(ChannelCode.class);
    private final SucceededOrders orders;
    private final Clock clock;

    public ChannelReconciler(List<BillSource> bills, SucceededOrders orders, Clock clock) {
        bills.forEach(source -> this.bills.put(source.channel(), source));
        this.orders = orders;
        this.clock = clock;
    }

    public Result<ReconciliationDTO> reconcile(ReconcileQry qry) {
        if (qry == null || qry.channel() == null || qry.billDate() == null) {
            return Result.fail(ErrorCode.PARAM_ERROR, "channel and bill_date are required");
        }
        ChannelCode channel = qry.channel();
        LocalDate day = qry.billDate();
        if (day.isAfter(LocalDate.now(clock.withZone(CHANNEL_DAY)))) {
            return Result.fail(ErrorCode.PARAM_ERROR, "no bill for " + day + ": that day has not begun in Beijing time");
        }
        BillSource source = bills.get(channel);
        if (source == null) {
            return Result.fail(ErrorCode.SERVICE_DEGRADED, channel + " is not configured on this gateway: no bill to reconcile");
        }
        List<BillRow> rows;
        try {
            rows = source.rows(day);
        } catch (BillUnavailableException | BillFormatException e) {
            log.warn("reconcile {} {}: bill failed: {}", channel, day, e.toString());
            return Result.fail(ErrorCode.SYSTEM_ERROR, channel + " bill of " + day + " could not be "
                    + (e instanceof BillFormatException ? "read" : "downloaded") + ": " + e.getMessage()
                    + "; nothing was compared");
        }
        return Result.ok(compare(channel, day, rows));
    }

    private ReconciliationDTO compare(ChannelCode channel, LocalDate day, List<BillRow> rows) {
        Instant from = day.atStartOfDay(CHANNEL_DAY).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CHANNEL_DAY).toInstant();

        // A number twice in the bill is summed: the sum then disagrees with our amount and shows up.
        Map<String, BillRow> billPaid = new LinkedHashMap<>();
        long billPaidMinor = 0;
        long billPayments = 0;
        long refunds = 0;
        for (BillRow row : rows) {
            if (row.kind() == BillRow.Kind.REFUND) {
                refunds++;
                continue;
            }
            billPayments++;
            billPaidMinor = Math.addExact(billPaidMinor, row.amountMinor());
            billPaid.merge(row.channelOrderNo(), row, (a, b) -> new BillRow(a.channelOrderNo(), a.channelTradeNo(),
                    a.kind(), Math.addExact(a.amountMinor(), b.amountMinor()), a.finishedAt()));
        }

        Map<String, ChannelOrder> ours = new LinkedHashMap<>();
        long ourPaidMinor = 0;
        for (ChannelOrder order : orders.succeededBetween(channel, from, to)) {
            ours.put(order.channelOrderNo(), order);
            ourPaidMinor = Math.addExact(ourPaidMinor, order.amount().minor());
        }

        List<Difference> differences = new ArrayList<>();
        for (BillRow paid : billPaid.values()) {
            ChannelOrder order = ours.get(paid.channelOrderNo());
            if (order == null) {
                Optional<ChannelOrder> elsewhere = orders.find(paid.channelOrderNo())
                        .filter(o -> o.channel() == channel && o.status() == ChannelOrderStatus.SUCCESS);
                if (elsewhere.isEmpty()) {
                    differences.add(new Difference(MISSING_HERE, paid.channelOrderNo(), paid.channelTradeNo(), paid.amountMinor(), 0));
                    continue;
                }
                order = elsewhere.get();
            }
            if (order.amount().minor() != paid.amountMinor()) {
                differences.add(new Difference(AMOUNT_MISMATCH, paid.channelOrderNo(), paid.channelTradeNo(), paid.amountMinor(),
                        order.amount().minor()));
            }
        }
        for (ChannelOrder order : ours.values()) {
            if (!billPaid.containsKey(order.channelOrderNo())) {
                differences.add(new Difference(MISSING_AT_CHANNEL, order.channelOrderNo(), order.channelTradeNo(), 0,
                        order.amount().minor()));
            }
        }
        differences.sort(Comparator.comparing(Difference::kind).thenComparing(Difference::channelOrderNo));

        for (Difference d : differences) {
            if (MISSING_AT_CHANNEL.equals(d.kind())) {
                log.warn("reconcile {} {}: {} SUCCESS here ({} fen) is not in the channel's bill", channel, day,
                        d.channelOrderNo(), d.ourMinor());
            } else {
                log.error("CHANNEL_ALARM reconcile {} {}: {} {} (channel trade {}): bill {} fen, ours {} fen", channel, day,
                        d.kind(), d.channelOrderNo(), d.channelTradeNo(), d.billMinor(), d.ourMinor());
            }
        }
        log.info("reconciled {} {}: bill {} payments {} fen ({} refunds, not matched yet), ours {} {} fen, {} differences",
                channel, day, billPayments, billPaidMinor, refunds, ours.size(), ourPaidMinor, differences.size());
        return new ReconciliationDTO(channel, day, billPayments, billPaidMinor, ours.size(), ourPaidMinor, List.copyOf(differences));
    }
}
