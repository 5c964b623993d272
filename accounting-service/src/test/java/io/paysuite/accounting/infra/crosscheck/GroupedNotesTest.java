package io.paysuite.accounting.infra.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent notes gather over a short window into one insert; each handler returns once its own note is written. */
class GroupedNotesTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 7, 21, 0);

    private final List<List<PendingRow>> writes = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    @AfterEach
    void stopHandlers() {
        handlers.shutdownNow();
    }

    @Test
    void notesOfManyPaymentsInOneWindowGoInOneStatementInKeyOrder() throws Exception {
        GroupedNotes notes = new GroupedNotes(writes::add, LONG, 5);

        List<Future<?>> noted = noteAll(notes, row("T5", ""), row("T3", ""), row("T1", ""), row("T4", ""), row("T2", ""));

        awaitAll(noted); // the fifth note filled the group: written long before the window's end
        assertThat(writes).hasSize(1);
        assertThat(keys(writes.get(0))).containsExactly("T1/", "T2/", "T3/", "T4/", "T5/");
    }

    @Test
    void aGroupWaitsOutItsWindowForCompanyThenIsWrittenOnce() throws Exception {
        Duration window = Duration.ofSeconds(1);
        GroupedNotes notes = new GroupedNotes(writes::add, window, 100);
        long start = System.nanoTime();

        List<Future<?>> noted = noteAll(notes, row("T1", ""), row("T2", ""), row("T3", ""));
        awaitUntil(() -> notes.gathering() == 3);
        assertThat(writes).isEmpty();
        awaitAll(noted);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(window);
        assertThat(writes).hasSize(1);
        assertThat(keys(writes.get(0))).containsExactly("T1/", "T2/", "T3/");
    }

    @Test
    void aTradeNoteAndAPayNoteOfOnePaymentInOneWindowAreOneRowKeepingTheEarlierNews() throws Exception {
        GroupedNotes notes = new GroupedNotes(writes::add, LONG, 3);
        PendingRow payNote = row("T1", "", AT.plusNanos(5_000_000));
        PendingRow tradeNote = row("T1", "", AT);

        awaitAll(noteAll(notes, payNote, tradeNote, row("T1", "R1", AT)));

        assertThat(writes).hasSize(1);
        assertThat(keys(writes.get(0))).containsExactly("T1/", "T1/R1");
        assertThat(writes.get(0).get(0).notedAt).isEqualTo(AT);
    }

    @Test
    void noHandlerReturnsBeforeTheWriteOfItsGroupHasReturned() throws Exception {
        CountDownLatch writeStarted = new CountDownLatch(1);
        CountDownLatch releaseWrite = new CountDownLatch(1);
        GroupedNotes notes = new GroupedNotes(rows -> {
            writeStarted.countDown();
            await(releaseWrite);
            writes.add(rows);
        }, LONG, 2);

        List<Future<?>> noted = noteAll(notes, row("T1", ""), row("T2", ""));
        assertThat(writeStarted.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(noted).noneMatch(Future::isDone);

        releaseWrite.countDown();
        awaitAll(noted);
        assertThat(writes).hasSize(1);
    }

    @Test
    void aFailedWriteFailsEveryHandlerWhoseNoteItCarriedSoTheBrokerRedeliversThemAll() throws Exception {
        GroupedNotes notes = new GroupedNotes(rows -> {
            writes.add(rows);
            if (writes.size() == 1) {
                throw new IllegalStateException("database away");
            }
        }, LONG, 3);

        List<Future<?>> noted = noteAll(notes, row("T1", ""), row("T2", ""), row("T3", "R1"));

        for (Future<?> note : noted) {
            assertThatThrownBy(() -> note.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("database away");
        }
        assertThat(notes.gathering()).isZero();
        // the redelivered messages note again, and the next group is written
        awaitAll(noteAll(notes, row("T1", ""), row("T2", ""), row("T3", "R1")));
        assertThat(writes).hasSize(2);
    }

    @Test
    void notesArrivingWhileAWriteIsInFlightGoTogetherInTheNextWrite() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        GroupedNotes notes = new GroupedNotes(rows -> {
            writes.add(rows);
            if (writes.size() == 1) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
        }, Duration.ZERO, 100);

        List<Future<?>> first = noteAll(notes, row("T9", ""));
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> others = noteAll(notes, row("T3", ""), row("T1", ""), row("T2", ""));
        awaitUntil(() -> notes.gathering() == 3);
        assertThat(others).noneMatch(Future::isDone);

        releaseFirstWrite.countDown();
        awaitAll(first);
        awaitAll(others);

        assertThat(writes).hasSize(2);
        assertThat(keys(writes.get(0))).containsExactly("T9/");
        assertThat(keys(writes.get(1))).containsExactly("T1/", "T2/", "T3/");
    }

    @Test
    void aLoneNoteWithoutAWindowIsWrittenAtOnceByItsOwnHandler() {
        GroupedNotes notes = new GroupedNotes(writes::add, Duration.ZERO, 100);

        notes.note(row("T1", ""));

        assertThat(writes).hasSize(1);
        assertThat(keys(writes.get(0))).containsExactly("T1/");
    }

    private List<Future<?>> noteAll(GroupedNotes notes, PendingRow... rows) {
        List<Future<?>> noted = new ArrayList<>();
        for (PendingRow row : rows) {
            noted.add(handlers.submit(() -> notes.note(row)));
        }
        return noted;
    }

    private static void awaitAll(List<Future<?>> noted) throws Exception {
        for (Future<?> note : noted) {
            note.get(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static PendingRow row(String tradeNo, String refundNo) {
        return row(tradeNo, refundNo, AT);
    }

    static PendingRow row(String tradeNo, String refundNo, LocalDateTime notedAt) {
        PendingRow row = new PendingRow();
        row.tradeNo = tradeNo;
        row.refundNo = refundNo;
        row.notedAt = notedAt;
        return row;
    }

    static List<String> keys(List<PendingRow> rows) {
        return rows.stream().map(row -> row.tradeNo + "/" + row.refundNo).toList();
    }
}
