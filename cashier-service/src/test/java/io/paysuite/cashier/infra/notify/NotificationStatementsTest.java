package io.paysuite.cashier.infra.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.event.SettlementFinished;
import io.paysuite.api.common.Result;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.SettlementTermsDTO;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.api.settlement.SettlementStatus;
import io.paysuite.api.event.Topics;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.notify.Delivery;
import io.paysuite.cashier.notify.MerchantEndpoint;
import io.paysuite.cashier.notify.NotificationDispatcher;
import io.paysuite.cashier.notify.NotificationIntake;
import io.paysuite.cashier.notify.NotifyProperties;
import io.paysuite.cashier.notify.SettlementNotifications;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.paysuite.cashier.notify.Notification;
import io.paysuite.cashier.notify.NotificationAttempt;
import io.paysuite.cashier.notify.NotificationSweeper;
import io.paysuite.cashier.notify.OperatorResend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * How many statements cashier-service's database runs for one notification, counted on the mapper: each
 * mapper call is one statement, and each transaction adds three ({@code SET autocommit=0}, {@code COMMIT},
 * {@code SET autocommit=1}), as MariaDB's general log showed them.
 */
class NotificationStatementsTest {

    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    /** Counts transactions; the in-memory mapper needs no real one. */
    static final class CountingTransactions implements PlatformTransactionManager {
        final AtomicInteger committed = new AtomicInteger();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus(true);
        }

        @Override
        public void commit(TransactionStatus status) {
            committed.incrementAndGet();
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }

    final InMemoryNotificationMapper mapper = new InMemoryNotificationMapper();
    final CountingTransactions transactions = new CountingTransactions();
    final MyBatisNotificationStore store = new MyBatisNotificationStore(mapper, transactions);
    final MerchantEndpoint endpoint = mock(MerchantEndpoint.class);
    final List<String> timers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** A clock the test moves; the dispatcher's threads read it. */
    static final class MovingClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(NOW);

        void pass(Duration duration) {
            now.updateAndGet(at -> at.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    final MovingClock clock = new MovingClock();
    final NotificationDispatcher dispatcher = new NotificationDispatcher(store, endpoint,
            (eventId, attempt, at) -> timers.add(eventId + "#" + attempt + "@" + at), properties(4, 100), clock);
    final NotificationIntake intake = new NotificationIntake(null, new SettlementNotifications(JSON,
            new Times(ZoneId.of("Asia/Shanghai")), merchants()), null, store, dispatcher, clock);

    static MerchantService merchants() {
        MerchantService merchants = mock(MerchantService.class);
        when(merchants.settlementTerms(anyString())).thenAnswer(call -> Result.ok(new SettlementTermsDTO(call.getArgument(0), 1,
                "****6001", "Shop", "Bank", "https://shop.example/settled")));
        return merchants;
    }

    static NotifyProperties properties(int concurrency, int queueCapacity) {
        return new NotifyProperties(List.of(Duration.ofSeconds(15), Duration.ofSeconds(15)), Duration.ofSeconds(5),
                concurrency, queueCapacity, "127.0.0.1:19876", Topics.TRADE_EVENT, "g", Topics.NOTIFY_RETRY, "rg",
                Duration.ofSeconds(30), Duration.ofSeconds(60), 500, Topics.LEDGER_EVENT, "lg");
    }

    static SettlementFinished settled(String settlementNo) {
        return new SettlementFinished("SETTLEMENT.PAID." + settlementNo, new SettlementDTO(settlementNo, "M10000001",
                LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 6), "CNY", 10_000, 2_500, 45,
                -100, -1_000, 6_355, SettlementStatus.PAID, "PO1", "****6001", PayoutStatus.SUCCESS, NOW, NOW));
    }

    @AfterEach
    void stop() {
        if (dispatcher.isRunning()) {
            dispatcher.stop();
        }
    }

    int statements() {
        return mapper.statements.get() + 3 * transactions.committed.get();
    }

    static void await(BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(until);
            Thread.sleep(5);
        }
    }

