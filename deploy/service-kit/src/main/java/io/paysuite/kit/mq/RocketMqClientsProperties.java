package io.paysuite.kit.mq;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.kit.rocketmq.*}: the process's one RocketMQ client instance ({@link ProcessClient}) and the
 * consumers it carries. The defaults are for a small box (a whole suite, its broker and its database on two
 * cores); a bigger one raises the threads.
 *
 * @param pollNameServer  how often the instance asks the name server for the routes of every topic its clients
 *                        use: a topic created after start is found within it. 5 s, the shortest any consumer of
 *                        the suite needs; one small request per topic each time
 * @param callbackThreads threads running the answers of asynchronous requests — every push consumer's pulls
 *                        arrive here and are handed to the consumer's own threads at once. 2: the client's
 *                        default is one per core, which is 2 here and too many for one instance on a big host
 * @param consumeThreads  handler threads of a consumer whose subscription names none. 4: every handler is a short
 *                        transaction on the service's own database; RocketMQ's default of 20 per group gave 60–100
 *                        mostly idle threads per service. A subscription that needs more says so
 */
@ConfigurationProperties("paysuite.kit.rocketmq")
public record RocketMqClientsProperties(@DefaultValue("5s") Duration pollNameServer,
                                        @DefaultValue("2") int callbackThreads,
                                        @DefaultValue("4") int consumeThreads) {

    public RocketMqClientsProperties {
        if (pollNameServer == null || pollNameServer.isNegative() || pollNameServer.isZero()) {
            throw new IllegalArgumentException("paysuite.kit.rocketmq.poll-name-server must be positive: " + pollNameServer);
        }
        if (callbackThreads < 1 || consumeThreads < 1) {
            throw new IllegalArgumentException("paysuite.kit.rocketmq threads must be at least 1: callback "
                    + callbackThreads + ", consume " + consumeThreads);
        }
    }

    /** The defaults above, for clients built without an application context. */
    public static RocketMqClientsProperties defaults() {
        return new RocketMqClientsProperties(Duration.ofSeconds(5), 2, 4);
    }
}
