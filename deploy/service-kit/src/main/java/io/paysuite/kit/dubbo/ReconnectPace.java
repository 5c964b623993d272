package io.paysuite.kit.dubbo;

import java.util.HashMap;
import java.util.Map;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.config.ConfigPostProcessor;
import org.apache.dubbo.config.ReferenceConfig;

/**
 * How soon a consumer finds a provider again after it restarted on the same address.
 *
 * <p>Dubbo's defaults are built for a provider that comes back somewhere else: a SIGKILLed provider's connection is
 * marked unavailable, and the client tries to reconnect only on its reconnect tick — the larger of
 * {@code dubbo.application.least-reconnect-duration} (60 s) and a third of the idle timeout (three heartbeats of
 * 60 s, so 60 s too). Under instance-level discovery a provider restarted on the same host and port publishes the
 * same address with the same metadata revision, so the registry's notification changes nothing and the old, dead
 * invoker is the one that must recover. Measured on the embedded suite: a restarted accounting-service took its
 * callers up to two minutes after it was healthy, and a call in that window answered "No provider available".
 *
 * <p>This post-processor gives every reference of a process that has the kit on its class path (the services, the test
 * harness, the load tool) a 2-s heartbeat, a 15-s idle timeout and a 5-s reconnect tick: a restarted provider is reached
 * again within ~5 s of answering, for one heartbeat frame every 2 s per connection. A value a reference sets itself
 * (its {@code parameters}) wins. Dubbo's {@link ConfigPostProcessor} SPI rather than six copies of a parameter in
 * each service's YAML: it reaches the references created in code as well.
 */
@Activate
public class ReconnectPace implements ConfigPostProcessor {

    /** Heartbeat interval, ms: what a quiet connection sends so that a dead peer is noticed. */
    static final String HEARTBEAT = "2000";
    /** A connection that read nothing (no heartbeat answer either) this long is reconnected, ms. */
    static final String IDLE_TIMEOUT = "15000";
    /** The reconnect tick's floor, ms (the tick is the larger of this and a third of the idle timeout). */
    static final String LEAST_RECONNECT = "5000";

    @Override
    public void postProcessReferConfig(ReferenceConfig referenceConfig) {
        Map<String, String> parameters = referenceConfig.getParameters() == null
                ? new HashMap<>() : new HashMap<>(referenceConfig.getParameters());
        parameters.putIfAbsent("heartbeat", HEARTBEAT);
        parameters.putIfAbsent("heartbeat.timeout", IDLE_TIMEOUT);
        parameters.putIfAbsent("dubbo.application.least-reconnect-duration", LEAST_RECONNECT);
        referenceConfig.setParameters(parameters);
    }
}