    @Test
    void aNotificationDeliveredAtItsFirstAttemptCostsTwoStatements() throws Exception {
        when(endpoint.deliver(anyString(), anyString())).thenReturn(new Delivery(NOW, 200, null, 12));
        dispatcher.start();

        intake.acceptSettlement(settled("ST1"), NOW);
        await(() -> "DELIVERED".equals(mapper.status("SETTLEMENT.PAID.ST1")));
        dispatcher.stop(); // lets the attempt in flight finish its transaction

        assertThat(statements()).as("statements per delivered notification").isEqualTo(2);
    }

    static final String EVENT = "SETTLEMENT.PAID.ST1";

    List<String> history(String eventId) {
        return store.attempts(eventId).stream()
                .map(a -> (a.attemptNo() == null ? a.kind() : a.attemptNo().toString()) + ":" + a.httpStatus()).toList();
    }

    Notification storedClaimed() throws Exception {
        Notification fresh = new SettlementNotifications(JSON, new Times(ZoneId.of("Asia/Shanghai")), merchants())
                .build(settled("ST1"), NOW, clock.instant());
        Notification claimed = dispatcher.claimedFirst(fresh);
        assertThat(store.insert(claimed)).isTrue();
        return claimed;
    }

    @Test
    void theDeliveringAttemptIsInTheHistoryThoughItIsKeptOnTheRow() throws Exception {
        when(endpoint.deliver(anyString(), anyString())).thenReturn(new Delivery(NOW, 200, null, 12));
        dispatcher.start();

        intake.acceptSettlement(settled("ST1"), NOW);
        await(() -> "DELIVERED".equals(mapper.status(EVENT)));

        assertThat(mapper.attemptLog).as("nothing in notification_attempt").isEmpty();
        assertThat(store.attempts(EVENT)).singleElement().satisfies(a -> {
            assertThat(a.attemptNo()).isEqualTo(1);
            assertThat(a.kind()).isEqualTo(NotificationAttempt.SCHEDULED);
            assertThat(a.httpStatus()).isEqualTo(200);
            assertThat(a.durationMs()).isEqualTo(12);
            assertThat(a.acknowledged()).isTrue();
        });
        assertThat(store.attemptsOfTrade("ST1")).singleElement()
                .satisfies(a -> assertThat(a.attempt().attemptNo()).isEqualTo(1));
        assertThat(store.find(EVENT).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventCostsOneRefusedInsertAndSendsNothingMore() throws Exception {
        when(endpoint.deliver(anyString(), anyString())).thenReturn(new Delivery(NOW, 200, null, 12));
        dispatcher.start();
        intake.acceptSettlement(settled("ST1"), NOW);
        await(() -> "DELIVERED".equals(mapper.status(EVENT)));
        dispatcher.stop();
        int before = statements();

        intake.acceptSettlement(settled("ST1"), NOW);

        assertThat(statements() - before).as("the INSERT the primary key refuses").isEqualTo(1);
        assertThat(mapper.notifications).hasSize(1);
        verify(endpoint, times(1)).deliver(anyString(), anyString());
    }

    @Test
    void aFirstAttemptStoredClaimedCannotBeMadeByAnyoneElse() throws Exception {
        when(endpoint.deliver(anyString(), anyString())).thenReturn(new Delivery(NOW, 200, null, 12));
        storedClaimed();
        dispatcher.start();

        dispatcher.request(EVENT, 1, "event"); // a duplicated event on another instance
        dispatcher.request(EVENT, 2, "sweep"); // the sweeper, before the claim's lease ended
        await(() -> !timers.isEmpty());
        dispatcher.stop(); // both requests have run

        verify(endpoint, never()).deliver(anyString(), anyString());
        assertThat(store.find(EVENT).orElseThrow().attempts()).isEqualTo(1);
        assertThat(timers).as("attempt 2 waits for the lease to end").singleElement().asString().startsWith(EVENT + "#2@");
    }

    @Test
    void aProcessKilledBetweenStoringAndSendingDeliversByTheSweeperAfterTheLease() throws Exception {
        when(endpoint.deliver(anyString(), anyString())).thenReturn(new Delivery(NOW, 200, null, 12));
        Notification claimed = storedClaimed(); // ... and the process dies before the POST
        dispatcher.start();
        NotificationSweeper sweeper = new NotificationSweeper(store, dispatcher, properties(4, 100), clock);

        sweeper.sweep();
        assertThat(mapper.status(EVENT)).as("within the lease").isEqualTo("PENDING");
        clock.pass(Duration.between(NOW, claimed.nextAttemptAt()).plus(properties(4, 100).sweepLateness()).plusSeconds(1));
        sweeper.sweep();
        await(() -> "DELIVERED".equals(mapper.status(EVENT)));

        assertThat(history(EVENT)).as("the lost first attempt counts, as a claimed one always did").containsExactly("2:200");
    }

    @Test
    void aFirstAttemptThatFindsNoRunningDispatcherGivesItsClaimBackAndArmsItsTimer() throws Exception {
        when(endpoint.deliver(anyString(), anyString())).thenReturn(new Delivery(NOW, 200, null, 12));

        intake.acceptSettlement(settled("ST1"), NOW); // the dispatcher is not running

        Notification n = store.find(EVENT).orElseThrow();
        assertThat(n.attempts()).isZero();
        assertThat(n.nextAttemptAt()).isEqualTo(NOW);
        assertThat(timers).singleElement().asString().startsWith(EVENT + "#1@");

        dispatcher.start();
        dispatcher.request(EVENT, 1, "timer");
        await(() -> "DELIVERED".equals(mapper.status(EVENT)));
        assertThat(history(EVENT)).containsExactly("1:200");
    }

    @Test
    void aFirstAttemptThatWaitedTooLongForASlotIsClaimedAfreshAndStillAttemptOne() throws Exception {
        when(endpoint.deliver(anyString(), anyString())).thenReturn(new Delivery(NOW, 200, null, 12));
        Notification claimed = storedClaimed();
        clock.pass(Duration.ofSeconds(6)); // past the 5 s a stored claim may wait for its POST
        dispatcher.start();
        int before = statements();

        dispatcher.deliverClaimed(claimed);
        await(() -> "DELIVERED".equals(mapper.status(EVENT)));
        dispatcher.stop();

        assertThat(statements() - before).as("release, read, claim, DELIVERED").isEqualTo(4);
        assertThat(history(EVENT)).containsExactly("1:200");
    }

    @Test
    void failedAttemptsTheDeliveringOneAndAnOperatorResendReadInTheOrderTheyWereMade() throws Exception {
        when(endpoint.deliver(anyString(), anyString()))
                .thenAnswer(call -> new Delivery(clock.instant(), 500, "HTTP 500", 30))
                .thenAnswer(call -> new Delivery(clock.instant(), 200, null, 20))
                .thenAnswer(call -> new Delivery(clock.instant(), 204, null, 10));
        dispatcher.start();
        intake.acceptSettlement(settled("ST1"), NOW);
        await(() -> !timers.isEmpty());
        clock.pass(Duration.ofSeconds(15));
        dispatcher.request(EVENT, 2, "timer");
        await(() -> "DELIVERED".equals(mapper.status(EVENT)));
        clock.pass(Duration.ofMinutes(1));

        new OperatorResend(store, endpoint).resend(EVENT);

        assertThat(history(EVENT)).containsExactly("1:500", "2:200", "OPERATOR:204");
        assertThat(store.attemptsOfTrade("ST1")).extracting(a -> a.attempt().httpStatus()).containsExactly(500, 200, 204);
        assertThat(store.find(EVENT).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void anAcknowledgedAttemptOfANotificationAnOperatorDeliveredMeanwhileIsStillLogged() throws Exception {
        when(endpoint.deliver(anyString(), anyString())).thenReturn(new Delivery(NOW, 200, null, 12));
        storedClaimed();
        store.recordOperatorResend(EVENT, new Delivery(NOW, 200, null, 5));

        assertThat(store.recordDelivered(EVENT, 1, new Delivery(NOW.plusMillis(1), 200, null, 12))).isFalse();

        assertThat(history(EVENT)).containsExactly("OPERATOR:200", "1:200");
        assertThat(mapper.deliveredAttempt).as("the row keeps no attempt it did not deliver by").isEmpty();
    }
}
