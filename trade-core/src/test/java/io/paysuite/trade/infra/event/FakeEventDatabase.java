package io.paysuite.trade.infra.event;

import io.paysuite.kit.shadow.ShadowContext;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A {@code trade_event} table with just enough transaction semantics for the listener: inserts made
 * inside {@link #execute} become visible only if the callback returns and the commit succeeds. Two of
 * them, as a service that takes load traffic has: every statement reads and writes the shadow one while
 * the load-traffic mark ({@link ShadowContext}) is set, as the kit's data sources route it.
 */
final class FakeEventDatabase implements TradeEventMapper, TransactionOperations {

    /** One side's table. */
    private static final class Side {
        final Map<String, TradeEventDO> committed = new ConcurrentHashMap<>();
        final Map<String, LocalDateTime> published = new ConcurrentHashMap<>();
    }

    private final Side real = new Side();
    private final Side shadow = new Side();
    private final java.util.concurrent.atomic.AtomicInteger markStatements = new java.util.concurrent.atomic.AtomicInteger();
    private Map<String, TradeEventDO> staged;
    private boolean failNextCommit;
    private boolean failingLookups;

    private Side side() {
        return ShadowContext.active() ? shadow : real;
    }

    @Override
    public int insert(TradeEventDO event) {
        if (staged == null) {
            throw new IllegalStateException("insert outside a transaction");
        }
        if (side().committed.containsKey(event.eventId()) || staged.containsKey(event.eventId())) {
            throw new org.springframework.dao.DuplicateKeyException(event.eventId());
        }
        staged.put(event.eventId(), event);
        return 1;
    }

    /** A mark left by a rolled-back insert is harmless here: the janitor's query reads committed rows only. */
    @Override
    public int insertPublished(TradeEventDO event) {
        int inserted = insert(event);
        side().published.put(event.eventId(), event.createdAt());
        return inserted;
    }

    @Override
    public TradeEventDO findByEventId(String eventId) {
        if (failingLookups) {
            throw new org.springframework.dao.DataAccessResourceFailureException("database down");
        }
        return side().committed.get(eventId);
    }

    @Override
    public List<TradeEventDO> findByTradeNo(String tradeNo) {
        return side().committed.values().stream().filter(row -> row.tradeNo().equals(tradeNo))
                .sorted(Comparator.comparing(TradeEventDO::createdAt).thenComparing(TradeEventDO::eventId))
                .toList();
    }

    @Override
    public int markPublished(String eventId, LocalDateTime at) {
        if (failingLookups) {
            throw new org.springframework.dao.DataAccessResourceFailureException("database down");
        }
        Side side = side();
        return side.committed.containsKey(eventId) && side.published.putIfAbsent(eventId, at) == null ? 1 : 0;
    }

    @Override
    public int markAllPublished(List<String> eventIds, LocalDateTime at) {
        markStatements.incrementAndGet();
        return eventIds.stream().mapToInt(id -> markPublished(id, at)).sum();
    }

    /** How many batched mark statements were written. */
    int markStatements() {
        return markStatements.get();
    }

    /** Whether the event is marked published (on the side the current mark names). */
    boolean isPublished(String eventId) {
        return side().published.containsKey(eventId);
    }

    @Override
    public List<String> findUnpublished(LocalDateTime before, int limit) {
        Side side = side();
        return side.committed.values().stream()
                .filter(row -> !side.published.containsKey(row.eventId()) && row.createdAt().isBefore(before))
                .sorted(Comparator.comparing(TradeEventDO::createdAt).thenComparing(TradeEventDO::eventId))
                .limit(limit).map(TradeEventDO::eventId).toList();
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        staged = new LinkedHashMap<>();
        try {
            T result = action.doInTransaction(new SimpleTransactionStatus(true));
            if (failNextCommit) {
                failNextCommit = false;
                throw new TransactionSystemException("connection reset while committing");
            }
            side().committed.putAll(staged);
            return result;
        } finally {
            staged = null;
        }
    }

    void commitRow(TradeEventDO row) {
        side().committed.put(row.eventId(), row);
    }

    boolean hasRow(String eventId) {
        return side().committed.containsKey(eventId);
    }

    void failNextCommit() {
        failNextCommit = true;
    }

    void failLookups() {
        failingLookups = true;
    }

    void answerLookups() {
        failingLookups = false;
    }
}
