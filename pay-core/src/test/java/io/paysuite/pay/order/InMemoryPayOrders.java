package io.paysuite.pay.order;

import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.kit.shadow.ShadowContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PayOrderRepository} in memory with the real one's rules: {@code transition} is a
 * compare-and-set on the status and the only way a stored order changes, so a test sees exactly
 * which write brought the channel.
 */
public class InMemoryPayOrders implements PayOrderRepository, PayPartsStore {

    /** One {@link #transition} that changed a row. */
    public record Write(String payOrderNo, PayOrderStatus from, PayOrderStatus to, String failCode, String channel) {
    }

    private final Map<String, PayOrder> byNo = new LinkedHashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private int reads;

    @Override
    public synchronized boolean insert(PayOrder order) {
        if (byNo.containsKey(order.payOrderNo()) || findByRequest(order.tradeNo(), order.requestNo()).isPresent()) {
            return false;
        }
        byNo.put(order.payOrderNo(), order);
        return true;
    }

    @Override
    public synchronized Optional<PayOrder> find(String payOrderNo) {
        return Optional.ofNullable(byNo.get(payOrderNo));
    }

    @Override
    public synchronized Optional<PayOrder> findByRequest(String tradeNo, String requestNo) {
        return byNo.values().stream().filter(o -> o.tradeNo().equals(tradeNo) && o.requestNo().equals(requestNo)).findFirst();
    }

    @Override
    public synchronized List<PayOrder> findByTrade(String tradeNo) {
        return byNo.values().stream().filter(o -> o.tradeNo().equals(tradeNo))
                .sorted(Comparator.comparing(PayOrder::createdAt).thenComparing(PayOrder::payOrderNo)).toList();
    }

    /** One read, however many trades; in insertion order, not by trade (the SQL promises no order either). */
    @Override
    public synchronized List<PayOrder> findByTrades(Collection<String> tradeNos) {
        reads++;
        return byNo.values().stream().filter(o -> tradeNos.contains(o.tradeNo())).toList();
    }

    /** Reads by {@link #findByTrades}, as the statements they stand for. */
    public synchronized int reads() {
        return reads;
    }

    @Override
    public synchronized boolean transition(String payOrderNo, PayOrderStatus from, PayOrderStatus to, String failCode,
                                           String channel, Instant at) {
        PayOrderTransitions.TABLE.require(from, to);
        PayOrder o = byNo.get(payOrderNo);
        if (o == null || o.status() != from) {
            return false;
        }
        // as PayOrderMapper.transition: every column of the statement is set, finished_at only when final
        Instant finishedAt = to == PayOrderStatus.SUCCESS || to == PayOrderStatus.FAILED ? at : o.finishedAt();
        byNo.put(payOrderNo, new PayOrder(o.payOrderNo(), o.tradeNo(), o.requestNo(), o.requestDigest(), o.buyerId(),
                o.merchantId(), o.method(), to, o.amount(), o.createdAt(), at, finishedAt, o.version() + 1, failCode,
                channel, o.parts(), o.announcedAt()));
        writes.add(new Write(payOrderNo, from, to, failCode, channel));
        return true;
    }

    /** One {@link #markAnnounced} statement: the numbers it named and the side it ran on (load traffic's or not). */
    public record MarkStatement(List<String> payOrderNos, boolean shadow) {
    }

    private final List<MarkStatement> markStatements = new ArrayList<>();
    private boolean marksFail;

    /** While set, every {@link #markAnnounced} throws as a statement that did not reach the database. */
    public synchronized void marksFail(boolean fail) {
        marksFail = fail;
    }

    /** As PayOrderMapper.markAnnounced: only SUCCESS rows not yet marked; neither version nor updated_at change. */
    @Override
    public synchronized void markAnnounced(Collection<String> payOrderNos, Instant at) {
        if (marksFail) {
            throw new IllegalStateException("connection refused: " + payOrderNos.size() + " marks not written");
        }
        markStatements.add(new MarkStatement(List.copyOf(payOrderNos), ShadowContext.active()));
        for (String no : payOrderNos) {
            byNo.computeIfPresent(no, (n, o) -> o.status() != PayOrderStatus.SUCCESS || o.announcedAt() != null ? o
                    : new PayOrder(o.payOrderNo(), o.tradeNo(), o.requestNo(), o.requestDigest(), o.buyerId(),
                            o.merchantId(), o.method(), o.status(), o.amount(), o.createdAt(), o.updatedAt(),
                            o.finishedAt(), o.version(), o.failCode(), o.channel(), o.parts(), at));
        }
    }

    public synchronized List<MarkStatement> markStatements() {
        return List.copyOf(markStatements);
    }

    /** Whether the row is marked announced. */
    public synchronized boolean markedAnnounced(String payOrderNo) {
        PayOrder o = byNo.get(payOrderNo);
        return o != null && o.markedAnnounced();
    }

    public synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    @Override
    public synchronized boolean plan(String payOrderNo, String couponId, boolean usePoints) {
        PayOrder o = byNo.get(payOrderNo);
        if (o == null || o.status() != PayOrderStatus.CREATED) {
            return false;
        }
        byNo.put(payOrderNo, o.withParts(PayParts.planned(couponId, usePoints)));
        return true;
    }

    @Override
    public synchronized void recordCoupon(String payOrderNo, String name, long minor, FundedBy fundedBy) {
        byNo.computeIfPresent(payOrderNo, (no, o) -> o.withParts(o.parts().withCoupon(name, minor, fundedBy)));
    }

    @Override
    public synchronized void recordPoints(String payOrderNo, long points, long minor) {
        byNo.computeIfPresent(payOrderNo, (no, o) -> o.withParts(o.parts().withPoints(points, minor)));
    }
}
