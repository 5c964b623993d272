package io.paysuite.kit.mq;

/**
 * One push consumer group and what it takes.
 *
 * @param group              the consumer group; every instance of the service shares it, so a message is
 *                           handled by one of them, and one set by an instance that died by another
 * @param namesrv            the name server(s)
 * @param topic              the topic
 * @param tags               the subscription expression, {@code *} or {@code A || B}
 * @param pollNameServer     the longest, in ms, this consumer may go without asking for its route again (a
 *                           topic created after start is found within it). The process's one client instance
 *                           asks for every topic at {@code paysuite.kit.rocketmq.poll-name-server}; a consumer
 *                           asking for less is warned about at start ({@link ProcessClient})
 * @param threadsMin         consume threads, or 0 for the process's ({@code paysuite.kit.rocketmq.consume-threads})
 * @param threadsMax         consume threads, or 0 for the process's
 * @param maxReconsumeTimes  the broker's retries before the dead-letter queue, or -1 for the client's
 *                           default; set explicitly where a {@link LateFollowUps} depends on it
 */
public record Subscription(String group, String namesrv, String topic, String tags, int pollNameServer,
                           int threadsMin, int threadsMax, int maxReconsumeTimes) {

    /** The suite's usual consumer: the process's consume threads, the client's retries. */
    public static Subscription of(String group, String namesrv, String topic, String tags, int pollNameServer) {
        return new Subscription(group, namesrv, topic, tags, pollNameServer, 0, 0, -1);
    }

    public Subscription threads(int min, int max) {
        return new Subscription(group, namesrv, topic, tags, pollNameServer, min, max, maxReconsumeTimes);
    }

    public Subscription retries(int times) {
        return new Subscription(group, namesrv, topic, tags, pollNameServer, threadsMin, threadsMax, times);
    }
}
