package io.paysuite.cashier.infra.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
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
    void aNotificationDeliveredAtItsFirstAttemptCostsNineStatements() throws Exception {
        when(endpoint.deliver(anyString(), anyString())).thenReturn(new Delivery(NOW, 200, null, 12));
        dispatcher.start();

        intake.acceptSettlement(settled("ST1"), NOW);
        await(() -> "DELIVERED".equals(mapper.status("SETTLEMENT.PAID.ST1")));
        dispatcher.stop(); // lets the attempt in flight finish its transaction

        assertThat(statements()).as("statements per delivered notification").isEqualTo(9);
    }
}
