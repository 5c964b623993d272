package io.paysuite.channel.infra.recon;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ReconciliationMapper} with its SQL's semantics (INSERT IGNORE on the unique keys, compare-and-set on a
 * difference's status, COALESCE on the resolution's columns), in memory.
 */
public class InMemoryReconciliationMapper implements ReconciliationMapper {

    public final Map<Long, BatchRow> batches = new LinkedHashMap<>();
    public final Map<Long, DifferenceRow> differences = new LinkedHashMap<>();
    private long ids;

    @Override
    public synchronized int insertBatch(String kind, String channel, LocalDate billDate, String currency, LocalDateTime at) {
        if (findBatchByDay(kind, channel, billDate) != null) {
            return 0;
        }
        long id = ++ids;
        batches.put(id, new BatchRow(id, channel, billDate, currency, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, at, at, kind, null));
        return 1;
    }

    @Override
    public synchronized BatchRow findBatchByDay(String kind, String channel, LocalDate billDate) {
        return batches.values().stream().filter(b -> b.kind().equals(kind) && b.channel().equals(channel)
                        && b.billDate().equals(billDate)).findFirst()
                .orElse(null);
    }

    @Override
    public synchronized BatchRow findBatch(long id) {
        return batches.get(id);
    }

    @Override
    public synchronized List<BatchRow> batches(String channel, int limit) {
        return batches.values().stream().filter(b -> channel == null || b.channel().equals(channel))
                .sorted(Comparator.comparing(BatchRow::billDate).thenComparing(BatchRow::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized int saveRun(BatchRow r) {
        BatchRow b = batches.get(r.id());
        if (b == null) {
            return 0;
        }
        batches.put(b.id(), new BatchRow(b.id(), b.channel(), b.billDate(), b.currency(), r.matched(), r.differencesOpen(),
                r.differencesResolved(), r.billPayments(), r.billRefunds(), r.billGrossMinor(), r.billRefundedMinor(), r.billFeeMinor(),
                r.ourPaidMinor(), r.ourRefundedMinor(), b.clearedNetMinor(), b.clearedFeeMinor(), b.clearingKey(), b.runs() + 1,
                r.lastAdded(), r.lastSelfHealed(), r.lastAutoResolved(), r.lastEscalated(), b.createdAt(), r.updatedAt(), b.kind(),
                r.expectedFeeMinor()));
        return 1;
    }

    @Override
    public synchronized int cleared(long id, long net, long fee, String key, LocalDateTime at) {
        BatchRow b = batches.get(id);
        batches.put(id, new BatchRow(b.id(), b.channel(), b.billDate(), b.currency(), b.matched(), b.differencesOpen(),
                b.differencesResolved(), b.billPayments(), b.billRefunds(), b.billGrossMinor(), b.billRefundedMinor(), b.billFeeMinor(),
                b.ourPaidMinor(), b.ourRefundedMinor(), net, fee, key, b.runs(), b.lastAdded(), b.lastSelfHealed(),
                b.lastAutoResolved(), b.lastEscalated(), b.createdAt(), at, b.kind(), b.expectedFeeMinor()));
        return 1;
    }

    @Override
    public synchronized int insertDifference(DifferenceRow r) {
        boolean taken = differences.values().stream().anyMatch(d -> d.batchId() == r.batchId() && d.kind().equals(r.kind())
                && d.type().equals(r.type()) && d.number().equals(r.number()));
        if (taken) {
            return 0;
        }
        long id = ++ids;
        differences.put(id, new DifferenceRow(id, r.batchId(), null, null, r.kind(), r.type(), r.number(), r.ourNo(), r.ourAmountMinor(),
                r.ourStatus(), r.channelNo(), r.channelAmountMinor(), r.channelTradeNo(), r.currency(), r.status(), r.note(), null, null,
                null, null, null, null, r.createdAt(), r.updatedAt(), r.channelStatus()));
        return 1;
    }

    @Override
    public synchronized List<DifferenceRow> differences(long batchId) {
        List<DifferenceRow> rows = new ArrayList<>();
        for (DifferenceRow d : differences.values()) {
            if (d.batchId() == batchId) {
                rows.add(joined(d));
            }
        }
        return rows;
    }

    @Override
    public synchronized DifferenceRow difference(long id) {
        DifferenceRow d = differences.get(id);
        return d == null ? null : joined(d);
    }

    @Override
    public synchronized int observed(long id, Long ourAmountMinor, String ourStatus, Long channelAmountMinor, String channelTradeNo,
                                     String channelStatus, LocalDateTime at) {
        DifferenceRow d = differences.get(id);
        differences.put(id, new DifferenceRow(d.id(), d.batchId(), null, null, d.kind(), d.type(), d.number(), d.ourNo(), ourAmountMinor,
                ourStatus, d.channelNo(), channelAmountMinor, channelTradeNo, d.currency(), d.status(), d.note(), d.resolutionAction(),
                d.resolvedBy(), d.resolutionReason(), d.resolutionOutcome(), d.postingKey(), d.resolvedAt(), d.createdAt(), at, channelStatus));
        return 1;
    }

    @Override
    public synchronized int note(long id, String note, LocalDateTime at) {
        DifferenceRow d = differences.get(id);
        differences.put(id, new DifferenceRow(d.id(), d.batchId(), null, null, d.kind(), d.type(), d.number(), d.ourNo(),
                d.ourAmountMinor(), d.ourStatus(), d.channelNo(), d.channelAmountMinor(), d.channelTradeNo(), d.currency(), d.status(),
                note, d.resolutionAction(), d.resolvedBy(), d.resolutionReason(), d.resolutionOutcome(), d.postingKey(), d.resolvedAt(),
                d.createdAt(), at, d.channelStatus()));
        return 1;
    }

    @Override
    public synchronized int transition(long id, String from, String to, String note, String action, String by, String reason,
                                       String outcome, String postingKey, LocalDateTime resolvedAt, LocalDateTime at) {
        DifferenceRow d = differences.get(id);
        if (d == null || !d.status().equals(from)) {
            return 0;
        }
        differences.put(id, new DifferenceRow(d.id(), d.batchId(), null, null, d.kind(), d.type(), d.number(), d.ourNo(),
                d.ourAmountMinor(), d.ourStatus(), d.channelNo(), d.channelAmountMinor(), d.channelTradeNo(), d.currency(), to,
                coalesce(note, d.note()),
                coalesce(action, d.resolutionAction()), coalesce(by, d.resolvedBy()), coalesce(reason, d.resolutionReason()),
                coalesce(outcome, d.resolutionOutcome()), coalesce(postingKey, d.postingKey()), coalesce(resolvedAt, d.resolvedAt()),
                d.createdAt(), at, d.channelStatus()));
        return 1;
    }

    private DifferenceRow joined(DifferenceRow d) {
        BatchRow b = batches.get(d.batchId());
        return new DifferenceRow(d.id(), d.batchId(), b.channel(), b.billDate(), d.kind(), d.type(), d.number(), d.ourNo(),
                d.ourAmountMinor(), d.ourStatus(), d.channelNo(), d.channelAmountMinor(), d.channelTradeNo(), d.currency(), d.status(),
                d.note(), d.resolutionAction(), d.resolvedBy(), d.resolutionReason(), d.resolutionOutcome(), d.postingKey(),
                d.resolvedAt(), d.createdAt(), d.updatedAt(), d.channelStatus());
    }

    private static <T> T coalesce(T value, T kept) {
        return value != null ? value : kept;
    }
}
