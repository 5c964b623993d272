package io.paysuite.kit.mq;

import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.springframework.context.SmartLifecycle;

/** One RocketMQ client of the kit, started and stopped with the application context. */
abstract class RocketMqClient implements SmartLifecycle {

    private final String name;
    private final int phase;
    private volatile boolean running;

    RocketMqClient(String name, int phase) {
        this.name = name;
        this.phase = phase;
    }

    /** Starts the client; a failure fails the application's start-up. */
    abstract void open() throws MQClientException;

    abstract void close();

    /** The RocketMQ client instance this client runs on once started: the process's one ({@link ProcessClient}). */
    abstract MQClientInstance clientInstance();

    @Override
    public void start() {
        try {
            open();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
