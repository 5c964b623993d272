package io.paysuite.kit.mq;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;

/**
 * A service's adapter over the kit's RocketMQ clients (producers, consumers), started and stopped with
 * the application context as one: its clients start in the order they were registered with
 * {@link #runs} and stop in reverse, so a consumer registered after the producer it answers with never
 * runs without it.
 */
public abstract class RocketMqAdapter implements SmartLifecycle {

    private final List<SmartLifecycle> clients = new ArrayList<>();
    private final int phase;

    /** @param phase the lifecycle phase; {@link SmartLifecycle#DEFAULT_PHASE} starts last and stops first */
    protected RocketMqAdapter(int phase) {
        this.phase = phase;
    }

    /** Registers a client of this adapter; returns it. */
    protected final <C extends SmartLifecycle> C runs(C client) {
        clients.add(client);
        return client;
    }

    @Override
    public void start() {
        clients.forEach(SmartLifecycle::start);
    }

    @Override
    public void stop() {
        for (int i = clients.size() - 1; i >= 0; i--) {
            clients.get(i).stop();
        }
    }

    @Override
    public boolean isRunning() {
        return !clients.isEmpty() && clients.stream().allMatch(SmartLifecycle::isRunning);
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
