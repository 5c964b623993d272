package io.paysuite.kit.mq;

import org.apache.rocketmq.client.producer.DefaultMQProducer;

/**
 * What every producer of the kit sets so that it costs nothing while idle.
 *
 * <p>RocketMQ 5.3's client starts, with the first producer of a process, a {@code ProduceAccumulator} with two
 * guard threads (sync and async auto-batching) that sleep {@code batchMaxDelayMs / 2} between rounds — 5 ms by
 * default, so about 400 wake-ups a second in every service that sends, whether or not anything is batched. The
 * kit never turns on {@code autoBatch} (every message is sent on its own, the sender waiting for the broker's
 * answer), so the accumulator holds nothing and its delay changes no send; 1 s makes the guards wake twice a
 * second each. Not longer: the guards notice a shutdown only after their sleep, and a service stops within its
 * graceful-shutdown grace.
 */
final class QuietProducer {

    /** The accumulator's hold time, in ms: its guard threads sleep half of it. */
    static final int IDLE_BATCH_DELAY_MS = 1000;

    private QuietProducer() {
    }

    static <P extends DefaultMQProducer> P quiet(P producer) {
        producer.setAutoBatch(false);
        producer.batchMaxDelayMs(IDLE_BATCH_DELAY_MS);
        return producer;
    }
}
