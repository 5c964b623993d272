package io.paysuite.channel.isolation;

import com.alibaba.csp.sentinel.slots.block.degrade.circuitbreaker.CircuitBreaker;
import com.alibaba.csp.sentinel.slots.block.degrade.circuitbreaker.EventObserverRegistry;
import io.paysuite.api.channel.ChannelCode;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The circuit breakers' states per channel, kept from Sentinel's state-change events. A channel
 * has two breakers (slow calls, errors); it is open when either is. The router leaves an open
 * channel out, so only {@link BreakerProbe}'s probes reach it until a probe closes the breaker.
 */
@Component
public class BreakerBoard {

    private static final Logger log = LoggerFactory.getLogger(BreakerBoard.class);

    /** per channel, per breaker (rule grade): its state */
    private final Map<ChannelCode, Map<Integer, CircuitBreaker.State>> states = new ConcurrentHashMap<>();
    private final Map<ChannelCode, Instant> openedAt = new ConcurrentHashMap<>();
    private final Clock clock;

    public BreakerBoard(Clock clock) {
        this.clock = clock;
        EventObserverRegistry.getInstance().addStateChangeObserver("paysuite-breaker-board", (previous, next, rule, snapshot) -> {
            ChannelCode channel = ChannelGuard.channelOf(rule.getResource());
            if (channel == null) {
                return;
            }
            states.computeIfAbsent(channel, c -> new ConcurrentHashMap<>()).put(rule.getGrade(), next);
            if (next == CircuitBreaker.State.OPEN) {
                openedAt.put(channel, clock.instant());
                log.warn("CHANNEL_ALARM breaker of {} (grade {}) {} → OPEN", channel, rule.getGrade(), previous);
            } else {
                log.info("breaker of {} (grade {}) {} → {}", channel, rule.getGrade(), previous, next);
            }
        });
    }

    public String state(ChannelCode channel) {
        Map<Integer, CircuitBreaker.State> byRule = states.getOrDefault(channel, Map.of());
        if (byRule.containsValue(CircuitBreaker.State.OPEN)) {
            return CircuitBreaker.State.OPEN.name();
        }
        if (byRule.containsValue(CircuitBreaker.State.HALF_OPEN)) {
            return CircuitBreaker.State.HALF_OPEN.name();
        }
        return CircuitBreaker.State.CLOSED.name();
    }

    public boolean open(ChannelCode channel) {
        return !CircuitBreaker.State.CLOSED.name().equals(state(channel));
    }

    public Instant openedAt(ChannelCode channel) {
        return openedAt.get(channel);
    }

    Map<ChannelCode, String> snapshot() {
        Map<ChannelCode, String> all = new EnumMap<>(ChannelCode.class);
        for (ChannelCode channel : ChannelCode.values()) {
            all.put(channel, state(channel));
        }
        return all;
    }

    Instant now() {
        return clock.instant();
    }
}
