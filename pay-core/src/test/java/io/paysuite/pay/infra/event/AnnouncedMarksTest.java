package io.paysuite.pay.infra.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.pay.order.InMemoryPayOrders;
import io.paysuite.pay.order.InMemoryPayOrders.MarkStatement;
import io.paysuite.pay.order.PayOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class AnnouncedMarksTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    final Clock clock = Clock.fixed(T0.plusSeconds(3), ZoneOffset.UTC);
    final InMemoryPayOrders orders = new InMemoryPayOrders();
    final AnnouncedMarks marks = new AnnouncedMarks(orders, clock, Duration.ofMillis(50));

    /** A SUCCESS pay order of its own trade (gene 519 + n). */
    private String paid(int n) {
        String payOrderNo = "P20261122100000030000" + String.format("%05d", 519 + n);
        orders.insert(PayOrder.open(payOrderNo, new OpenPayOrderCmd("T20261122100000030000" + String.format("%05d", 519 + n),
                "10000000007", "M100001", PayMethod.ALIPAY_CODE, Money.cny(1000), "REQ-" + n), "digest", T0));
        orders.transition(payOrderNo, PayOrderStatus.CREATED, PayOrderStatus.PROCESSING, null, null, T0);
        orders.transition(payOrderNo, PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS, null, "ALIPAY", T0);
        return payOrderNo;
    }

    @Test
    void marksOfPaymentsAnnouncedTogetherShareOneStatement() {
        List<String> numbers = List.of(paid(1), paid(2), paid(3), paid(4));
        marks.start();
        try {
            numbers.forEach(marks::mark);

            awaitUntil(() -> numbers.stream().allMatch(orders::markedAnnounced));
        } finally {
            marks.stop();
        }
        assertThat(orders.markStatements()).as("one UPDATE … IN (…) for all four")
                .containsExactly(new MarkStatement(numbers, false));
        assertThat(orders.find(numbers.get(0)).orElseThrow().announcedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aFlushWritesAtMostABatchPerStatement() {
        AnnouncedMarks slow = new AnnouncedMarks(orders, clock, Duration.ofHours(1));
        slow.start(); // the delay keeps them all waiting; stopping flushes them at once
        for (int i = 0; i < AnnouncedMarks.BATCH + 1; i++) {
            slow.mark("P" + i);
        }
        slow.stop();

        assertThat(orders.markStatements()).extracting(s -> s.payOrderNos().size())
                .containsExactly(AnnouncedMarks.BATCH, 1);
    }

    @Test
    void stoppingWritesTheMarksStillWaiting() {
        AnnouncedMarks slow = new AnnouncedMarks(orders, clock, Duration.ofHours(1));
        String payOrderNo = paid(5);
        slow.start();
        slow.mark(payOrderNo);
        assertThat(orders.markedAnnounced(payOrderNo)).isFalse();

        slow.stop();

        assertThat(orders.markedAnnounced(payOrderNo)).isTrue();
    }

    @Test
    void aMarkWhenNotRunningIsWrittenAtOnce() {
        String payOrderNo = paid(6);

        marks.mark(payOrderNo);

        assertThat(orders.markedAnnounced(payOrderNo)).isTrue();
    }

    @Test
    void aFailedFlushLeavesThePayOrderUnmarkedForItsCheckAndDoesNotThrow() {
        String payOrderNo = paid(7);
        orders.marksFail(true);

        marks.mark(payOrderNo);

        orders.marksFail(false);
        assertThat(orders.markedAnnounced(payOrderNo)).isFalse();
    }

    @Test
    void aLoadTestPaymentsMarkIsWrittenOnTheShadowSideThoughTheFlushRunsOnAnUnmarkedThread() {
        String real = paid(8);
        String load = paid(9);
        marks.start();
        try {
            try (ShadowContext.Scope loadTraffic = ShadowContext.enter()) {
                marks.mark(load);
            }
            marks.mark(real);

            awaitUntil(() -> orders.markStatements().size() == 2);
        } finally {
            marks.stop();
        }
        assertThat(orders.markStatements()).containsExactly(new MarkStatement(List.of(real), false),
                new MarkStatement(List.of(load), true));
    }

    private static void awaitUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
