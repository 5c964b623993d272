package io.paysuite.accounting.infra.crosscheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes the notes of concurrent event handlers together: group commit, leader and followers, no
 * thread of its own. A handler queues its note and takes the write lock; whoever holds it writes
 * every note queued so far in one statement, so while one write is in flight the next handlers'
 * notes gather and go in the next. Each handler returns only once its own note is written (or throws
 * what the write threw): the broker's acknowledgement still means "noted", and a lone note is written
 * at once, without waiting for company.
 *
 * <p>Rows go in key order, so two instances' multi-row inserts lock index entries in one order.
 */
final class GroupedNotes {

    /** The most rows one statement carries. */
    static final int MAX_ROWS = 500;
    private static final Comparator<PendingRow> KEY_ORDER = Comparator.<PendingRow, String>comparing(row -> row.tradeNo)
            .thenComparing(row -> row.refundNo);

    private final Consumer<List<PendingRow>> write;
    private final Queue<Note> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    GroupedNotes(Consumer<List<PendingRow>> write) {
        this.write = write;
    }

    void note(PendingRow row) {
        Note mine = new Note(row);
        queued.add(mine);
        while (!mine.done) {
            writing.lock();
            try {
                if (!mine.done) {
                    writeQueued();
                }
            } finally {
                writing.unlock();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Notes waiting for a write (for tests). */
    int waiting() {
        return queued.size();
    }

    private void writeQueued() {
        List<Note> batch = new ArrayList<>();
        for (Note note; batch.size() < MAX_ROWS && (note = queued.poll()) != null; ) {
            batch.add(note);
        }
        if (batch.isEmpty()) {
            return;
        }
        // the same trade noted twice in one batch is one row: the earliest news keeps its place
        Map<String, PendingRow> rows = new LinkedHashMap<>();
        batch.forEach(note -> rows.putIfAbsent(note.row.tradeNo + "/" + note.row.refundNo, note.row));
        RuntimeException failure = null;
        try {
            write.accept(rows.values().stream().sorted(KEY_ORDER).toList());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Note note : batch) {
            note.failure = failure;
            note.done = true;
        }
    }

    private static final class Note {
        final PendingRow row;
        volatile RuntimeException failure;
        volatile boolean done;

        Note(PendingRow row) {
            this.row = row;
        }
    }
}
