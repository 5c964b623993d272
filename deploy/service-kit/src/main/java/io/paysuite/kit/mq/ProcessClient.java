package io.paysuite.kit.mq;

import java.time.Duration;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one RocketMQ client instance of this process, shared by every producer and consumer the kit builds.
 *
 * <p>RocketMQ's Java client keeps one {@code MQClientInstance} per client id ({@code MQClientManager}), and the
 * id is {@code <client ip>@<instance name>[@<unit name>]}. A client left with the default instance name
 * {@code DEFAULT} renames itself to {@code <pid>#<nanoTime>} when it starts, so each producer and consumer group
 * got an instance of its own: nine per service, each with its own Netty selector, callback executor, 100-ms
 * housekeeping wheel, pull and rebalance services, scheduled tasks, batching guards and connections. Giving
 * every kit client the same instance name (and no unit name) makes them one instance: one set of those threads
 * and one connection per broker and name server, carrying every group's heartbeat.
 *
 * <p>What stays per group: the broker tells groups apart by the group in each request, so a consumer group is
 * rebalanced on its own and a producer group's check-backs still reach its own listener — the broker sends a
 * check over any connection of the group, and the client hands it to the producer registered under the
 * message's producer group ({@code PGROUP}). Two clients of the same group in one process are refused at start
 * (the instance keys its producers and consumers by group); no service has two.
 *
 * <p>The instance takes its settings (name-server polling, callback threads, heartbeat) from the first client
 * that starts, so every kit client carries the same ones ({@link #join}). The name is this process's id and the
 * moment it loaded the kit, as RocketMQ's own default is: two instances of a service on one host, or a service
 * restarted under a recycled pid while the broker still remembers its predecessor, are distinct clients.
 *
 * <p>The settings are process-wide because the instance is: {@link RocketMqClientsAutoConfiguration} hands
 * {@link RocketMqClientsProperties} over when the application context creates its beans, before any client
 * starts; without a context (tests) the properties' defaults apply.
 */
public final class ProcessClient {

    private static final Logger log = LoggerFactory.getLogger(ProcessClient.class);
    /** What every kit client of this process is called at the broker. */
    static final String INSTANCE_NAME = "paysuite-" + ProcessHandle.current().pid() + "#" + System.nanoTime();

    private static volatile RocketMqClientsProperties settings = RocketMqClientsProperties.defaults();

    private ProcessClient() {
    }

    /** The settings every kit client of this process starts with; called once the context has bound them. */
    public static void use(RocketMqClientsProperties properties) {
        settings = properties;
    }

    static RocketMqClientsProperties settings() {
        return settings;
    }

    /** Makes {@code client} a member of the process's instance; called just before it starts. */
    static <C extends ClientConfig> C join(C client) {
        RocketMqClientsProperties current = settings;
        client.setInstanceName(INSTANCE_NAME);
        client.setUnitName(null);
        client.setPollNameServerInterval(Math.toIntExact(current.pollNameServer().toMillis()));
        client.setClientCallbackExecutorThreads(current.callbackThreads());
        client.setVipChannelEnabled(false);
        return client;
    }

    /**
     * A consumer of the process's instance, with the process's consume threads unless its subscription names
     * its own. RocketMQ's concurrent consumer queues without bound, so only {@code consumeThreadMin} threads
     * ever run; {@code consumeThreadMax} is set alike.
     */
    static DefaultMQPushConsumer join(DefaultMQPushConsumer consumer, Subscription subscription) {
        join(consumer);
        RocketMqClientsProperties current = settings;
        if (subscription.threadsMin() <= 0) {
            consumer.setConsumeThreadMin(current.consumeThreads());
            consumer.setConsumeThreadMax(current.consumeThreads());
        }
        Duration asked = Duration.ofMillis(subscription.pollNameServer());
        if (subscription.pollNameServer() > 0 && asked.compareTo(current.pollNameServer()) < 0) {
            log.warn("consumer {} asks for its route every {}, but the process's one client polls every {} "
                    + "(paysuite.kit.rocketmq.poll-name-server)", subscription.group(), asked, current.pollNameServer());
        }
        return consumer;
    }
}
