package io.paysuite.channel.infra.payout;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PayoutMapper} with its SQL's semantics (INSERT IGNORE on the payout number, compare-and-set on status), in memory. */
public class InMemoryPayoutMapper implements PayoutMapper {

    public final Map<String, Row> rows = new ConcurrentHashMap<>();

    @Override
    public synchronized int insert(Row row) {
        return rows.putIfAbsent(row.payoutNo(), row) == null ? 1 : 0;
    }

    @Override
    public synchronized Row find(String payoutNo) {
        return rows.get(payoutNo);
    }

    @Override
    public synchronized int transition(String payoutNo, String from, String to, String rawCode, String channelPayoutNo,
                                       LocalDateTime at) {
        Row r = rows.get(payoutNo);
        if (r == null || !r.status().equals(from)) {
            return 0;
        }
        rows.put(payoutNo, with(r, to, rawCode, channelPayoutNo, at,
                to.equals("SUCCESS") || to.equals("FAILED") ? at : r.finishedAt()));
        return 1;
    }

    @Override
    public synchronized int noteAnswer(String payoutNo, String rawCode, String channelPayoutNo, LocalDateTime at) {
        Row r = rows.get(payoutNo);
        if (r == null || !r.status().equals("PROCESSING")) {
            return 0;
        }
        rows.put(payoutNo, with(r, r.status(), rawCode, channelPayoutNo, at, r.finishedAt()));
        return 1;
    }

    @Override
    public synchronized List<Row> list(String status, String ownerId, int limit) {
        return rows.values().stream()
                .filter(r -> status == null || r.status().equals(status))
                .filter(r -> ownerId == null || r.ownerId().equals(ownerId))
                .sorted(Comparator.comparing(Row::createdAt).thenComparing(Row::payoutNo).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized List<String> inFlightSince(LocalDateTime before, int limit) {
        return rows.values().stream().filter(r -> r.status().equals("PROCESSING") && r.createdAt().isBefore(before))
                .sorted(Comparator.comparing(Row::createdAt)).limit(limit).map(Row::payoutNo).toList();
    }

    private static Row with(Row r, String status, String rawCode, String channelPayoutNo, LocalDateTime at, LocalDateTime finishedAt) {
        return new Row(r.payoutNo(), r.purpose(), r.ownerId(), r.amountMinor(), r.currency(), r.accountSealed(), r.accountLast4(),
                r.accountName(), r.remark(), status, rawCode != null ? rawCode : r.rawCode(),
                channelPayoutNo != null ? channelPayoutNo : r.channelPayoutNo(), r.createdAt(), at, finishedAt);
    }

    @Override
    public synchronized List<Row> succeededBetween(LocalDateTime from, LocalDateTime to) {
        return rows.values().stream().filter(r -> r.status().equals("SUCCESS") && !r.createdAt().isBefore(from)
                && r.createdAt().isBefore(to)).toList();
    }
}
