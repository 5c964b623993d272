package io.paysuite.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** The fault rules of {@code /sandbox/v1/faults}; channels ask it before each operation. */
@Component
public class FaultInjector {

    /** How long a TIMEOUT or SLOW rule without {@code millis} holds the answer. */
    public static final long DEFAULT_MILLIS = 10_000;

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    public void add(FaultRule rule) {
        rules.add(rule);
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public void clear() {
        rules.clear();
    }

    /** The first rule for this channel and operation that fires (each rule draws against its {@code rate}). */
    public Optional<FaultRule> draw(String channel, FaultRule.Operation operation) {
        for (FaultRule rule : rules) {
            if (rule.channel().equalsIgnoreCase(channel) && rule.operation() == operation
                    && rule.rate() > 0 && ThreadLocalRandom.current().nextDouble() < rule.rate()) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public static long millis(FaultRule rule) {
        return rule.millis() > 0 ? rule.millis() : DEFAULT_MILLIS;
    }

    public static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
