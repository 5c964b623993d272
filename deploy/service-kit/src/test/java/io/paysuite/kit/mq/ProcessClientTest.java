package io.paysuite.kit.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.impl.MQClientManager;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kit's clients against a name server nobody answers at. A producer starts without asking it anything, which
 * is all it takes to see which client instance it runs on; a consumer (and the transactional producer, which
 * announces itself to its topic's brokers) needs an answer to start, so for them the test asks RocketMQ's
 * {@link MQClientManager} what their start asks it: the instance for their client id.
 */
class ProcessClientTest {

    static final String NOBODY = "127.0.0.1:1";

    final List<Runnable> stops = new ArrayList<>();
    final BlockingQueue<String> checked = new LinkedBlockingQueue<>();

    @AfterEach
    void stopAll() {
        for (int i = stops.size() - 1; i >= 0; i--) {
            stops.get(i).run();
        }
        ProcessClient.use(RocketMqClientsProperties.defaults());
    }

    MessageProducer started(MessageProducer producer) {
        producer.start();
        stops.add(producer::stop);
        return producer;
    }

    /** A transactional producer of the process's instance whose check-backs are recorded under its group. */
    TransactionMQProducer transactional(String group) throws Exception {
        TransactionMQProducer producer = ProcessClient.join(new TransactionMQProducer(group));
        producer.setNamesrvAddr(NOBODY);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                checked.add(group);
                return LocalTransactionState.UNKNOW;
            }
        });
        producer.start();
        stops.add(producer::shutdown);
        return producer;
    }

    @Test
    void everyProducerAndConsumerGroupTheKitBuildsRunsOnTheProcesssOneClientInstance() {
        MessageProducer timers = started(new MessageProducer("paysuite-test-timer", NOBODY, Duration.ofSeconds(1)));
        MessageProducer followUps = started(new MessageProducer("paysuite-test-followups", NOBODY, null));
        DefaultMQPushConsumer consumer = ProcessClient.join(new DefaultMQPushConsumer("paysuite-test-consumer"),
                Subscription.of("paysuite-test-consumer", NOBODY, "paysuite-test-topic", "*", 10_000));
        TransactionMQProducer events = ProcessClient.join(new TransactionMQProducer("paysuite-test-tx"));

        MQClientInstance instance = timers.clientInstance();
        assertThat(followUps.clientInstance()).isSameAs(instance);
        assertThat(MQClientManager.getInstance().getOrCreateMQClientInstance(consumer)).isSameAs(instance);
        assertThat(MQClientManager.getInstance().getOrCreateMQClientInstance(events)).isSameAs(instance);
        assertThat(instance.getClientId()).endsWith("@" + ProcessClient.INSTANCE_NAME);
    }

    @Test
    void aCheckBackIsAnsweredByTheListenerOfTheProducerGroupItNames() throws Exception {
        TransactionMQProducer trades = transactional("paysuite-test-trade-tx");
        TransactionMQProducer pays = transactional("paysuite-test-pay-tx");
        MQClientInstance instance = trades.getDefaultMQProducerImpl().getMqClientFactory();
        assertThat(pays.getDefaultMQProducerImpl().getMqClientFactory()).isSameAs(instance);

        // what the instance does with a broker's CHECK_TRANSACTION_STATE: the producer of the message's group answers
        MessageExt half = new MessageExt();
        half.setTopic("paysuite-test-topic");
        MessageAccessor.putProperty(half, MessageConst.PROPERTY_PRODUCER_GROUP, "paysuite-test-pay-tx");
        half.setMsgId("0A0000000000000000000001");
        half.setTransactionId("0A0000000000000000000001");
        CheckTransactionStateRequestHeader header = new CheckTransactionStateRequestHeader();
        header.setCommitLogOffset(0L);
        header.setTranStateTableOffset(0L);
        header.setMsgId(half.getMsgId());
        header.setTransactionId(half.getTransactionId());
        header.setOffsetMsgId(half.getMsgId());
        header.setBrokerName("broker-a");
        instance.selectProducer(half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP)).checkTransactionState(NOBODY, half, header);

        assertThat(checked.poll(10, TimeUnit.SECONDS)).isEqualTo("paysuite-test-pay-tx");
        assertThat(checked.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void stoppingOneClientLeavesTheInstanceRunningForTheOthers() {
        MessageProducer timers = new MessageProducer("paysuite-test-timer-2", NOBODY, null);
        timers.start();
        MessageProducer events = started(new MessageProducer("paysuite-test-events-2", NOBODY, null));
        MQClientInstance instance = events.clientInstance();

        timers.stop();

        assertThat(instance.selectProducer("paysuite-test-timer-2")).isNull();
        assertThat(instance.selectProducer("paysuite-test-events-2")).isNotNull();
        assertThat(MQClientManager.getInstance().getOrCreateMQClientInstance(ProcessClient.join(new DefaultMQProducer("x"))))
                .isSameAs(instance);
    }

    @Test
    void aConsumerWithoutThreadsOfItsOwnTakesTheProcesssAndOneThatNamesThemKeepsThem() {
        ProcessClient.use(new RocketMqClientsProperties(Duration.ofSeconds(5), 2, 3));
        DefaultMQPushConsumer plain = ProcessClient.join(new DefaultMQPushConsumer("paysuite-test-plain"),
                Subscription.of("paysuite-test-plain", NOBODY, "t", "*", 10_000));
        DefaultMQPushConsumer own = new DefaultMQPushConsumer("paysuite-test-own");
        own.setConsumeThreadMin(1);
        own.setConsumeThreadMax(2);
        ProcessClient.join(own, Subscription.of("paysuite-test-own", NOBODY, "t", "*", 10_000).threads(1, 2));

        assertThat(plain.getConsumeThreadMin()).isEqualTo(3);
        assertThat(plain.getConsumeThreadMax()).isEqualTo(3);
        assertThat(own.getConsumeThreadMin()).isEqualTo(1);
        assertThat(own.getConsumeThreadMax()).isEqualTo(2);
        assertThat(plain.getPollNameServerInterval()).isEqualTo(5_000);
        assertThat(plain.getClientCallbackExecutorThreads()).isEqualTo(2);
        assertThat(plain.buildMQClientId()).isEqualTo(own.buildMQClientId());
    }
}
