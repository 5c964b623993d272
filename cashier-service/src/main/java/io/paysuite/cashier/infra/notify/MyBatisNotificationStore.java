package io.paysuite.cashier.infra.notify;

import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.cashier.infra.notify.NotificationMapper.AttemptDO;
import io.paysuite.cashier.infra.notify.NotificationMapper.NotificationDO;
import io.paysuite.cashier.infra.notify.NotificationMapper.TradeAttemptDO;
import io.paysuite.cashier.notify.Delivery;
import io.paysuite.cashier.notify.Notification;
import io.paysuite.cashier.notify.NotificationAttempt;
import io.paysuite.cashier.notify.NotificationStatus;
import io.paysuite.cashier.notify.NotificationStore;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link NotificationStore} in cashier-service's database, through MyBatis. Every change of a
 * notification is a compare-and-set on ({@code attempts}, {@code status}) and answers whether it won;
 * the outcome of an attempt is recorded atomically with the change it causes: the delivering attempt on the
 * row itself in the DELIVERED update, any other in the same transaction as its change.
 */
@Component
public class MyBatisNotificationStore implements NotificationStore {

    private final NotificationMapper mapper;
    private final TransactionTemplate transactions;

    public MyBatisNotificationStore(NotificationMapper mapper, PlatformTransactionManager transactionManager) {
        this.mapper = mapper;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setName("merchant-notification");
    }

    /**
     * Stores a new notification; false when its event was stored before (a redelivered event). The
     * primary key on the event id, not a read before the insert, keeps one row per event.
     */
    @Override
    public boolean insert(Notification n) {
        return DuplicateKey.inserted(() -> mapper.insert(new NotificationDO(n.eventId(), n.merchantId(), n.tradeNo(), n.eventType(),
                n.notifyUrl(), n.body(), n.status().name(), n.attempts(), utc(n.nextAttemptAt()), utc(n.createdAt()),
                utc(n.deliveredAt()))));
    }

    @Override
    public Optional<Notification> find(String eventId) {
        return Optional.ofNullable(mapper.find(eventId)).map(MyBatisNotificationStore::notification);
    }

    /**
     * Claims scheduled attempt {@code done + 1} of a PENDING notification; of any number of
     * callers (duplicate timers, the sweeper, other instances) exactly one gets true.
     *
     * @param overdueAt when the claimed attempt counts as lost if its outcome was never recorded
     */
    @Override
    public boolean claim(String eventId, int done, Instant overdueAt) {
        return mapper.claim(eventId, done, utc(overdueAt)) == 1;
    }

    /**
     * Attempt {@code attempt} was acknowledged: DELIVERED with the attempt kept on the row, one UPDATE.
     * When the row moved meanwhile (an operator's resend delivered it) the attempt still goes to the log.
     */
    @Override
    public boolean recordDelivered(String eventId, int attempt, Delivery delivery) {
        if (mapper.delivered(eventId, attempt, utc(delivery.at()), delivery.httpStatus(), delivery.durationMs()) == 1) {
            return true;
        }
        log(eventId, attempt, NotificationAttempt.SCHEDULED, delivery);
        return false;
    }

    @Override
    public boolean release(String eventId, int attempt, Instant dueAt) {
        return mapper.release(eventId, attempt, utc(dueAt)) == 1;
    }

    /** Attempt {@code attempt} failed and the next is due at {@code nextAt}; false if the row moved meanwhile. */
    @Override
    public boolean recordFailed(String eventId, int attempt, Delivery delivery, Instant nextAt) {
        return inTransaction(() -> {
            log(eventId, attempt, NotificationAttempt.SCHEDULED, delivery);
            return mapper.failed(eventId, attempt, utc(nextAt)) == 1;
        });
    }

    /** The last scheduled attempt failed: logged, and GAVE_UP. */
    @Override
    public boolean recordGaveUp(String eventId, int attempt, Delivery delivery) {
        return inTransaction(() -> {
            log(eventId, attempt, NotificationAttempt.SCHEDULED, delivery);
            return mapper.gaveUp(eventId, attempt) == 1;
        });
    }

    /** Gives up a notification whose schedule ran out without a recorded last outcome (a crash). */
    @Override
    public boolean giveUp(String eventId, int attempts) {
        return mapper.gaveUp(eventId, attempts) == 1;
    }

    /** An operator's resend: logged; when acknowledged the notification is DELIVERED, whatever it was. */
    @Override
    public void recordOperatorResend(String eventId, Delivery delivery) {
        inTransaction(() -> {
            log(eventId, null, NotificationAttempt.OPERATOR, delivery);
            if (delivery.acknowledged()) {
                mapper.deliveredByOperator(eventId, utc(delivery.at()));
            }
            return null;
        });
    }

    @Override
    public List<Due> overdue(Instant dueBefore, int limit) {
        return mapper.overdue(utc(dueBefore), limit).stream().map(d -> new Due(d.eventId(), d.attempts())).toList();
    }

    /** Newest first, without bodies. */
    @Override
    public List<Notification> list(NotificationStatus status, String tradeNo, int limit) {
        return mapper.list(status == null ? null : status.name(), tradeNo, limit).stream()
                .map(MyBatisNotificationStore::notification).toList();
    }

    /** The logged attempts in the order they were logged, the delivering one (kept on the row) placed by its time. */
    @Override
    public List<NotificationAttempt> attempts(String eventId) {
        List<NotificationAttempt> logged = mapper.attempts(eventId).stream().map(MyBatisNotificationStore::attempt).toList();
        AttemptDO delivering = mapper.deliveredAttempt(eventId);
        return delivering == null ? logged
                : DeliveringAttempts.placed(logged, List.of(attempt(delivering)), NotificationAttempt::attemptedAt);
    }

    @Override
    public List<TradeAttempt> attemptsOfTrade(String tradeNo) {
        return DeliveringAttempts.placed(tradeAttempts(mapper.attemptsOfTrade(tradeNo)),
                tradeAttempts(mapper.deliveredAttemptsOfTrade(tradeNo)), a -> a.attempt().attemptedAt());
    }

    private static List<TradeAttempt> tradeAttempts(List<TradeAttemptDO> rows) {
        return rows.stream()
                .map(a -> new TradeAttempt(a.eventType(), new NotificationAttempt(0, a.eventId(), a.attemptNo(), a.kind(),
                        instant(a.attemptedAt()), a.httpStatus(), a.error(), a.durationMs())))
                .toList();
    }

    private void log(String eventId, Integer attempt, String kind, Delivery delivery) {
        mapper.logAttempt(new AttemptDO(0, eventId, attempt, kind, utc(delivery.at()), delivery.httpStatus(),
                truncate(delivery.error()), delivery.durationMs()));
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private static Notification notification(NotificationDO row) {
        return new Notification(row.eventId(), row.merchantId(), row.tradeNo(), row.eventType(), row.notifyUrl(), row.body(),
                NotificationStatus.valueOf(row.status()), row.attempts(), instant(row.nextAttemptAt()),
                instant(row.createdAt()), instant(row.deliveredAt()));
    }

    private static NotificationAttempt attempt(AttemptDO row) {
        return new NotificationAttempt(row.id(), row.eventId(), row.attemptNo(), row.kind(), instant(row.attemptedAt()),
                row.httpStatus(), row.error(), row.durationMs());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 512 ? error : error.substring(0, 509) + "...";
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
