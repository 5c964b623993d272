package io.paysuite.accounting.infra.crosscheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes the notes of concurrent event handlers together: group commit over a short window, leader and
 * followers, no thread of its own. The first note of a group leads it: it waits up to {@code window} while
 * other handlers' notes join, or less once {@code groupSize} notes have joined, then writes the whole group
 * in one statement. Notes keep joining while the write before it is still in flight, so a slow database
 * gets larger groups, not more statements.
 *
 * <p>A write that answered at once left nearly every note of a busy instance in a group of its own: a
 * write took about a millisecond, notes came a few milliseconds apart, so there was rarely company to
 * wait for (1.5 single-row inserts per payment measured, two notes a payment — trade-core's event and
 * pay-core's). The window is what gives them company, and a payment's two notes falling in one window
 * are one row.
 *
 * <p>Each handler returns only once the group holding its note is written, and throws what that write
 * threw: the broker's acknowledgement still means "noted", and a failed write sends every message of its
 * group back. A handler thread is held for at most the window plus one write; that is why the
 * consumers that note run more threads than the kit's default ({@link CrossCheckProperties#consumeThreads}),
 * and why {@code groupSize} should not exceed the threads that can wait in one group at once: when every
 * handler is waiting, nothing more can join, and the group is written without sitting out its window.
 *
 * <p>Rows go in key order, so two instances' multi-row inserts lock index entries in one order, and one
 * instance writes one group at a time.
 */
final class GroupedNotes {

    /** The most rows one statement carries, whatever the configuration asks. */
    static final int MAX_ROWS = 500;
    private static final Comparator<PendingRow> KEY_ORDER = Comparator.<PendingRow, String>comparing(row -> row.tradeNo)
            .thenComparing(row -> row.refundNo);

    private final Consumer<List<PendingRow>> write;
    private final long windowNanos;
    private final int groupSize;
    /** Guards {@link #open}; {@link #joined} wakes the leader of a group that is full. */
    private final ReentrantLock gathering = new ReentrantLock();
    private final Condition joined = gathering.newCondition();
    /** One write at a time: the next group gathers meanwhile. */
    private final ReentrantLock writing = new ReentrantLock();
    /** The group new notes join, or null when none is gathering; guarded by {@link #gathering}. */
    private Group open;

    /**
     * @param window    how long a group gathers at most
     * @param groupSize the notes that close a group before its window ends (at most {@value #MAX_ROWS})
     */
    GroupedNotes(Consumer<List<PendingRow>> write, Duration window, int groupSize) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("note window must not be negative: " + window);
        }
        if (groupSize < 1) {
            throw new IllegalArgumentException("note group size must be at least 1: " + groupSize);
        }
        this.write = write;
        this.windowNanos = window.toNanos();
        this.groupSize = Math.min(groupSize, MAX_ROWS);
    }

    /** Returns once the note is written; throws what its group's write threw. */
    void note(PendingRow row) {
        Group group;
        boolean leads;
        gathering.lock();
        try {
            leads = open == null;
            if (leads) {
                open = new Group();
            }
            group = open;
            group.notes.add(row);
            if (group.notes.size() >= groupSize) {
                open = null; // full: the next note starts a group of its own
                joined.signalAll();
            }
        } finally {
            gathering.unlock();
        }
        if (leads) {
            lead(group);
        }
        group.awaitWritten();
    }

    /** Notes gathering for the next write (for tests). */
    int gathering() {
        gathering.lock();
        try {
            return open == null ? 0 : open.notes.size();
        } finally {
            gathering.unlock();
        }
    }

    private void lead(Group group) {
        boolean interrupted = false;
        try {
            interrupted = gatherFor(group);
            writing.lock();
            try {
                close(group); // what joined while the write before was in flight goes too
                group.write(write);
            } finally {
                writing.unlock();
            }
        } finally {
            // whatever stopped this leader, its followers are answered (failed, so their messages come back)
            close(group);
            group.abandon();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void close(Group group) {
        gathering.lock();
        try {
            if (open == group) {
                open = null;
            }
        } finally {
            gathering.unlock();
        }
    }

    /** Waits until the group is full or its window has passed; true when interrupted (the group is written now). */
    private boolean gatherFor(Group group) {
        long deadline = System.nanoTime() + windowNanos;
        gathering.lock();
        try {
            for (long left = windowNanos; open == group && left > 0; left = deadline - System.nanoTime()) {
                joined.awaitNanos(left);
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        } finally {
            gathering.unlock();
        }
    }

    private static PendingRow earlier(PendingRow kept, PendingRow other) {
        return other.notedAt != null && (kept.notedAt == null || other.notedAt.isBefore(kept.notedAt)) ? other : kept;
    }

    private static final class Group {
        /** Guarded by the notes' {@code gathering} lock until the group is closed; read by its leader after. */
        final List<PendingRow> notes = new ArrayList<>();
        private final CountDownLatch written = new CountDownLatch(1);
        private volatile RuntimeException failure;

        /** Answers the notes unless the write threw an error: then {@link #abandon} fails them. */
        void write(Consumer<List<PendingRow>> write) {
            try {
                write.accept(rows());
            } catch (RuntimeException e) {
                failure = e;
            }
            written.countDown();
        }

        /** Not written and never will be (its leader failed before or while writing): the notes fail. */
        void abandon() {
            if (written.getCount() > 0) {
                failure = new IllegalStateException("cross-check notes not written: their group's leader failed");
                written.countDown();
            }
        }

        /**
         * One row a key: a payment's trade note and pay note are one row, and the earliest news keeps its place
         * (as a row already waiting does: the insert's duplicate only marks it noted again).
         */
        private List<PendingRow> rows() {
            Map<String, PendingRow> rows = new HashMap<>();
            notes.forEach(row -> rows.merge(row.tradeNo + "/" + row.refundNo, row, GroupedNotes::earlier));
            return rows.values().stream().sorted(KEY_ORDER).toList();
        }

        /**
         * Waits for the write even when interrupted: returning early would leave the message's fate unknown.
         * The wait is bounded: the window, the write before (one at a time), and this group's write.
         */
        void awaitWritten() {
            boolean interrupted = false;
            while (true) {
                try {
                    written.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
