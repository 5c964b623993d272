package io.paysuite.cashier.infra.notify;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;

/**
 * {@link NotificationMapper} over two in-memory tables, each method doing what its SQL does, and
 * counting the statements it sends: the tests measure how many statements a notification costs.
 */
class InMemoryNotificationMapper implements NotificationMapper {

    final Map<String, NotificationDO> notifications = new LinkedHashMap<>();
    final List<AttemptDO> attemptLog = new ArrayList<>();
    /** {@code delivered_http_status} and {@code delivered_duration_ms} of a row, where set. */
    final Map<String, long[]> deliveredAttempt = new LinkedHashMap<>();
    final AtomicInteger statements = new AtomicInteger();

    /** The row's status, or null; not a statement (the tests' own look). */
    synchronized String status(String eventId) {
        NotificationDO row = notifications.get(eventId);
        return row == null ? null : row.status();
    }

    @Override
    public synchronized int insert(NotificationDO row) {
        statements.incrementAndGet();
        if (notifications.containsKey(row.eventId())) {
            throw new DuplicateKeyException("Duplicate entry '" + row.eventId() + "' for key 'PRIMARY'");
        }
        notifications.put(row.eventId(), row);
        return 1;
    }

    @Override
    public synchronized NotificationDO find(String eventId) {
        statements.incrementAndGet();
        return notifications.get(eventId);
    }

    @Override
    public synchronized int claim(String eventId, int done, LocalDateTime overdueAt) {
        return update(eventId, done, r -> row(r, r.status(), r.attempts() + 1, overdueAt, r.deliveredAt()));
    }

    @Override
    public synchronized int failed(String eventId, int attempt, LocalDateTime nextAt) {
        return update(eventId, attempt, r -> row(r, r.status(), r.attempts(), nextAt, r.deliveredAt()));
    }

    @Override
    public synchronized int delivered(String eventId, int attempt, LocalDateTime at, int httpStatus, long durationMs) {
        int updated = update(eventId, attempt, r -> row(r, "DELIVERED", r.attempts(), null, at));
        if (updated == 1) {
            deliveredAttempt.put(eventId, new long[] {httpStatus, durationMs});
        }
        return updated;
    }

    @Override
    public synchronized int release(String eventId, int attempt, LocalDateTime dueAt) {
        return update(eventId, attempt, r -> row(r, r.status(), r.attempts() - 1, dueAt, r.deliveredAt()));
    }

    @Override
    public synchronized AttemptDO deliveredAttempt(String eventId) {
        statements.incrementAndGet();
        long[] d = deliveredAttempt.get(eventId);
        NotificationDO r = notifications.get(eventId);
        return d == null ? null : new AttemptDO(0, eventId, r.attempts(), "SCHEDULED", r.deliveredAt(), (int) d[0], null, d[1]);
    }

    @Override
    public synchronized List<TradeAttemptDO> deliveredAttemptsOfTrade(String tradeNo) {
        statements.incrementAndGet();
        return notifications.values().stream()
                .filter(r -> r.tradeNo().equals(tradeNo) && deliveredAttempt.containsKey(r.eventId()))
                .map(r -> new TradeAttemptDO(r.eventType(), r.eventId(), r.attempts(), "SCHEDULED", r.deliveredAt(),
                        (int) deliveredAttempt.get(r.eventId())[0], null, deliveredAttempt.get(r.eventId())[1]))
                .toList();
    }

    @Override
    public synchronized int gaveUp(String eventId, int attempt) {
        return update(eventId, attempt, r -> row(r, "GAVE_UP", r.attempts(), null, r.deliveredAt()));
    }

    @Override
    public synchronized int deliveredByOperator(String eventId, LocalDateTime at) {
        statements.incrementAndGet();
        NotificationDO r = notifications.get(eventId);
        if (r == null || r.status().equals("DELIVERED")) {
            return 0;
        }
        notifications.put(eventId, row(r, "DELIVERED", r.attempts(), null, at));
        return 1;
    }

    @Override
    public synchronized List<DueDO> overdue(LocalDateTime dueBefore, int limit) {
        statements.incrementAndGet();
        return notifications.values().stream()
                .filter(r -> r.status().equals("PENDING") && r.nextAttemptAt() != null && r.nextAttemptAt().isBefore(dueBefore))
                .sorted(Comparator.comparing(NotificationDO::nextAttemptAt)).limit(limit)
                .map(r -> new DueDO(r.eventId(), r.attempts())).toList();
    }

    @Override
    public synchronized List<NotificationDO> list(String status, String tradeNo, int limit) {
        statements.incrementAndGet();
        return notifications.values().stream()
                .filter(r -> status == null || r.status().equals(status))
                .filter(r -> tradeNo == null || r.tradeNo().equals(tradeNo))
                .limit(limit).toList();
    }

    @Override
    public synchronized int logAttempt(AttemptDO attempt) {
        statements.incrementAndGet();
        attemptLog.add(new AttemptDO(attemptLog.size() + 1, attempt.eventId(), attempt.attemptNo(), attempt.kind(),
                attempt.attemptedAt(), attempt.httpStatus(), attempt.error(), attempt.durationMs()));
        return 1;
    }

    @Override
    public synchronized List<AttemptDO> attempts(String eventId) {
        statements.incrementAndGet();
        return attemptLog.stream().filter(a -> a.eventId().equals(eventId)).toList();
    }

    @Override
    public synchronized List<TradeAttemptDO> attemptsOfTrade(String tradeNo) {
        statements.incrementAndGet();
        return attemptLog.stream()
                .filter(a -> notifications.containsKey(a.eventId()) && notifications.get(a.eventId()).tradeNo().equals(tradeNo))
                .map(a -> new TradeAttemptDO(notifications.get(a.eventId()).eventType(), a.eventId(), a.attemptNo(), a.kind(),
                        a.attemptedAt(), a.httpStatus(), a.error(), a.durationMs()))
                .toList();
    }

    /** {@code UPDATE ... WHERE event_id = ? AND attempts = ? AND status = 'PENDING'}. */
    private int update(String eventId, int attempts, UnaryOperator<NotificationDO> change) {
        statements.incrementAndGet();
        NotificationDO r = notifications.get(eventId);
        if (r == null || r.attempts() != attempts || !r.status().equals("PENDING")) {
            return 0;
        }
        notifications.put(eventId, Objects.requireNonNull(change.apply(r)));
        return 1;
    }

    private static NotificationDO row(NotificationDO r, String status, int attempts, LocalDateTime nextAttemptAt,
                                      LocalDateTime deliveredAt) {
        return new NotificationDO(r.eventId(), r.merchantId(), r.tradeNo(), r.eventType(), r.notifyUrl(), r.body(), status,
                attempts, nextAttemptAt, r.createdAt(), deliveredAt);
    }
}
