package io.paysuite.it.money;

import static org.awaitility.Awaitility.await;

import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.killed.ServiceKills;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * When the chaos workload disrupts the suite: each of trade-core, pay-core, channel-gateway and
 * accounting-service killed (SIGKILL) and restarted once, and the broker restarted once, one at a
 * time in a seeded order, each after a share of the operations.
 *
 * <p>The operations are numbered tickets. Disruption {@code k} starts when ticket {@code start(k)}
 * is handed out; the next half slice of tickets runs while the service is down or coming back, and
 * the tickets after that wait until it is healthy again. Without that gate, operations failing fast
 * against a dead service would use up the whole workload during the first outage, and the later
 * disruptions would hit an idle suite.
 */
final class ChaosSchedule {

    /** One disruption: a service killed with SIGKILL and restarted, or (no victim) the broker restarted gracefully. */
    record Disruption(ServiceId victim) {

        String name() {
            return victim == null ? "broker restart" : "kill " + victim.module();
        }
    }

    /** What happened, for the summary line and the failure messages. */
    record Happened(String name, int atOperation, Instant at, long backAfterMillis) {
        @Override
        public String toString() {
            return name + " at operation " + atOperation + " (" + at + ", back after " + backAfterMillis / 1000 + " s)";
        }
    }

    private static final Duration GATE_LIMIT = Duration.ofMinutes(10);

    private final int operations;
    private final List<Disruption> disruptions;
    private final List<CountDownLatch> done = new ArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<Happened> happened = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean abandoned;

    private ChaosSchedule(int operations, List<Disruption> disruptions) {
        this.operations = operations;
        this.disruptions = List.copyOf(disruptions);
        this.disruptions.forEach(d -> done.add(new CountDownLatch(1)));
    }

    /** The four money services killed and restarted, and the broker restarted, in an order drawn from the seed. */
    static ChaosSchedule of(int operations, Random random) {
        List<Disruption> all = new ArrayList<>();
        for (ServiceId victim : List.of(ServiceId.TRADE_CORE, ServiceId.PAY_CORE, ServiceId.CHANNEL_GATEWAY,
                ServiceId.ACCOUNTING_SERVICE)) {
            all.add(new Disruption(victim));
        }
        all.add(new Disruption(null));
        Collections.shuffle(all, random);
        return new ChaosSchedule(operations, all);
    }

    /** The next operation's ticket once its turn has come, or -1 when the workload is used up. */
    int nextTicket() throws InterruptedException {
        int ticket = issued.getAndIncrement();
        if (ticket >= operations || abandoned) {
            return -1;
        }
        for (int k = 0; k < disruptions.size(); k++) {
            if (ticket >= start(k) + slice() / 2 && !done.get(k).await(GATE_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("disruption '" + disruptions.get(k).name() + "' not over within "
                        + GATE_LIMIT.toMinutes() + " min");
            }
        }
        return ticket;
    }

    /**
     * Runs the disruptions in order on the calling thread: each waits for its ticket, acts, waits for
     * the half slice of operations that meet the outage, then brings the service back and waits until
     * it is healthy (the suite's restart does) before the next one may start.
     */
    void run(Suite suite, Consumer<String> log) {
        for (int k = 0; k < disruptions.size(); k++) {
            Disruption disruption = disruptions.get(k);
            try {
                int at = start(k);
                await().atMost(GATE_LIMIT).pollInterval(Duration.ofMillis(100)).until(() -> abandoned || issued.get() >= at);
                if (abandoned) {
                    return;
                }
                Instant began = Instant.now();
                long t0 = System.nanoTime();
                log.accept(disruption.name() + " at operation " + at);
                if (disruption.victim() == null) {
                    suite.infra().restartBroker(); // graceful: the broker's own restart returns once it is registered
                } else {
                    suite.kill(disruption.victim());
                    int meets = Math.min(at + slice() / 2, operations);
                    try {
                        await().atMost(GATE_LIMIT).pollInterval(Duration.ofMillis(100))
                                .until(() -> abandoned || issued.get() >= meets);
                    } finally {
                        ServiceKills.running(disruption.victim()); // whatever happens, the suite is left whole: healthy and reached again
                    }
                }
                long back = (System.nanoTime() - t0) / 1_000_000;
                happened.add(new Happened(disruption.name(), at, began, back));
                log.accept(disruption.name() + " over: back after " + back + " ms");
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                log.accept(disruption.name() + " failed: " + e);
            } finally {
                done.get(k).countDown();
            }
        }
    }

    /**
     * Stops the workload early (a worker failed): no further tickets or disruptions, and a service
     * down right now is still brought back before {@link #run} returns, so later tests find the suite whole.
     */
    void abandon() {
        abandoned = true;
        done.forEach(CountDownLatch::countDown);
    }

    List<Happened> happened() {
        return List.copyOf(happened);
    }

    /** The first disruption that could not be carried out (the run proves nothing then), or null. */
    Throwable failure() {
        return failure.get();
    }

    private int slice() {
        return Math.max(2, operations / (disruptions.size() + 1));
    }

    private int start(int k) {
        return (k + 1) * slice();
    }
}
