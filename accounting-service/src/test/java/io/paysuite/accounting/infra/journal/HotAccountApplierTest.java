package io.paysuite.accounting.infra.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hot-account applier's rounds: woken by this instance's postings, polling slowly otherwise. */
class HotAccountApplierTest {

    private static final int BATCH = 500;

    private final AtomicInteger buffered = new AtomicInteger();
    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicInteger rounds = new AtomicInteger();
    private final CountDownLatch firstRound = new CountDownLatch(1);
    private HotAccountApplier applier;

    @AfterEach
    void stop() {
        if (applier != null) {
            applier.stop();
        }
    }

    @Test
    void aLineBufferedByThisInstanceIsAppliedWithoutWaitingForTheSlowPoll() throws Exception {
        ApplierPace pace = new ApplierPace(Duration.ofMillis(10), Duration.ofHours(1));
        for (int i = 0; i < 40; i++) {
            pace.afterRound(0); // long idle: the next poll is an hour away
        }
        CountDownLatch appliedOnce = new CountDownLatch(1);
        applier = new HotAccountApplier(() -> {
            rounds.incrementAndGet();
            firstRound.countDown();
            int taken = Math.min(buffered.getAndSet(0), BATCH);
            applied.addAndGet(taken);
            if (taken > 0) {
                appliedOnce.countDown();
            }
            return taken;
        }, BATCH, pace);
        applier.start();
        assertThat(firstRound.await(5, TimeUnit.SECONDS)).as("the round right after start").isTrue();

        buffered.set(3);
        applier.linesBuffered();

        assertThat(appliedOnce.await(5, TimeUnit.SECONDS)).as("applied well before the hour-long poll").isTrue();
        assertThat(applied.get()).isEqualTo(3);
    }

    @Test
    void aLineBufferedWhileARoundRunsIsAppliedByTheNextRoundNotTheSlowPoll() throws Exception {
        ApplierPace pace = new ApplierPace(Duration.ofMillis(10), Duration.ofHours(1));
        for (int i = 0; i < 40; i++) {
            pace.afterRound(0);
        }
        CountDownLatch appliedOnce = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        HotAccountApplier[] self = new HotAccountApplier[1];
        applier = new HotAccountApplier(() -> {
            if (calls.incrementAndGet() == 1) {
                // a posting commits and signals after this round's read found nothing
                buffered.set(2);
                self[0].linesBuffered();
                return 0;
            }
            int taken = buffered.getAndSet(0);
            if (taken > 0) {
                appliedOnce.countDown();
            }
            return taken;
        }, BATCH, pace);
        self[0] = applier;
        applier.start();

        assertThat(appliedOnce.await(5, TimeUnit.SECONDS)).as("applied well before the hour-long poll").isTrue();
    }

    @Test
    void fullBatchesAreDrainedBackToBackInOneRound() {
        buffered.set(1_200);
        applier = new HotAccountApplier(() -> {
            int taken = Math.min(buffered.get(), BATCH);
            buffered.addAndGet(-taken);
            return taken;
        }, BATCH, new ApplierPace(Duration.ofMillis(10), Duration.ofSeconds(1)));

        assertThat(applier.round()).isEqualTo(1_200);
        assertThat(buffered.get()).isZero();
    }

    @Test
    void aFailedRoundIsLoggedAndLeavesTheLinesForTheNext() {
        applier = new HotAccountApplier(() -> {
            throw new IllegalStateException("database away");
        }, BATCH, new ApplierPace(Duration.ofMillis(10), Duration.ofSeconds(1)));

        assertThat(applier.round()).isZero();
    }
}
