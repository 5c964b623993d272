package io.paysuite.channel.infra;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows and state changes of {@link ChannelOrderMapper} with its SQL's semantics (INSERT IGNORE on the
 * channel order number; compare-and-set on status keeping known values; finished_at stamped on final states),
 * in memory. Queries the state-machine tests do not need are not faked.
 */
public class InMemoryChannelOrderMapper implements ChannelOrderMapper {

    public final Map<String, ChannelOrderDO> rows = new HashMap<>();
    /** Reads by {@link #findAttemptsOfPayOrders}, as the statements they stand for. */
    public int batchReads;

    @Override
    public synchronized int insert(ChannelOrderDO row) {
        return rows.putIfAbsent(row.channelOrderNo(), row) == null ? 1 : 0;
    }

    @Override
    public synchronized ChannelOrderDO find(String channelOrderNo) {
        return rows.get(channelOrderNo);
    }

    @Override
    public synchronized ChannelOrderDO findByChannelTradeNo(String channelTradeNo) {
        return rows.values().stream().filter(r -> channelTradeNo.equals(r.channelTradeNo())).findFirst().orElse(null);
    }

    @Override
    public synchronized int transition(String channelOrderNo, String from, String to, String codeUrl, String channelTradeNo,
                                       String rawCode, String finalSource, LocalDateTime at) {
        ChannelOrderDO r = rows.get(channelOrderNo);
        if (r == null || !r.status().equals(from)) {
            return 0;
        }
        rows.put(channelOrderNo, new ChannelOrderDO(r.channelOrderNo(), r.payOrderNo(), r.tradeNo(), r.merchantId(), r.channel(),
                r.method(), r.amountMinor(), r.currency(), r.subject(), to, codeUrl != null ? codeUrl : r.codeUrl(),
                channelTradeNo != null ? channelTradeNo : r.channelTradeNo(), rawCode != null ? rawCode : r.rawCode(),
                finalSource != null ? finalSource : r.finalSource(), r.expiresAt(), r.createdAt(), at,
                to.equals("SUCCESS") || to.equals("FAILED") ? at : r.finishedAt(), r.version() + 1, r.attempt(), r.reroutedTo(), r.authorisation()));
        return 1;
    }

    @Override
    public ChannelOrderDO findByPayOrder(String payOrderNo) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public List<ChannelOrderDO> findAttempts(String payOrderNo) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public synchronized List<ChannelOrderDO> findAttemptsOfPayOrders(Collection<String> payOrderNos) {
        batchReads++;
        return rows.values().stream().filter(r -> payOrderNos.contains(r.payOrderNo()))
                .sorted(Comparator.comparing(ChannelOrderDO::payOrderNo).thenComparingInt(ChannelOrderDO::attempt)).toList();
    }

    @Override
    public int decideReroute(String channelOrderNo, String to, LocalDateTime at) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public List<ChannelOrderDO> findSucceededBetween(String channel, LocalDateTime from, LocalDateTime to) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public int rememberCodeUrl(String channelOrderNo, String codeUrl, LocalDateTime at) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public int insertConflict(String channelOrderNo, String held, String claimed, String rawCode, String source, String detail,
                              LocalDateTime at) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public int insertLateSuccess(String channelOrderNo, String held, String rawCode, String channelTradeNo, long paidMinor,
                                 String currency, String refundNo, String source, String detail, LocalDateTime at) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public String lateChannelTradeNo(String channelOrderNo) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public List<LateRow> lateResults(int limit) {
        throw new UnsupportedOperationException("not faked");
    }
}
