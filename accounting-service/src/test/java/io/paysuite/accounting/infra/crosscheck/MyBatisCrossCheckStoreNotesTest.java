package io.paysuite.accounting.infra.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Load traffic's notes gather apart from real traffic's: a group is written on its leader's side. */
class MyBatisCrossCheckStoreNotesTest {

    private static final Instant AT = Instant.parse("2026-12-07T21:00:00Z");

    private final CrossCheckMapper mapper = mock(CrossCheckMapper.class);
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    @AfterEach
    void stopHandlers() {
        handlers.shutdownNow();
    }

    @Test
    void realAndLoadTrafficNotesInOneWindowAreWrittenApartEachOnItsOwnSide() throws Exception {
        when(mapper.note(anyList())).thenAnswer(call -> {
            List<PendingRow> rows = call.getArgument(0);
            writes.add((ShadowContext.active() ? "shadow " : "real ") + GroupedNotesTest.keys(rows));
            return rows.size();
        });
        // groups of two: the two real notes fill theirs at once, the load note's waits out its window
        MyBatisCrossCheckStore store = new MyBatisCrossCheckStore(mapper, Clock.fixed(AT, ZoneOffset.UTC),
                CrossCheckConsumersTest.properties(Duration.ofSeconds(2), 2));

        Future<?> load = handlers.submit(() -> {
            try (ShadowContext.Scope marked = ShadowContext.enter()) {
                store.note("T2", "", AT);
            }
        });
        Future<?> real1 = handlers.submit(() -> store.note("T1", "", AT));
        Future<?> real3 = handlers.submit(() -> store.note("T3", "", AT));
        for (Future<?> note : List.of(load, real1, real3)) {
            note.get(5, TimeUnit.SECONDS);
        }

        assertThat(writes).containsExactlyInAnyOrder("real [T1/, T3/]", "shadow [T2/]");
    }
}
