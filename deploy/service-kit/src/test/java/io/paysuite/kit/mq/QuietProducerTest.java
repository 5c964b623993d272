package io.paysuite.kit.mq;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.junit.jupiter.api.Test;

class QuietProducerTest {

    @Test
    void aProducerSendsEachMessageOnItsOwnAndItsBatchGuardsSleepHalfASecond() {
        DefaultMQProducer producer = QuietProducer.quiet(new DefaultMQProducer("paysuite-test"));
        producer.initProduceAccumulator(); // what start() does: the process's accumulator takes the producer's delay

        assertThat(producer.getAutoBatch()).isFalse();
        assertThat(producer.getBatchMaxDelayMs()).isEqualTo(1000);
    }

    @Test
    void aTransactionalProducerIsQuietedTheSameWay() {
        TransactionMQProducer producer = QuietProducer.quiet(new TransactionMQProducer("paysuite-test-tx"));
        producer.initProduceAccumulator();

        assertThat(producer.getBatchMaxDelayMs()).isEqualTo(QuietProducer.IDLE_BATCH_DELAY_MS);
    }
}
