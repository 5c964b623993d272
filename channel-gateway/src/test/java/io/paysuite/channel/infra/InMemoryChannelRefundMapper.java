package io.paysuite.channel.infra;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link ChannelRefundMapper} with its SQL's semantics (INSERT IGNORE on the refund number, compare-and-set on status), in memory. */
public class InMemoryChannelRefundMapper implements ChannelRefundMapper {

    public final Map<String, Row> rows = new HashMap<>();

    @Override
    public synchronized int insert(Row row) {
        return rows.putIfAbsent(row.refundNo(), row) == null ? 1 : 0;
    }

    @Override
    public synchronized Row find(String refundNo) {
        return rows.get(refundNo);
    }

    @Override
    public synchronized List<Row> findSucceededBetween(String channel, LocalDateTime from, LocalDateTime to) {
        return rows.values().stream().filter(r -> r.channel().equals(channel) && r.status().equals("SUCCESS")
                && r.finishedAt() != null && !r.finishedAt().isBefore(from) && r.finishedAt().isBefore(to)).toList();
    }

    @Override
    public synchronized int transition(String refundNo, String from, String to, String rawCode, String channelRefundNo,
                                       LocalDateTime at) {
        Row r = rows.get(refundNo);
        if (r == null || !r.status().equals(from)) {
            return 0;
        }
        rows.put(refundNo, new Row(r.refundNo(), r.channelOrderNo(), r.channel(), r.amountMinor(), r.currency(), to,
                rawCode != null ? rawCode : r.rawCode(), channelRefundNo != null ? channelRefundNo : r.channelRefundNo(),
                r.createdAt(), at, to.equals("SUCCESS") || to.equals("FAILED") ? at : r.finishedAt()));
        return 1;
    }
}
