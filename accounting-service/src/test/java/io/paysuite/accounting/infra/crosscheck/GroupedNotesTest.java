package io.paysuite.accounting.infra.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Concurrent notes share one insert; each handler returns once its own note is written. */
class GroupedNotesTest {

    private final List<List<String>> writes = new CopyOnWriteArrayList<>();

    @Test
    void aLoneNoteIsWrittenAtOnceByItsOwnHandler() {
        GroupedNotes notes = new GroupedNotes(rows -> writes.add(keys(rows)));

        notes.note(row("T1", ""));

        assertThat(writes).containsExactly(List.of("T1/"));
    }

    @Test
    void notesArrivingWhileAWriteIsInFlightGoTogetherInTheNextWriteInKeyOrder() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        GroupedNotes notes = new GroupedNotes(rows -> {
            writes.add(keys(rows));
            if (writes.size() == 1) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
        });
        ExecutorService handlers = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = handlers.submit(() -> notes.note(row("T9", "")));
            assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> others = new ArrayList<>();
            for (String tradeNo : List.of("T3", "T1", "T2")) {
                others.add(handlers.submit(() -> notes.note(row(tradeNo, ""))));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (notes.waiting() < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(notes.waiting()).isEqualTo(3);
            assertThat(others).noneMatch(Future::isDone);

            releaseFirstWrite.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (Future<?> other : others) {
                other.get(5, TimeUnit.SECONDS);
            }
        } finally {
            handlers.shutdownNow();
        }

        assertThat(writes).containsExactly(List.of("T9/"), List.of("T1/", "T2/", "T3/"));
    }

    @Test
    void aFailedWriteFailsTheHandlersWhoseNotesItCarriedSoTheBrokerRedeliversThem() {
        GroupedNotes notes = new GroupedNotes(rows -> {
            throw new IllegalStateException("database away");
        });

        assertThatThrownBy(() -> notes.note(row("T1", "R1"))).hasMessage("database away");
        assertThat(notes.waiting()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PendingRow row(String tradeNo, String refundNo) {
        PendingRow row = new PendingRow();
        row.tradeNo = tradeNo;
        row.refundNo = refundNo;
        return row;
    }

    private static List<String> keys(List<PendingRow> rows) {
        return rows.stream().map(row -> row.tradeNo + "/" + row.refundNo).toList();
    }
}
