package io.paysuite.trade.infra.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PublishedMarksTest {

    final FakeEventDatabase database = new FakeEventDatabase();
    final PublishedMarks marks = new PublishedMarks(database, Clock.systemUTC(), Duration.ofMillis(50));

    private String committed(String eventId) {
        database.commitRow(new TradeEventDO(eventId, "T1", "TRADE_PAYING", "{}", LocalDateTime.now(ZoneOffset.UTC), null));
        return eventId;
    }

    @Test
    void marksOfEventsCommittedTogetherShareOneStatement() {
        marks.start();
        try {
            marks.mark(committed("E1"));
            marks.mark(committed("E2"));
            marks.mark(committed("E3"));

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!database.isPublished("E3") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(database.isPublished("E1")).isTrue();
            assertThat(database.isPublished("E2")).isTrue();
            assertThat(database.markStatements()).isEqualTo(1);
        } finally {
            marks.stop();
        }
    }

    @Test
    void stoppingWritesTheMarksStillWaiting() {
        PublishedMarks slow = new PublishedMarks(database, Clock.systemUTC(), Duration.ofHours(1));
        slow.start();
        slow.mark(committed("E4"));
        assertThat(database.isPublished("E4")).isFalse();

        slow.stop();

        assertThat(database.isPublished("E4")).isTrue();
    }

    @Test
    void aMarkWhenNotRunningIsWrittenAtOnce() {
        marks.mark(committed("E5"));

        assertThat(database.isPublished("E5")).isTrue();
    }

    @Test
    void aFailedFlushLeavesTheEventUnmarkedForTheJanitorAndDoesNotThrow() {
        database.failLookups();
        marks.mark(committed("E6"));
        database.answerLookups();

        assertThat(database.isPublished("E6")).isFalse();
        assertThat(database.findUnpublished(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(1), 10)).contains("E6");
    }

    @Test
    void aLoadTestEventsMarkIsWrittenOnTheShadowSideThoughTheFlushRunsOnAnUnmarkedThread() {
        marks.start();
        try {
            committed("E7");
            try (ShadowContext.Scope load = ShadowContext.enter()) {
                committed("E8");
                marks.mark("E8");
            }
            marks.mark("E7");

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!database.isPublished("E7") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } finally {
            marks.stop();
        }

        assertThat(database.isPublished("E7")).isTrue();
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            assertThat(database.isPublished("E8")).as("on the shadow side, where its row is").isTrue();
        }
    }
}
